import type { RequestContext } from '../../core/context.js';
import { invalid, unauthenticated } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { withCurrentPassword } from '../auth/auth.service.js';
import { endSessionsOf } from '../sessions/sessions.service.js';
import type { SignInThrottle } from '../sign-in-throttle/sign-in-throttle.service.js';
import { toSettings, type PasswordPolicy } from '../settings/settings.service.js';
import { hashPassword, verifyPassword } from './passwords.hashing.js';
import { passwordProblems, strictestPolicy } from './passwords.rules.js';
import {
  findBindingSettings,
  findMemberAccountIds,
  findRecentPasswordHashes,
  lockPasswordOwner,
  saveIdentityPassword,
} from './passwords.store.js';

export interface NewPassword {
  /** `null` for a person who has no identity yet */
  identityId: string | null;
  email: string;
  password: string;
  /** accounts whose policy applies besides those the identity is an active member of */
  alsoAccountIds?: string[];
}

/** The policy binding the identity: the strictest of its accounts' (and those it is joining). */
export async function bindingPolicy(
  ex: Executor,
  identityId: string | null,
  alsoAccountIds: string[] = [],
): Promise<PasswordPolicy> {
  const rows = await findBindingSettings(ex, identityId, alsoAccountIds);
  return strictestPolicy(rows.map((row) => toSettings(row).passwordPolicy));
}

/** Refuses (422 at `loc`, naming every rule broken) a password the binding policy does not allow. */
export async function checkNewPassword(ex: Executor, input: NewPassword, loc: (string | number)[]): Promise<void> {
  const policy = await bindingPolicy(ex, input.identityId, input.alsoAccountIds);
  const problems = passwordProblems(input.password, input.email, policy, loc);
  // A maximum age without any history rule would let the forced change keep the same password.
  const reuseWindow = Math.max(policy.historyCount, policy.maxAgeDays === null ? 0 : 1);
  if (input.identityId !== null && reuseWindow > 0) {
    const recent = await findRecentPasswordHashes(ex, input.identityId, reuseWindow);
    for (const earlier of recent) {
      if (await verifyPassword(earlier, input.password)) {
        problems.push({
          loc,
          msg:
            reuseWindow === 1
              ? 'Password must differ from your current password'
              : `Password must differ from your last ${String(reuseWindow)} passwords`,
          type: 'value_error.password.reused',
        });
        break;
      }
    }
  }
  if (problems.length > 0) throw invalid(problems);
}

/** Checks a new password against the binding policy, then stores its hash; in the caller's transaction. */
export async function setPassword(
  tx: Executor,
  deps: Deps,
  input: NewPassword & { identityId: string },
  loc: (string | number)[],
): Promise<void> {
  await checkNewPassword(tx, input, loc);
  const now = deps.clock.now();
  await saveIdentityPassword(tx, {
    identityId: input.identityId,
    historyId: newId(now),
    passwordHash: await hashPassword(input.password),
    now: now.toISOString(),
    rehashOnly: false,
  });
}

/** Replaces a hash made with older parameters, after a successful sign-in proved the password. */
export async function upgradePasswordHash(deps: Deps, identityId: string, password: string): Promise<void> {
  await saveIdentityPassword(deps.db, {
    identityId,
    historyId: newId(deps.clock.now()),
    passwordHash: await hashPassword(password),
    now: deps.clock.now().toISOString(),
    rehashOnly: true,
  });
}

export interface PasswordChange {
  identityId: string;
  /** the person's email: the throttle counts wrong current passwords by it, as it counts sign-ins */
  email: string;
  /** the session making the change: the only one of the person's sessions that stays */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}

/**
 * Changes the signed-in person's password. The current one must be right before the new one
 * is even looked at: otherwise the reuse rule would confirm old passwords to whoever holds an
 * unattended session. Every other session of the person ends.
 */
export async function changePassword(
  deps: Deps,
  throttle: SignInThrottle,
  ctx: RequestContext,
  change: PasswordChange,
): Promise<void> {
  const person = { identityId: change.identityId, email: change.email, purpose: 'password_change' as const };
  await withCurrentPassword(deps, throttle, ctx, person, () =>
    deps.db.transaction(async (tx) => {
      const owner = await lockPasswordOwner(tx, change.identityId);
      if (owner === undefined) throw unauthenticated('Your session has ended: sign in again');
      if (owner.passwordHash === null) {
        throw invalid([
          {
            loc: ['body', 'current_password'],
            msg: 'You have no password yet: set one through POST /v1/auth/password/forgot',
            type: 'value_error.password.incorrect',
          },
        ]);
      }
      if (!(await verifyPassword(owner.passwordHash, change.currentPassword))) return { proven: false };
      await setPassword(tx, deps, { identityId: owner.id, email: owner.email, password: change.newPassword }, [
        'body',
        'new_password',
      ]);
      const ended = await endSessionsOf(tx, owner.id, change.sessionId);
      await auditPasswordEvent(tx, deps, ctx, owner.id, 'password.change', { other_sessions_ended: ended });
      return { proven: true, result: undefined };
    }),
  );
}

/**
 * Records a change of the person's password in every account they are an active member of:
 * each account's admins see what happened to their member's sign-in.
 */
export async function auditPasswordEvent(
  tx: Executor,
  deps: Deps,
  ctx: RequestContext,
  identityId: string,
  action: 'password.change' | 'password.reset',
  after: Record<string, unknown>,
): Promise<void> {
  const now = deps.clock.now();
  for (const accountId of await findMemberAccountIds(tx, identityId)) {
    await recordAudit(tx, ctx, now, { accountId, action, targetType: 'user', targetId: identityId, after });
  }
}
