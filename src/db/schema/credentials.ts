import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { at } from './columns.js';

export const apiTokens = pgTable('api_tokens', {
  accountId: text('account_id').notNull(),
  id: text('id').notNull(),
  ownerId: text('owner_id').notNull(),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull(),
  tokenHash: text('token_hash').notNull(),
  scopes: text('scopes').array().notNull(),
  expiresAt: at('expires_at'),
  lastUsedAt: at('last_used_at'),
  lastUsedIp: text('last_used_ip'),
  createdAt: at('created_at').notNull(),
});

export const invitations = pgTable('invitations', {
  accountId: text('account_id').notNull(),
  id: text('id').notNull(),
  userId: text('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  invitedById: text('invited_by_id'),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  acceptedAt: at('accepted_at'),
  revokedAt: at('revoked_at'),
});

export const auditEvents = pgTable('audit_events', {
  accountId: text('account_id').notNull(),
  id: text('id').notNull(),
  occurredAt: at('occurred_at').notNull(),
  actorType: text('actor_type', { enum: ['identity', 'token', 'system'] }).notNull(),
  actorId: text('actor_id'),
  tokenId: text('token_id'),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  requestId: text('request_id'),
  clientIp: text('client_ip'),
});

export const mailOutbox = pgTable('mail_outbox', {
  id: text('id').primaryKey(),
  accountId: text('account_id'),
  template: text('template').notNull(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  textBody: text('text_body'),
  htmlBody: text('html_body'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: at('next_attempt_at').notNull(),
  sentAt: at('sent_at'),
  failedAt: at('failed_at'),
  lastError: text('last_error'),
  createdAt: at('created_at').notNull(),
});
