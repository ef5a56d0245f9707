import { bigint, boolean, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { at } from './columns.js';

export const accounts = pgTable('accounts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  features: text('features').array().notNull().default([]),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const identities = pgTable('identities', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  isSuperAdmin: boolean('is_super_admin').notNull().default(false),
  passwordHash: text('password_hash'),
  passwordChangedAt: at('password_changed_at'),
  timeZone: text('time_zone').notNull().default('UTC'),
  preferences: jsonb('preferences').$type<Record<string, unknown>>().notNull().default({}),
  /** encrypted with a key derived from STEWARD_SECRET */
  totpSecret: text('totp_secret'),
  totpEnabledAt: at('totp_enabled_at'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const environments = pgTable('environments', {
  accountId: text('account_id').notNull(),
  id: text('id').notNull(),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const roles = pgTable('roles', {
  accountId: text('account_id').notNull(),
  key: text('key').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  privileges: text('privileges').array().notNull().default([]),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const accountSecuritySettings = pgTable('account_security_settings', {
  accountId: text('account_id').primaryKey(),
  trustedIps: text('trusted_ips').array().notNull().default([]),
  idleTimeoutMinutes: integer('idle_timeout_minutes').notNull().default(60),
  maxSessionsPerUser: integer('max_sessions_per_user').notNull().default(10),
  requireTwoFactor: boolean('require_two_factor').notNull().default(false),
  passwordMinLength: integer('password_min_length').notNull().default(12),
  passwordCharacterClasses: integer('password_character_classes').notNull().default(0),
  passwordHistoryCount: integer('password_history_count').notNull().default(0),
  passwordMaxAgeDays: integer('password_max_age_days'),
  updatedAt: at('updated_at').notNull(),
});
