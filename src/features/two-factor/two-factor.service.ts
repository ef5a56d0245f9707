import QRCode from 'qrcode';
import type { RequestContext } from '../../core/context.js';
import { conflict, invalid, unauthenticated } from '../../core/errors.js';
import { decryptSecret, encryptSecret, keyedHash } from '../../core/secrets.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordFailedSignIn, refuseLockedSignIn, startSession } from '../auth/auth.service.js';
import { endPendingSession, findLiveSession, type LiveSession } from '../sessions/sessions.service.js';
import type { SignInThrottle } from '../sign-in-throttle/sign-in-throttle.service.js';
import {
  formatRecoveryCode,
  isTotpCode,
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  totpFor,
} from './two-factor.rules.js';
import {
  acceptTotpStep,
  clearTwoFactor,
  countUnusedRecoveryCodes,
  enableTwoFactor,
  findAccountsRequiringTwoFactor,
  findTwoFactorState,
  lockTwoFactorState,
  replaceRecoveryCodes,
  savePendingSecret,
  useRecoveryCode,
  type TwoFactorState,
} from './two-factor.store.js';

export interface Enrolment {
  /** base32, for typing into an app that cannot scan */
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/** What proves the second factor: a code from the authenticator app, or a recovery code. */
export type SecondFactorProof = { kind: 'totp'; code: string } | { kind: 'recovery_code'; code: string };

export interface SecondFactorInput {
  /** the pending cookie's secret */
  pendingToken: string | undefined;
  code?: string | undefined;
  recoveryCode?: string | undefined;
  userAgent: string | null;
}

export interface SignedIn {
  stage: 'signed_in';
  sessionToken: string;
  identityId: string;
  accountId: string;
}

/** The one answer to a wrong code at sign-in: it must not tell which kind was wrong or why. */
export const INCORRECT_CODE = 'Incorrect code';

const SESSION_ENDED = 'Your session has ended: sign in again';

/**
 * Starts enrolment with a new secret, stored encrypted and not yet in force; calling it again
 * before confirming replaces it, so a lost QR code costs nothing.
 */
export async function startEnrolment(deps: Deps, ctx: RequestContext, session: LiveSession): Promise<Enrolment> {
  const secret = newTotpSecret();
  const otpauthUri = totpFor(secret, session.email).toString();
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg' });
  await deps.db.transaction(async (tx) => {
    const state = await lockTwoFactorState(tx, session.identityId);
    if (state === undefined) throw unauthenticated(SESSION_ENDED);
    if (state.totpEnabledAt !== null) {
      throw conflict('Two-factor authentication is already on: turn it off first to enrol another authenticator');
    }
    const now = deps.clock.now();
    await savePendingSecret(tx, state.identityId, encryptSecret(deps.config.secret, 'totp', secret), now.toISOString());
    await auditTwoFactor(tx, ctx, now, session, 'two_factor.enrolment_start', null);
  });
  return { secret, otpauthUri, qrSvg };
}

/** Turns two-factor authentication on once a first code proves the app has the secret; returns the recovery codes (shown once). */
export async function confirmEnrolment(
  deps: Deps,
  ctx: RequestContext,
  session: LiveSession,
  code: string,
): Promise<string[]> {
  return deps.db.transaction(async (tx) => {
    const state = await lockTwoFactorState(tx, session.identityId);
    if (state === undefined) throw unauthenticated(SESSION_ENDED);
    if (state.totpEnabledAt !== null) throw conflict('Two-factor authentication is already on');
    if (state.totpSecret === null) throw conflict('Start enrolment first: POST /v1/me/two-factor');
    if (!(await acceptTotpCode(tx, deps, state, code))) {
      throw incorrectCode('Incorrect code: enter the code your authenticator app shows now');
    }
    const now = deps.clock.now();
    await enableTwoFactor(tx, state.identityId, now.toISOString());
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await replaceRecoveryCodes(
      tx,
      state.identityId,
      codes.map((c) => recoveryCodeHash(deps, c)),
    );
    await auditTwoFactor(tx, ctx, now, session, 'two_factor.enable', { recovery_codes: codes.length });
    return codes.map(formatRecoveryCode);
  });
}

/**
 * Turns two-factor authentication off with a TOTP or recovery code; refused while an account
 * the person is an active member of requires it, since they would be sent back to enrolment.
 */
export async function disableTwoFactor(
  deps: Deps,
  ctx: RequestContext,
  session: LiveSession,
  code: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const state = await lockTwoFactorState(tx, session.identityId);
    if (state === undefined) throw unauthenticated(SESSION_ENDED);
    if (state.totpEnabledAt === null) throw conflict('Two-factor authentication is not on');
    const requiring = await findAccountsRequiringTwoFactor(tx, state.identityId);
    if (requiring.length > 0) {
      throw conflict(
        `Two-factor authentication cannot be turned off: ${requiring.join(', ')} ` +
          `require${requiring.length === 1 ? 's' : ''} it of every member`,
      );
    }
    const proof: SecondFactorProof = isTotpCode(code) ? { kind: 'totp', code } : { kind: 'recovery_code', code };
    if (!(await proveSecondFactor(tx, deps, state, proof))) {
      throw incorrectCode(
        'Incorrect code: enter the code your authenticator app shows now, or an unused recovery code',
      );
    }
    const now = deps.clock.now();
    await clearTwoFactor(tx, state.identityId, now.toISOString());
    await auditTwoFactor(tx, ctx, now, session, 'two_factor.disable', { proved_with: proof.kind });
  });
}

/**
 * The second step of a sign-in: the pending cookie and one code open a signed-in session. A
 * wrong code is recorded as a failed sign-in and answered 401; the pending sign-in stays open
 * for another try until it expires.
 */
export async function verifySecondFactor(
  deps: Deps,
  throttle: SignInThrottle,
  ctx: RequestContext,
  input: SecondFactorInput,
): Promise<SignedIn> {
  const pending =
    input.pendingToken === undefined ? null : await findLiveSession(deps, input.pendingToken, 'second_factor');
  const accountId = pending?.accountId ?? null;
  if (pending === null || accountId === null) {
    throw unauthenticated('No sign-in is waiting for a code, or it expired: sign in with your password again');
  }
  const proof = proofOf(input);
  // Wrong codes count against the person's email like wrong passwords: six digits fall to guessing.
  const attempt = { email: pending.email, identityId: pending.identityId, method: pending.method };
  await refuseLockedSignIn(deps, throttle, ctx, attempt);
  const sessionToken = await deps.db.transaction(async (tx) => {
    const state = await findTwoFactorState(tx, pending.identityId);
    if (state?.totpEnabledAt == null || !(await proveSecondFactor(tx, deps, state, proof))) return null;
    // Ending the pending session here, and only if it still exists, lets one pending cookie open
    // one session, even with two good codes sent at once (the loser's code is not spent).
    if (!(await endPendingSession(tx, pending.id))) {
      throw unauthenticated('This sign-in was already completed: sign in with your password again');
    }
    // startSession stamps the last login and records the sign-in.
    return startSession(tx, deps, ctx, {
      identity: { id: pending.identityId, email: pending.email },
      method: pending.method,
      accountId,
      userAgent: input.userAgent,
    });
  });
  if (sessionToken === null) {
    await recordFailedSignIn(deps, throttle, ctx, attempt, 'bad_second_factor');
    throw unauthenticated(INCORRECT_CODE);
  }
  await throttle.recordSuccess(pending.email);
  return { stage: 'signed_in', sessionToken, identityId: pending.identityId, accountId };
}

export async function countRecoveryCodesLeft(deps: Deps, identityId: string): Promise<number> {
  return countUnusedRecoveryCodes(deps.db, identityId);
}

function proofOf(input: SecondFactorInput): SecondFactorProof {
  if (input.code !== undefined && input.recoveryCode === undefined) return { kind: 'totp', code: input.code };
  if (input.recoveryCode !== undefined && input.code === undefined) {
    return { kind: 'recovery_code', code: input.recoveryCode };
  }
  throw invalid([
    {
      loc: ['body'],
      msg: 'Send exactly one of code (from your authenticator app) and recovery_code',
      type: 'value_error.exactly_one',
    },
  ]);
}

/** Checks the proof and spends it: a TOTP step or a recovery code is accepted once. */
async function proveSecondFactor(
  tx: Executor,
  deps: Deps,
  state: TwoFactorState,
  proof: SecondFactorProof,
): Promise<boolean> {
  if (proof.kind === 'totp') return acceptTotpCode(tx, deps, state, proof.code);
  const code = normaliseRecoveryCode(proof.code);
  if (code === null) return false;
  return useRecoveryCode(tx, state.identityId, recoveryCodeHash(deps, code), deps.clock.now().toISOString());
}

async function acceptTotpCode(tx: Executor, deps: Deps, state: TwoFactorState, code: string): Promise<boolean> {
  if (state.totpSecret === null) return false;
  const secret = decryptSecret(deps.config.secret, 'totp', state.totpSecret);
  if (secret === null) {
    // Only a changed STEWARD_SECRET (or an edited row) gets here; no code can be right any more.
    deps.log.warn({ identityId: state.identityId }, 'A TOTP secret cannot be decrypted with STEWARD_SECRET');
    return false;
  }
  const step = matchingStep(totpFor(secret, state.email), code, deps.clock.now().getTime());
  return step !== null && acceptTotpStep(tx, state.identityId, step);
}

/** The keyed hash of a recovery code in its normalised form. */
function recoveryCodeHash(deps: Deps, code: string): string {
  return keyedHash(deps.config.secret, 'recovery-code', code);
}

function incorrectCode(msg: string) {
  return invalid([{ loc: ['body', 'code'], msg, type: 'value_error.code' }]);
}

/** Two-factor changes are the person's own; they are recorded in the account the session works in. */
async function auditTwoFactor(
  tx: Executor,
  ctx: RequestContext,
  now: Date,
  session: LiveSession,
  action: string,
  after: Record<string, unknown> | null,
): Promise<void> {
  if (session.accountId === null) return;
  await recordAudit(tx, ctx, now, {
    accountId: session.accountId,
    action,
    targetType: 'user',
    targetId: session.identityId,
    after,
  });
}
