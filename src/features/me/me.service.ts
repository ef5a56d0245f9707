import { unauthenticated } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { findIdentityById, type IdentityRow } from '../auth/auth.service.js';
import type { LiveSession } from '../sessions/sessions.service.js';
import { countRecoveryCodesLeft } from '../two-factor/two-factor.service.js';
import { findUserPermissions } from '../users/users.service.js';
import { findMembershipsOf, type MembershipSummary } from './me.store.js';

export interface Me {
  identity: IdentityRow;
  memberships: MembershipSummary[];
  /** the account the session works in; `null` when it has none it may use */
  currentAccount: MembershipSummary | null;
  /** the account-wide privileges held in `currentAccount`, so the console offers only what may be done */
  accountPrivileges: string[];
  mustEnrolTwoFactor: boolean;
  mustChangePassword: boolean;
  recoveryCodesLeft: number;
}

export async function getMe(deps: Deps, session: LiveSession): Promise<Me> {
  // The permissions are read for the session's account while the rest loads; they count only
  // when that account turns out to be one the person may work in.
  const [identity, memberships, recoveryCodesLeft, permissions] = await Promise.all([
    findIdentityById(deps.db, session.identityId),
    findMembershipsOf(deps.db, session.identityId),
    countRecoveryCodesLeft(deps, session.identityId),
    session.accountId === null
      ? null
      : findUserPermissions(deps, { accountId: session.accountId, userId: session.identityId }),
  ]);
  if (identity === undefined) throw unauthenticated('Your session has ended: sign in again');
  const currentAccount =
    memberships.find((m) => m.accountId === session.accountId && m.isActive && m.status === 'active') ?? null;
  return {
    identity,
    memberships,
    currentAccount,
    accountPrivileges: currentAccount === null ? [] : (permissions?.accountPrivileges ?? []),
    mustEnrolTwoFactor: session.mustEnrolTwoFactor,
    mustChangePassword: session.mustChangePassword,
    recoveryCodesLeft,
  };
}
