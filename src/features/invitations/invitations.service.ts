import type { RequestContext } from '../../core/context.js';
import { gone, invalid, notFound } from '../../core/errors.js';
import { addHours, dbTimestampMs } from '../../core/time.js';
import { newId } from '../../core/ids.js';
import { keyedHash, newAccountSecret, parseAccountSecret } from '../../core/secrets.js';
import type { Executor, Transaction } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { queueMail } from '../../mail/outbox.js';
import { invitationMail } from '../../mail/templates.js';
import { recordAudit } from '../audit/audit.service.js';
import { findIdentityById, startSession } from '../auth/auth.service.js';
import { updateIdentity } from '../identities/identities.service.js';
import { verifyPassword } from '../passwords/passwords.hashing.js';
import { setPassword } from '../passwords/passwords.service.js';
import { isActiveMember } from '../sessions/sessions.service.js';
import { nameKey } from '../users/users.rules.js';
import { updateMembership } from '../users/users.service.js';
import {
  findInvitationByHash,
  insertInvitation,
  markInvitationAccepted,
  revokeOpenInvitations,
  type InvitationDetails,
} from './invitations.store.js';

export const INVITATION_PREFIX = 'stwi';

export interface InvitationToSend {
  accountId: string;
  accountName: string;
  userId: string;
  email: string;
  inviteeName: string;
  inviterIdentityId: string | null;
  inviterLabel: string;
  ttlHours: number;
  /** the user has never been invited to the account, so there is no open link to revoke */
  firstInvitation: boolean;
}

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invitations/${token}`;
}

/**
 * Replaces the user's open invitation with a new one and queues its mail, inside the
 * caller's transaction. Only a keyed hash of the link's token is kept.
 */
export async function sendInvitation(tx: Transaction, deps: Deps, input: InvitationToSend): Promise<void> {
  const now = deps.clock.now();
  const token = newAccountSecret(INVITATION_PREFIX, input.accountId);
  const expiresAt = addHours(now, input.ttlHours);
  if (!input.firstInvitation) await revokeOpenInvitations(tx, input.accountId, input.userId, now.toISOString());
  await insertInvitation(tx, {
    accountId: input.accountId,
    id: newId(now),
    userId: input.userId,
    tokenHash: keyedHash(deps.config.secret, 'invitation', token),
    invitedById: input.inviterIdentityId,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  await queueMail(tx, now, {
    accountId: input.accountId,
    to: input.email,
    content: invitationMail({
      accountName: input.accountName,
      inviterLabel: input.inviterLabel,
      inviteeName: input.inviteeName,
      link: invitationLink(deps.config.publicUrl, token),
      expiresAt,
    }),
  });
}

export interface InvitationView {
  accountId: string;
  accountName: string;
  email: string;
  invitedByName: string | null;
  expiresAt: string;
  /** `true`: the person chooses a password now; `false`: they have one and confirm it */
  needsPassword: boolean;
}

export interface Acceptance {
  userName: string;
  password: string | null;
  userAgent: string | null;
}

export interface Accepted {
  accountId: string;
  userId: string;
  /** `null` when the membership does not allow password sign-in (Google or SSO only) */
  sessionToken: string | null;
}

/** What the accept page shows: whose invitation, to which account; never anything secret. */
export async function lookUpInvitation(deps: Deps, token: string): Promise<InvitationView> {
  const invitation = await findUsable(deps.db, deps, token, false);
  return {
    accountId: invitation.accountId,
    accountName: invitation.accountName,
    email: invitation.email,
    invitedByName: invitation.invitedByName,
    expiresAt: invitation.expiresAt,
    needsPassword: !invitation.hasPassword,
  };
}

/**
 * Accepts an invitation: the membership becomes active and the person is signed in. Someone
 * new chooses their password (checked against every policy that binds them); someone who
 * already has one proves it, so a forwarded link cannot open their other accounts.
 */
export async function acceptInvitation(
  deps: Deps,
  ctx: RequestContext,
  token: string,
  input: Acceptance,
): Promise<Accepted> {
  const userName = input.userName.trim();
  if (userName === '') {
    throw invalid([{ loc: ['body', 'user_name'], msg: 'User name must not be empty', type: 'value_error' }]);
  }
  return deps.db.transaction(async (tx) => {
    const invitation = await findUsable(tx, deps, token, true);
    if (input.password === null) {
      throw invalid([
        {
          loc: ['body', 'password'],
          msg: invitation.hasPassword ? 'Enter your current password to accept' : 'Choose a password to accept',
          type: 'value_error.missing',
        },
      ]);
    }
    if (invitation.hasPassword) {
      const identity = await findIdentityById(tx, invitation.userId);
      if (identity?.passwordHash == null || !(await verifyPassword(identity.passwordHash, input.password))) {
        throw invalid([
          { loc: ['body', 'password'], msg: 'Incorrect password', type: 'value_error.password.incorrect' },
        ]);
      }
    } else {
      await setPassword(
        tx,
        deps,
        {
          identityId: invitation.userId,
          email: invitation.email,
          password: input.password,
          alsoAccountIds: [invitation.accountId],
        },
        ['body', 'password'],
      );
      await updateIdentity(tx, invitation.userId, { name: userName, updatedAt: deps.clock.now().toISOString() });
    }
    const now = deps.clock.now();
    const stamp = now.toISOString();
    await markInvitationAccepted(tx, invitation.accountId, invitation.id, stamp);
    await updateMembership(tx, invitation.accountId, invitation.userId, {
      status: 'active',
      userName,
      nameKey: nameKey(userName),
      updatedAt: stamp,
    });
    await recordAudit(tx, ctx, now, {
      accountId: invitation.accountId,
      action: 'user.accept_invitation',
      targetType: 'user',
      targetId: invitation.userId,
      before: { status: 'invited', user_name: invitation.userName },
      after: { status: 'active', user_name: userName },
    });
    const opensSession = await isActiveMember(tx, invitation.accountId, invitation.userId, 'password');
    const sessionToken = opensSession
      ? await startSession(tx, deps, ctx, {
          identity: { id: invitation.userId, email: invitation.email },
          method: 'password',
          accountId: invitation.accountId,
          userAgent: input.userAgent,
        })
      : null;
    return { accountId: invitation.accountId, userId: invitation.userId, sessionToken };
  });
}

/** The invitation of a link's token: 404 when there is none, 410 when it was used, replaced or has expired. */
async function findUsable(ex: Executor, deps: Deps, token: string, lock: boolean): Promise<InvitationDetails> {
  const parsed = parseAccountSecret(INVITATION_PREFIX, token);
  const invitation =
    parsed === null
      ? undefined
      : await findInvitationByHash(ex, parsed.accountId, keyedHash(deps.config.secret, 'invitation', token), lock);
  if (invitation === undefined) throw notFound('Invitation');
  if (invitation.acceptedAt !== null || invitation.membershipStatus === 'active') {
    throw gone('This invitation was already accepted: sign in instead');
  }
  if (invitation.revokedAt !== null) throw gone('This invitation was replaced by a newer one: use the latest link');
  if (dbTimestampMs(invitation.expiresAt) <= deps.clock.now().getTime()) {
    throw gone('This invitation has expired: ask an admin to invite you again');
  }
  return invitation;
}
