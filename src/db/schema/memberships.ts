import { bigint, boolean, jsonb, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { at } from './columns.js';

export const memberships = pgTable('memberships', {
  accountId: text('account_id').notNull(),
  userId: text('user_id').notNull(),
  userEmail: text('user_email').notNull(),
  userName: text('user_name').notNull(),
  nameKey: text('name_key').notNull(),
  isAdmin: boolean('is_admin').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  status: text('status', { enum: ['invited', 'active'] }).notNull(),
  source: text('source', { enum: ['rivery', 'active_directory'] }).notNull(),
  allowLoginPassword: boolean('allow_login_password').notNull().default(true),
  allowLoginGoogle: boolean('allow_login_google').notNull().default(false),
  allowLoginSso: boolean('allow_login_sso').notNull().default(false),
  invitedBy: text('invited_by'),
  onboarding: jsonb('onboarding'),
  lastLogin: at('last_login'),
  /** copy of membership_roles: environment id → role key (kept by triggers) */
  roleMap: jsonb('role_map').$type<Record<string, string>>().notNull().default({}),
  /** copy of team_members: the user's team ids, sorted (kept by triggers) */
  teamIds: jsonb('team_ids').$type<string[]>().notNull().default([]),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const membershipRoles = pgTable('membership_roles', {
  accountId: text('account_id').notNull(),
  userId: text('user_id').notNull(),
  environmentId: text('environment_id').notNull(),
  roleKey: text('role_key').notNull(),
});

export const teams = pgTable('teams', {
  accountId: text('account_id').notNull(),
  id: text('id').notNull(),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull(),
  description: text('description').notNull().default(''),
  source: text('source', { enum: ['rivery', 'active_directory'] })
    .notNull()
    .default('rivery'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const teamRoles = pgTable('team_roles', {
  accountId: text('account_id').notNull(),
  teamId: text('team_id').notNull(),
  environmentId: text('environment_id').notNull(),
  roleKey: text('role_key').notNull(),
});

export const teamMembers = pgTable('team_members', {
  accountId: text('account_id').notNull(),
  teamId: text('team_id').notNull(),
  userId: text('user_id').notNull(),
  createdAt: at('created_at').notNull(),
});

/** One account's counters, split into slots that concurrent writers bump apart; read their sums. */
export const accountUserStats = pgTable('account_user_stats', {
  accountId: text('account_id').notNull(),
  slot: smallint('slot').notNull(),
  members: bigint('members', { mode: 'number' }).notNull(),
  version: bigint('version', { mode: 'number' }).notNull(),
});

export const userCountCache = pgTable('user_count_cache', {
  accountId: text('account_id').notNull(),
  filterKey: text('filter_key').notNull(),
  version: bigint('version', { mode: 'number' }).notNull(),
  total: bigint('total', { mode: 'number' }).notNull(),
});
