import { and, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { accounts, identities, invitations, memberships } from '../../db/schema/index.js';

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(ex: Executor, invitation: typeof invitations.$inferInsert): Promise<void> {
  await ex.insert(invitations).values(invitation);
}

/** Revokes every link of the user that is still usable; returns how many were. */
export async function revokeOpenInvitations(
  ex: Executor,
  accountId: string,
  userId: string,
  now: string,
): Promise<number> {
  const rows = await ex
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.accountId, accountId),
        eq(invitations.userId, userId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length;
}

export async function findInvitationsOfUser(ex: Executor, accountId: string, userId: string): Promise<InvitationRow[]> {
  return ex
    .select()
    .from(invitations)
    .where(and(eq(invitations.accountId, accountId), eq(invitations.userId, userId)));
}

/** What the accept page shows of an invitation, with what deciding its fate needs. */
export interface InvitationDetails {
  id: string;
  accountId: string;
  accountName: string;
  userId: string;
  email: string;
  userName: string;
  invitedByName: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  hasPassword: boolean;
  membershipStatus: 'invited' | 'active';
}

/** The invitation of a token's hash in its account; `lock` holds its row until the transaction ends. */
export async function findInvitationByHash(
  ex: Executor,
  accountId: string,
  tokenHash: string,
  lock: boolean,
): Promise<InvitationDetails | undefined> {
  const inviter = alias(identities, 'inviter');
  const query = ex
    .select({
      id: invitations.id,
      accountId: invitations.accountId,
      accountName: accounts.name,
      userId: invitations.userId,
      email: memberships.userEmail,
      userName: memberships.userName,
      invitedByName: inviter.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      hasPassword: sql<boolean>`${identities.passwordHash} is not null`,
      membershipStatus: memberships.status,
    })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .innerJoin(
      memberships,
      and(eq(memberships.accountId, invitations.accountId), eq(memberships.userId, invitations.userId)),
    )
    .innerJoin(identities, eq(identities.id, invitations.userId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedById))
    .where(and(eq(invitations.accountId, accountId), eq(invitations.tokenHash, tokenHash)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: invitations }) : await query;
  return row;
}

export async function markInvitationAccepted(ex: Executor, accountId: string, id: string, now: string): Promise<void> {
  await ex
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.accountId, accountId), eq(invitations.id, id)));
}
