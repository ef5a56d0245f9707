import type { RequestContext } from '../../core/context.js';
import { conflict, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { getAccount } from '../accounts/accounts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkEnvironmentRoles } from '../environments/environments.service.js';
import { findOrCreateIdentity, grantSuperAdmin } from '../identities/identities.service.js';
import { sendInvitation } from '../invitations/invitations.service.js';
import { defaultOnboarding, INVITATION_TTL_HOURS, isValidEmail, nameKey } from './users.rules.js';
import { auditView, guardLastAdmin, requireUser } from './users.service.js';
import {
  findUserIdByEmail,
  insertMembership,
  insertMembershipRoles,
  replaceMembershipRoles,
  updateMembership,
  type UserRecord,
} from './users.store.js';

export interface Invitation {
  userName: string;
  userEmail: string;
  environments: Record<string, string>;
  allowLoginPassword: boolean;
  isAdmin: boolean;
  allowLoginGoogle: boolean;
  allowLoginSso: boolean;
  isReInvite: boolean;
}

/** A valid address, lower-cased, or a 422 at the request's `user_email`. */
function checkEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (!isValidEmail(normalized)) {
    throw invalid([
      { loc: ['body', 'user_email'], msg: 'value is not a valid email address', type: 'value_error.email' },
    ]);
  }
  return normalized;
}

/**
 * Invites a person to the account. An identity that already exists (another account) gets a
 * membership here, never a second identity. The mail carries a single-use link, no password.
 */
export async function inviteUser(
  deps: Deps,
  ctx: RequestContext,
  accountId: string,
  input: Invitation,
): Promise<UserRecord> {
  const email = checkEmail(input.userEmail);
  const userName = input.userName.trim();
  if (userName === '') {
    throw invalid([{ loc: ['body', 'user_name'], msg: 'User name must not be empty', type: 'value_error' }]);
  }
  return deps.db.transaction(async (tx) => {
    const problems: FieldProblem[] = await checkEnvironmentRoles(tx, accountId, input.environments, [
      'body',
      'environments',
    ]);
    if (problems.length > 0) throw invalid(problems);
    const account = await getAccount(tx, accountId);
    const now = deps.clock.now();
    const stamp = now.toISOString();
    const existingId = await findUserIdByEmail(tx, accountId, email);
    let before: UserRecord | undefined;
    let after: UserRecord;
    if (existingId !== undefined) {
      if (!input.isReInvite) throw conflict('User already exists in this account');
      before = await requireUser(tx, { accountId, userId: existingId });
      if (before.status === 'active') throw conflict('User has already accepted an invitation to this account');
      await guardLastAdmin(tx, before, !input.isAdmin);
      // A re-invite restates the invitation: name, admin flag, login methods and roles.
      await updateMembership(tx, accountId, existingId, {
        userName,
        nameKey: nameKey(userName),
        isAdmin: input.isAdmin,
        allowLoginPassword: input.allowLoginPassword,
        allowLoginGoogle: input.allowLoginGoogle,
        allowLoginSso: input.allowLoginSso,
        updatedAt: stamp,
      });
      await replaceMembershipRoles(tx, accountId, existingId, input.environments);
      after = await requireUser(tx, { accountId, userId: existingId });
    } else {
      const identity = await findOrCreateIdentity(tx, now, { email, name: userName });
      const membership = {
        accountId,
        userId: identity.id,
        userEmail: email,
        userName,
        nameKey: nameKey(userName),
        isAdmin: input.isAdmin,
        isActive: true,
        status: 'invited' as const,
        source: 'rivery' as const,
        allowLoginPassword: input.allowLoginPassword,
        allowLoginGoogle: input.allowLoginGoogle,
        allowLoginSso: input.allowLoginSso,
        invitedBy: ctx.actor.label,
        onboarding: defaultOnboarding(),
        lastLogin: null,
        createdAt: stamp,
        updatedAt: stamp,
      };
      await insertMembership(tx, { ...membership, roleMap: input.environments });
      await insertMembershipRoles(tx, accountId, identity.id, input.environments);
      // Everything the new user is made of was just written: no need to read it back.
      after = { ...membership, isSuperAdmin: identity.isSuperAdmin, environments: input.environments, groups: [] };
    }
    await sendInvitation(tx, deps, {
      accountId,
      accountName: account.name,
      userId: after.userId,
      email,
      inviteeName: after.userName,
      inviterIdentityId: ctx.actor.identityId,
      inviterLabel: ctx.actor.label,
      ttlHours: INVITATION_TTL_HOURS,
      firstInvitation: before === undefined,
    });
    await recordAudit(tx, ctx, now, {
      accountId,
      action: before === undefined ? 'user.invite' : 'user.reinvite',
      targetType: 'user',
      targetId: after.userId,
      before: before === undefined ? null : auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Sends a new link to someone who has not accepted yet; the old link stops working. */
export async function reInviteUser(
  deps: Deps,
  ctx: RequestContext,
  accountId: string,
  userEmail: string,
): Promise<UserRecord> {
  const email = checkEmail(userEmail);
  return deps.db.transaction(async (tx) => {
    const userId = await findUserIdByEmail(tx, accountId, email);
    if (userId === undefined) throw notFound('User');
    const user = await requireUser(tx, { accountId, userId });
    if (user.status === 'active') throw conflict('User has already accepted an invitation to this account');
    const account = await getAccount(tx, accountId);
    await sendInvitation(tx, deps, {
      accountId,
      accountName: account.name,
      userId,
      email,
      inviteeName: user.userName,
      inviterIdentityId: ctx.actor.identityId,
      inviterLabel: ctx.actor.label,
      ttlHours: INVITATION_TTL_HOURS,
      firstInvitation: false,
    });
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId,
      action: 'user.reinvite',
      targetType: 'user',
      targetId: userId,
    });
    return user;
  });
}

export interface FirstAdmin {
  accountId: string;
  email: string;
  name: string | null;
  isSuperAdmin: boolean;
}

/** The bootstrap admin: an active member from the start, with no invitation to accept. */
export async function addFirstAdmin(tx: Executor, deps: Deps, ctx: RequestContext, input: FirstAdmin): Promise<string> {
  const email = checkEmail(input.email);
  const now = deps.clock.now();
  const stamp = now.toISOString();
  const fallbackName = input.name?.trim() || email.slice(0, email.indexOf('@'));
  const identity = await findOrCreateIdentity(tx, now, { email, name: fallbackName });
  if (input.isSuperAdmin) await grantSuperAdmin(tx, now, identity.id);
  const userName = input.name?.trim() || identity.name;
  await insertMembership(tx, {
    accountId: input.accountId,
    userId: identity.id,
    userEmail: email,
    userName,
    nameKey: nameKey(userName),
    isAdmin: true,
    isActive: true,
    status: 'active',
    source: 'rivery',
    allowLoginPassword: true,
    allowLoginGoogle: false,
    allowLoginSso: false,
    invitedBy: null,
    onboarding: defaultOnboarding(),
    createdAt: stamp,
    updatedAt: stamp,
  });
  await recordAudit(tx, ctx, now, {
    accountId: input.accountId,
    action: 'user.bootstrap_admin',
    targetType: 'user',
    targetId: identity.id,
    after: { user_email: email, is_admin: true },
  });
  return identity.id;
}
