import { addHours } from '../../core/time.js';
import { newId } from '../../core/ids.js';
import { keyedHash, newAccountSecret } from '../../core/secrets.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { queueMail } from '../../mail/outbox.js';
import { invitationMail } from '../../mail/templates.js';
import { insertInvitation, revokeOpenInvitations } from './invitations.store.js';

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
export async function sendInvitation(tx: Executor, deps: Deps, input: InvitationToSend): Promise<void> {
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
