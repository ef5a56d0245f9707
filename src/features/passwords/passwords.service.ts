import { invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { toSettings, type PasswordPolicy } from '../settings/settings.service.js';
import { hashPassword, verifyPassword } from './passwords.hashing.js';
import { passwordProblems, strictestPolicy } from './passwords.rules.js';
import { findBindingSettings, findRecentPasswordHashes, saveIdentityPassword } from './passwords.store.js';

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
  if (input.identityId !== null && policy.historyCount > 0) {
    const recent = await findRecentPasswordHashes(ex, input.identityId, policy.historyCount);
    for (const earlier of recent) {
      if (await verifyPassword(earlier, input.password)) {
        problems.push({
          loc,
          msg: `Password must differ from your last ${String(policy.historyCount)} passwords`,
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
