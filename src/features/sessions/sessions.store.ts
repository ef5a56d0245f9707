import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accountSecuritySettings, identities, memberships, sessions } from '../../db/schema/index.js';
import { DEFAULT_SECURITY_SETTINGS } from '../settings/settings.service.js';

export type SessionRow = typeof sessions.$inferSelect;

// Global table (a session belongs to one person, whichever accounts they work in).

/** The rules that bind a person's sessions: the strictest of every account they are an active member of. */
export interface SessionRules {
  idleTimeoutMinutes: number;
  maxSessionsPerUser: number;
  requireTwoFactor: boolean;
}

export interface SessionWithIdentity extends SessionRow, SessionRules {
  email: string;
  name: string;
  isSuperAdmin: boolean;
  hasTwoFactor: boolean;
  /** a password sign-in whose password is past the strictest maximum age of the person's accounts */
  mustChangePassword: boolean;
}

const DEFAULTS = DEFAULT_SECURITY_SETTINGS;

/** One rule over the person's active memberships; the default when they have none yet. */
function strictest(identityId: SQL, aggregate: string, fallback: number | boolean): SQL {
  return sql`coalesce((select ${sql.raw(aggregate)} from ${memberships} m
    left join ${accountSecuritySettings} ss on ss.account_id = m.account_id
    where m.user_id = ${identityId} and m.is_active and m.status = 'active'), ${fallback})`;
}

function strictestRules(identityId: SQL) {
  return {
    idleTimeoutMinutes: strictest(
      identityId,
      `min(coalesce(ss.idle_timeout_minutes, ${String(DEFAULTS.idleTimeoutMinutes)}))`,
      DEFAULTS.idleTimeoutMinutes,
    ).mapWith(Number),
    maxSessionsPerUser: strictest(
      identityId,
      `min(coalesce(ss.max_sessions_per_user, ${String(DEFAULTS.maxSessionsPerUser)}))`,
      DEFAULTS.maxSessionsPerUser,
    ).mapWith(Number),
    requireTwoFactor: strictest(identityId, 'bool_or(coalesce(ss.require_two_factor, false))', false).mapWith(Boolean),
  };
}

/** Days come from the strictest `password_max_age_days` of the accounts; `null` (no rule anywhere) never expires. */
function passwordExpired(now: string): SQL<boolean> {
  return sql<boolean>`coalesce(${sessions.method} = 'password' and ${identities.passwordHash} is not null
    and ${identities.passwordChangedAt} + interval '1 day' * (select min(ss.password_max_age_days) from ${memberships} m
      join ${accountSecuritySettings} ss on ss.account_id = m.account_id
      where m.user_id = ${sessions.identityId} and m.is_active and m.status = 'active')
    <= ${now}::timestamptz, false)`.mapWith(Boolean);
}

export async function insertSession(ex: Executor, row: SessionRow): Promise<void> {
  await ex.insert(sessions).values(row);
}

/** `now` decides whether the password has passed its maximum age. */
export async function findSessionByHash(
  ex: Executor,
  tokenHash: string,
  now: string,
): Promise<SessionWithIdentity | undefined> {
  const [row] = await ex
    .select({
      id: sessions.id,
      identityId: sessions.identityId,
      tokenHash: sessions.tokenHash,
      stage: sessions.stage,
      method: sessions.method,
      accountId: sessions.accountId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      clientIp: sessions.clientIp,
      userAgent: sessions.userAgent,
      email: identities.email,
      name: identities.name,
      isSuperAdmin: identities.isSuperAdmin,
      hasTwoFactor: sql<boolean>`${identities.totpEnabledAt} is not null`,
      mustChangePassword: passwordExpired(now),
      ...strictestRules(sql.raw('sessions.identity_id')),
    })
    .from(sessions)
    .innerJoin(identities, eq(identities.id, sessions.identityId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  return row;
}

export async function findSessionRules(ex: Executor, identityId: string): Promise<SessionRules> {
  const [row] = await ex
    .select(strictestRules(sql`${identities.id}`))
    .from(identities)
    .where(eq(identities.id, identityId))
    .limit(1);
  return row ?? DEFAULT_SECURITY_SETTINGS;
}

/**
 * The person's signed-in (not pending) sessions, newest first. Their identity row is locked
 * first, so two sign-ins at once count each other and cannot both pass the cap.
 */
export async function lockActiveSessions(ex: Executor, identityId: string): Promise<SessionRow[]> {
  await ex.select({ id: identities.id }).from(identities).where(eq(identities.id, identityId)).for('update');
  return ex
    .select()
    .from(sessions)
    .where(and(eq(sessions.identityId, identityId), eq(sessions.stage, 'active')))
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .for('update');
}

export async function findSessionsOf(ex: Executor, identityId: string): Promise<SessionRow[]> {
  return ex
    .select()
    .from(sessions)
    .where(and(eq(sessions.identityId, identityId), eq(sessions.stage, 'active')))
    .orderBy(asc(sessions.createdAt), asc(sessions.id));
}

export async function touchSession(ex: Executor, id: string, now: string): Promise<void> {
  await ex.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

export async function updateSession(
  ex: Executor,
  id: string,
  changes: Partial<Pick<SessionRow, 'accountId' | 'stage' | 'lastSeenAt' | 'tokenHash' | 'expiresAt'>>,
): Promise<void> {
  await ex.update(sessions).set(changes).where(eq(sessions.id, id));
}

export async function deleteSessions(ex: Executor, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await ex.delete(sessions).where(inArray(sessions.id, ids)).returning({ id: sessions.id });
  return rows.length;
}

/** Ends one of the person's sessions; `false` when they have no such session. */
export async function deleteSessionOf(ex: Executor, identityId: string, id: string): Promise<boolean> {
  const rows = await ex
    .delete(sessions)
    .where(and(eq(sessions.identityId, identityId), eq(sessions.id, id)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every session of the person except `keepId` (none kept when `null`); returns how many ended. */
export async function deleteSessionsOf(ex: Executor, identityId: string, keepId: string | null): Promise<number> {
  const rows = await ex
    .delete(sessions)
    .where(
      keepId === null
        ? eq(sessions.identityId, identityId)
        : and(eq(sessions.identityId, identityId), ne(sessions.id, keepId)),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

const METHOD_COLUMN = {
  password: memberships.allowLoginPassword,
  google: memberships.allowLoginGoogle,
  sso: memberships.allowLoginSso,
} as const;

/** Whether the person may act in the account when signed in by `method`: an active member who has accepted, allowed that method. */
export async function isActiveMember(
  ex: Executor,
  accountId: string,
  identityId: string,
  method: SessionRow['method'],
): Promise<boolean> {
  const [row] = await ex
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.accountId, accountId),
        eq(memberships.userId, identityId),
        eq(memberships.isActive, true),
        eq(memberships.status, 'active'),
        eq(METHOD_COLUMN[method], true),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The accounts the person may act in when signed in by `method`, oldest membership first. */
export async function findActiveAccountIds(
  ex: Executor,
  identityId: string,
  method: SessionRow['method'],
): Promise<string[]> {
  const rows = await ex
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, identityId),
        eq(memberships.isActive, true),
        eq(memberships.status, 'active'),
        eq(METHOD_COLUMN[method], true),
      ),
    )
    .orderBy(asc(memberships.createdAt), asc(memberships.accountId));
  return rows.map((row) => row.accountId);
}

/** Ends the sessions working in an account (their person was deactivated or removed there). */
export async function deleteSessionsInAccount(ex: Executor, accountId: string, identityId: string): Promise<number> {
  const rows = await ex
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), eq(sessions.identityId, identityId)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** The person's signed-in sessions working in one account, oldest first. */
export async function findSessionsInAccount(
  ex: Executor,
  accountId: string,
  identityId: string,
): Promise<SessionRow[]> {
  return ex
    .select()
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), eq(sessions.identityId, identityId), eq(sessions.stage, 'active')))
    .orderBy(asc(sessions.createdAt), asc(sessions.id));
}

/** Ends the sessions of these secrets' hashes (signing out: no need to read them first). */
export async function deleteSessionsByHash(ex: Executor, tokenHashes: string[]): Promise<void> {
  if (tokenHashes.length === 0) return;
  await ex.delete(sessions).where(inArray(sessions.tokenHash, tokenHashes));
}
