import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';

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
