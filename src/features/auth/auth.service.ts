import type { RequestContext } from '../../core/context.js';
import { forbidden, invalid, unauthenticated } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { needsRehash, verifyAgainstNothing, verifyPassword } from '../passwords/passwords.hashing.js';
import { upgradePasswordHash } from '../passwords/passwords.service.js';
import { openSession, sessionHash, type SessionMethod } from '../sessions/sessions.service.js';
import type { SignInThrottle } from '../sign-in-throttle/sign-in-throttle.service.js';
import { deleteSessionsByHash, findActiveAccountIds } from '../sessions/sessions.service.js';
import { findIdentityByEmail, insertSignInEvent, stampLastLogin, type IdentityRow } from './auth.store.js';

/** Identities by id or email, for the features that run inside their own transaction. */
export { findIdentityByEmail, findIdentityById, type IdentityRow } from './auth.store.js';

/** The one answer to a wrong email or a wrong password: it must not tell which it was. */
export const BAD_CREDENTIALS = 'Incorrect email or password';

export interface Credentials {
  email: string;
  password: string;
  userAgent: string | null;
}

export type SignInResult =
  | { stage: 'signed_in'; sessionToken: string; identityId: string; accountId: string }
  | { stage: 'second_factor'; pendingToken: string };

/**
 * Signs a person in with their password. A wrong email and a wrong password get the same
 * answer after the same work (a hash is verified either way). With 2FA on, the answer is a
 * pending session that only the second step accepts. While the email or the address is locked
 * (too many failures) the password is not even checked.
 */
export async function signInWithPassword(
  deps: Deps,
  throttle: SignInThrottle,
  ctx: RequestContext,
  input: Credentials,
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const identity = await findIdentityByEmail(deps.db, email);
  const attempt: SignInAttempt = { email, identityId: identity?.id ?? null, method: 'password' };
  await refuseLockedSignIn(deps, throttle, ctx, attempt);
  const passwordHash = identity?.passwordHash ?? null;
  const matches =
    identity !== undefined && passwordHash !== null
      ? await verifyPassword(passwordHash, input.password)
      : await verifyAgainstNothing(input.password);
  if (identity === undefined || passwordHash === null || !matches) {
    await recordFailedSignIn(deps, throttle, ctx, attempt, 'bad_credentials');
    throw unauthenticated(BAD_CREDENTIALS);
  }
  if (needsRehash(passwordHash)) await upgradePasswordHash(deps, identity.id, input.password);
  const result = await completeFirstFactor(deps, ctx, identity, 'password', input.userAgent);
  // Only a finished sign-in clears the count: a right password alone must not buy more code guesses.
  if (result.stage === 'signed_in') await throttle.recordSuccess(email);
  return result;
}

/** Who a sign-in attempt was for, as the record and the throttle know it. */
export interface SignInAttempt {
  /** the email typed (lower-cased), or the identity's */
  email: string;
  identityId: string | null;
  method: string;
}

/**
 * Answers 429 while the attempt's email or address is locked, before any secret is checked;
 * the refusal is recorded. It is the same for an email without an identity: the lock is keyed
 * by the email text.
 */
export async function refuseLockedSignIn(
  deps: Deps,
  throttle: SignInThrottle,
  ctx: RequestContext,
  attempt: SignInAttempt,
): Promise<void> {
  const refusal = await throttle.lockedRefusal(attempt.email, ctx.clientIp);
  if (refusal === null) return;
  await recordSignIn(deps.db, deps, ctx, { outcome: 'failure', ...attempt, reason: 'locked' });
  throw refusal;
}

/** Records a failed attempt and counts it; a count that reaches its limit also records a lockout. */
export async function recordFailedSignIn(
  deps: Deps,
  throttle: SignInThrottle,
  ctx: RequestContext,
  attempt: SignInAttempt,
  reason: string,
): Promise<void> {
  await recordSignIn(deps.db, deps, ctx, { outcome: 'failure', ...attempt, reason });
  for (const lockout of await throttle.recordFailure(attempt.email, ctx.clientIp)) {
    await recordSignIn(deps.db, deps, ctx, {
      outcome: 'lockout',
      ...attempt,
      reason: lockout.subject === 'email' ? 'too_many_failures_for_email' : 'too_many_failures_from_address',
    });
  }
}

/** The 422 of a wrong current password, at the field that carries it. */
export function wrongCurrentPassword(): Error {
  return invalid([
    { loc: ['body', 'current_password'], msg: 'Incorrect password', type: 'value_error.password.incorrect' },
  ]);
}

/**
 * A signed-in person proving their password again before a sensitive change (a new password,
 * a new email) meets the sign-in throttle: a stolen session must not guess the password faster
 * than the login page lets anyone. `check` verifies it (inside the caller's transaction, so the
 * failure is counted after it ends); 429 while the email is locked, 422 and a counted failure
 * when it is wrong.
 */
export async function withCurrentPassword<T>(
  deps: Deps,
  throttle: SignInThrottle,
  ctx: RequestContext,
  person: { identityId: string; email: string; purpose: 'password_change' | 'email_change' },
  check: () => Promise<{ proven: false } | { proven: true; result: T }>,
): Promise<T> {
  const attempt: SignInAttempt = { email: person.email, identityId: person.identityId, method: person.purpose };
  await refuseLockedSignIn(deps, throttle, ctx, attempt);
  const outcome = await check();
  if (outcome.proven) return outcome.result;
  await recordFailedSignIn(deps, throttle, ctx, attempt, 'bad_current_password');
  throw wrongCurrentPassword();
}

/**
 * What follows a proven first factor (a password, or an identity provider's word): the
 * accounts the method opens, then the second step or a session.
 */
export async function completeFirstFactor(
  deps: Deps,
  ctx: RequestContext,
  identity: IdentityRow,
  method: SessionMethod,
  userAgent: string | null,
): Promise<SignInResult> {
  const accountIds = await findActiveAccountIds(deps.db, identity.id, method);
  const accountId = accountIds[0];
  if (accountId === undefined) {
    await recordSignIn(deps.db, deps, ctx, {
      outcome: 'failure',
      email: identity.email,
      identityId: identity.id,
      method,
      reason: 'method_not_allowed',
    });
    throw forbidden(
      method === 'password'
        ? 'Password sign-in is not allowed for you in any account you are an active member of'
        : `Sign-in with ${method === 'google' ? 'Google' : 'SSO'} is not allowed for you in any account you are an active member of`,
    );
  }
  if (identity.totpEnabledAt !== null) {
    const pendingToken = await openSession(deps.db, deps, {
      identityId: identity.id,
      method,
      stage: 'second_factor',
      accountId,
      clientIp: ctx.clientIp,
      userAgent,
    });
    return { stage: 'second_factor', pendingToken };
  }
  const sessionToken = await deps.db.transaction((tx) =>
    startSession(tx, deps, ctx, { identity, method, accountId, userAgent }),
  );
  return { stage: 'signed_in', sessionToken, identityId: identity.id, accountId };
}

/** Opens the signed-in session, stamps the membership's last login and records the sign-in. */
export async function startSession(
  tx: Executor,
  deps: Deps,
  ctx: RequestContext,
  input: {
    identity: Pick<IdentityRow, 'id' | 'email'>;
    method: SessionMethod;
    accountId: string;
    userAgent: string | null;
  },
): Promise<string> {
  const token = await openSession(tx, deps, {
    identityId: input.identity.id,
    method: input.method,
    stage: 'active',
    accountId: input.accountId,
    clientIp: ctx.clientIp,
    userAgent: input.userAgent,
  });
  await stampLastLogin(tx, input.accountId, input.identity.id, deps.clock.now().toISOString());
  await recordSignIn(tx, deps, ctx, {
    outcome: 'success',
    email: input.identity.email,
    identityId: input.identity.id,
    method: input.method,
    reason: null,
  });
  return token;
}

/** Ends the sessions of the cookies given, if they are any; signing out twice is not an error. */
export async function signOut(
  deps: Deps,
  sessionToken: string | undefined,
  pendingToken: string | undefined,
): Promise<void> {
  const tokens = [sessionToken, pendingToken].filter((token) => token !== undefined);
  await deleteSessionsByHash(
    deps.db,
    tokens.map((token) => sessionHash(deps, token)),
  );
}

export interface SignInEvent {
  outcome: 'success' | 'failure' | 'lockout';
  email: string | null;
  identityId: string | null;
  method: string;
  reason: string | null;
}

/** The record of every sign-in attempt, kept whether or not the email has an identity. */
export async function recordSignIn(ex: Executor, deps: Deps, ctx: RequestContext, event: SignInEvent): Promise<void> {
  const now = deps.clock.now();
  await insertSignInEvent(ex, { id: newId(now), occurredAt: now.toISOString(), clientIp: ctx.clientIp, ...event });
}
