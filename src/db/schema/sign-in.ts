import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { at } from './columns.js';

export const passwordHistory = pgTable('password_history', {
  identityId: text('identity_id').notNull(),
  id: text('id').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: at('created_at').notNull(),
});

export const recoveryCodes = pgTable('recovery_codes', {
  identityId: text('identity_id').notNull(),
  codeHash: text('code_hash').notNull(),
  usedAt: at('used_at'),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  identityId: text('identity_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  stage: text('stage', { enum: ['second_factor', 'active'] }).notNull(),
  method: text('method', { enum: ['password', 'google', 'sso'] }).notNull(),
  accountId: text('account_id'),
  createdAt: at('created_at').notNull(),
  lastSeenAt: at('last_seen_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  clientIp: text('client_ip'),
  userAgent: text('user_agent'),
});

export const identityLinks = pgTable('identity_links', {
  tokenHash: text('token_hash').primaryKey(),
  purpose: text('purpose', { enum: ['password_reset', 'email_change'] }).notNull(),
  identityId: text('identity_id').notNull(),
  newEmail: text('new_email'),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: at('window_started_at').notNull(),
  lockouts: integer('lockouts').notNull().default(0),
  lockedUntil: at('locked_until'),
});

export const signInEvents = pgTable('sign_in_events', {
  id: text('id').primaryKey(),
  occurredAt: at('occurred_at').notNull(),
  outcome: text('outcome', { enum: ['success', 'failure', 'lockout'] }).notNull(),
  email: text('email'),
  identityId: text('identity_id'),
  method: text('method').notNull(),
  reason: text('reason'),
  clientIp: text('client_ip'),
});

export const alertSubscriptions = pgTable('alert_subscriptions', {
  accountId: text('account_id').notNull(),
  userId: text('user_id').notNull(),
  runtimeStatus: boolean('runtime_status').notNull().default(false),
  executionStatus: boolean('execution_status').notNull().default(false),
  userNotifications: boolean('user_notifications').notNull().default(false),
  updatedAt: at('updated_at').notNull(),
});

export const externalIdentities = pgTable('external_identities', {
  provider: text('provider', { enum: ['google'] }).notNull(),
  subject: text('subject').notNull(),
  identityId: text('identity_id').notNull(),
  linkedAt: at('linked_at').notNull(),
});
