import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { keyedHash } from '../../core/secrets.js';
import { addHours, dbTimestampMs } from '../../core/time.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../users/users.service.js';
import {
  deleteSessionOf,
  deleteSessions,
  deleteSessionsInAccount,
  findSessionsInAccount,
  deleteSessionsOf,
  findSessionByHash,
  findSessionRules,
  findSessionsOf,
  insertSession,
  lockActiveSessions,
  touchSession,
  updateSession,
  type SessionRow,
  type SessionWithIdentity,
} from './sessions.store.js';

/**
 * The store functions other features use, as this feature's own: they run inside the caller's
 * transaction (an acceptance, a removal), so they take an executor, not deps.
 */
export {
  deleteSessionsByHash,
  deleteSessionsInAccount,
  findActiveAccountIds,
  isActiveMember,
} from './sessions.store.js';

/** A session ends this long after sign-in whatever its activity, so a stolen cookie cannot live forever. */
export const SESSION_LIFETIME_HOURS = 7 * 24;
/** The password was right; the second step must follow within this time. */
export const SECOND_FACTOR_MINUTES = 5;
/** Last activity is written at most this often: the idle timeout is exact to this much. */
const ACTIVITY_RESOLUTION_MS = 60_000;

const SESSION_SECRET = /^stws_[A-Za-z0-9_-]{43}$/;

export type SessionMethod = SessionRow['method'];

export interface NewSession {
  identityId: string;
  method: SessionMethod;
  /** `second_factor`: the password was right, a TOTP or recovery code must follow */
  stage: SessionRow['stage'];
  accountId: string | null;
  clientIp: string | null;
  userAgent: string | null;
}

/** A session as its owner and admins see it. */
export interface SessionView {
  id: string;
  method: SessionMethod;
  accountId: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  clientIp: string | null;
  userAgent: string | null;
}

/** A session that is valid right now, with the person it belongs to. */
export interface LiveSession {
  id: string;
  identityId: string;
  email: string;
  name: string;
  isSuperAdmin: boolean;
  accountId: string | null;
  method: SessionMethod;
  /** an account they work in requires 2FA and they have none: only enrolment is open to them */
  mustEnrolTwoFactor: boolean;
  /** their password is past its maximum age: only changing it is open to them */
  mustChangePassword: boolean;
}

/**
 * Opens a session in the caller's transaction and returns the cookie's secret (shown once).
 * A signed-in session that passes the person's cap ends their oldest ones.
 */
export async function openSession(tx: Executor, deps: Deps, input: NewSession): Promise<string> {
  const now = deps.clock.now();
  const token = `stws_${randomBytes(32).toString('base64url')}`;
  const lifetime =
    input.stage === 'active'
      ? addHours(now, SESSION_LIFETIME_HOURS)
      : new Date(now.getTime() + SECOND_FACTOR_MINUTES * 60_000);
  if (input.stage === 'active') await makeRoomForSession(tx, input.identityId);
  await insertSessionRow(tx, deps, now, token, lifetime, input);
  return token;
}

async function insertSessionRow(
  tx: Executor,
  deps: Deps,
  now: Date,
  token: string,
  expiresAt: Date,
  input: NewSession,
): Promise<void> {
  await insertSession(tx, {
    id: newId(now),
    identityId: input.identityId,
    tokenHash: sessionHash(deps, token),
    stage: input.stage,
    method: input.method,
    accountId: input.accountId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    clientIp: input.clientIp,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
}

async function makeRoomForSession(tx: Executor, identityId: string): Promise<void> {
  const open = await lockActiveSessions(tx, identityId);
  const { maxSessionsPerUser } = await findSessionRules(tx, identityId);
  await deleteSessions(
    tx,
    open.slice(Math.max(maxSessionsPerUser - 1, 0)).map((session) => session.id),
  );
}

/**
 * Ends a pending sign-in once its second step succeeded; `false` when it had already ended
 * (another request completed it first), so one pending cookie opens one session.
 */
export async function endPendingSession(tx: Executor, id: string): Promise<boolean> {
  return (await deleteSessions(tx, [id])) > 0;
}

/** The session of a cookie's secret at `stage`, when it has not ended; ends it when it timed out. */
export async function findLiveSession(
  deps: Deps,
  token: string,
  stage: SessionRow['stage'],
): Promise<SessionWithIdentity | null> {
  if (!SESSION_SECRET.test(token)) return null;
  const nowMs = deps.clock.now().getTime();
  const row = await findSessionByHash(deps.db, sessionHash(deps, token), new Date(nowMs).toISOString());
  if (row === undefined || row.stage !== stage) return null;
  const idleUntil = dbTimestampMs(row.lastSeenAt) + row.idleTimeoutMinutes * 60_000;
  if (dbTimestampMs(row.expiresAt) <= nowMs || (stage === 'active' && idleUntil <= nowMs)) {
    await deleteSessions(deps.db, [row.id]);
    return null;
  }
  if (stage === 'active' && nowMs - dbTimestampMs(row.lastSeenAt) >= ACTIVITY_RESOLUTION_MS) {
    await touchSession(deps.db, row.id, new Date(nowMs).toISOString());
  }
  return row;
}

export function toLiveSession(row: SessionWithIdentity): LiveSession {
  return {
    id: row.id,
    identityId: row.identityId,
    email: row.email,
    name: row.name,
    isSuperAdmin: row.isSuperAdmin,
    accountId: row.accountId,
    method: row.method,
    mustEnrolTwoFactor: row.requireTwoFactor && !row.hasTwoFactor,
    mustChangePassword: row.mustChangePassword,
  };
}

/** Remembers the account the person works in, so `GET /v1/me` and account-less routes use it. */
export async function switchSessionAccount(deps: Deps, sessionId: string, accountId: string): Promise<void> {
  await updateSession(deps.db, sessionId, { accountId });
}

export function sessionHash(deps: Pick<Deps, 'config'>, token: string): string {
  return keyedHash(deps.config.secret, 'session', token);
}

/**
 * The CSRF token of a session: derived from its secret, so it needs no storage and is worth
 * nothing without the cookie. A page reads it from `GET /v1/me` and sends it as `X-CSRF-Token`.
 */
export function csrfTokenFor(deps: Pick<Deps, 'config'>, sessionToken: string): string {
  return keyedHash(deps.config.secret, 'csrf', sessionToken);
}

export function isCsrfTokenValid(deps: Pick<Deps, 'config'>, sessionToken: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const expected = Buffer.from(csrfTokenFor(deps, sessionToken));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export async function listSessions(deps: Deps, identityId: string): Promise<SessionView[]> {
  return (await findSessionsOf(deps.db, identityId)).map(toSessionView);
}

/** Ends one session of the person (404 when they have no such session), and audits it in `accountId`. */
export async function endSession(
  deps: Deps,
  ctx: RequestContext,
  input: { identityId: string; sessionId: string; accountId: string | null },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await deleteSessionOf(tx, input.identityId, input.sessionId))) throw notFound('Session');
    if (input.accountId !== null) {
      await recordAudit(tx, ctx, deps.clock.now(), {
        accountId: input.accountId,
        action: 'session.end',
        targetType: 'user',
        targetId: input.identityId,
        after: { session_id: input.sessionId },
      });
    }
  });
}

/** A member's sessions working in the account, for its admins; 404 when they are not a member. */
export async function listMemberSessions(deps: Deps, accountId: string, userId: string): Promise<SessionView[]> {
  await requireUser(deps.db, { accountId, userId });
  return (await findSessionsInAccount(deps.db, accountId, userId)).map(toSessionView);
}

/** Ends a member's sessions working in the account (their other accounts are not the admin's); audited. */
export async function endMemberSessions(
  deps: Deps,
  ctx: RequestContext,
  accountId: string,
  userId: string,
): Promise<number> {
  return deps.db.transaction(async (tx) => {
    await requireUser(tx, { accountId, userId });
    const ended = await deleteSessionsInAccount(tx, accountId, userId);
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId,
      action: 'session.end_all',
      targetType: 'user',
      targetId: userId,
      after: { ended_sessions: ended },
    });
    return ended;
  });
}

/** Ends every session of the person but `keepId`; returns how many ended. */
export async function endSessionsOf(ex: Executor, identityId: string, keepId: string | null): Promise<number> {
  return deleteSessionsOf(ex, identityId, keepId);
}

function toSessionView(row: SessionRow): SessionView {
  return {
    id: row.id,
    method: row.method,
    accountId: row.accountId,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    clientIp: row.clientIp,
    userAgent: row.userAgent,
  };
}
