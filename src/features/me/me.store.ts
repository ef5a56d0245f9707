import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, memberships } from '../../db/schema/index.js';

export interface MembershipSummary {
  accountId: string;
  accountName: string;
  isAdmin: boolean;
  isActive: boolean;
  status: 'invited' | 'active';
}

/** Every membership of the person, oldest first. */
export async function findMembershipsOf(ex: Executor, identityId: string): Promise<MembershipSummary[]> {
  return ex
    .select({
      accountId: memberships.accountId,
      accountName: accounts.name,
      isAdmin: memberships.isAdmin,
      isActive: memberships.isActive,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.userId, identityId))
    .orderBy(asc(memberships.createdAt), asc(memberships.accountId));
}
