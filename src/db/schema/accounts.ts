import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
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
  updatedAt: at('updated_at').notNull(),
});
