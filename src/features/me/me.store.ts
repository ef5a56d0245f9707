import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { conflict } from '../../core/errors.js';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { accounts, identities, identityLinks, memberships } from '../../db/schema/index.js';

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

// Global table (identities: one person across accounts), and the person's own memberships in
// every account: what they change about themselves is copied to each account they belong to.

export type IdentityRow = typeof identities.$inferSelect;

export async function findIdentity(ex: Executor, identityId: string): Promise<IdentityRow | undefined> {
  const [row] = await ex.select().from(identities).where(eq(identities.id, identityId)).limit(1);
  return row;
}

/** Locked: two changes of one person's profile or email serialize. */
export async function lockIdentity(ex: Executor, identityId: string): Promise<IdentityRow | undefined> {
  const [row] = await ex.select().from(identities).where(eq(identities.id, identityId)).for('update');
  return row;
}

export async function updateIdentityProfile(
  ex: Executor,
  identityId: string,
  changes: Partial<Pick<IdentityRow, 'name' | 'timeZone' | 'preferences'>> & { updatedAt: string },
): Promise<void> {
  await ex.update(identities).set(changes).where(eq(identities.id, identityId));
}

/**
 * Renames the person's membership copies that still carry their old name; a name an admin gave
 * them in one account (or an identity provider manages there) stays. Returns those accounts.
 */
export async function renameMembershipCopies(
  ex: Executor,
  input: { identityId: string; oldName: string; newName: string; nameKey: string; now: string },
): Promise<string[]> {
  const rows = await ex
    .update(memberships)
    .set({ userName: input.newName, nameKey: input.nameKey, updatedAt: input.now })
    .where(
      and(
        eq(memberships.userId, input.identityId),
        eq(memberships.userName, input.oldName),
        eq(memberships.source, 'rivery'),
      ),
    )
    .returning({ accountId: memberships.accountId });
  return rows.map((row) => row.accountId).sort();
}

/** The accounts where `identityId` is an active, accepted member and `otherId` has a membership. */
export async function findSharedAccountIds(ex: Executor, identityId: string, otherId: string): Promise<string[]> {
  const rows = await ex
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, identityId),
        eq(memberships.isActive, true),
        eq(memberships.status, 'active'),
        inArray(
          memberships.accountId,
          ex.select({ accountId: memberships.accountId }).from(memberships).where(eq(memberships.userId, otherId)),
        ),
      ),
    );
  return rows.map((row) => row.accountId);
}

const EMAIL_TAKEN = 'Another user already has this email';

/** Moves the person to a new email: the identity's, then every membership copy of it. Returns those accounts. */
export async function changeEmail(
  ex: Executor,
  input: { identityId: string; email: string; now: string },
): Promise<string[]> {
  try {
    await ex
      .update(identities)
      .set({ email: input.email, updatedAt: input.now })
      .where(eq(identities.id, input.identityId));
    const rows = await ex
      .update(memberships)
      .set({ userEmail: input.email, updatedAt: input.now })
      .where(eq(memberships.userId, input.identityId))
      .returning({ accountId: memberships.accountId });
    return rows.map((row) => row.accountId).sort();
  } catch (error) {
    // identities.email is unique everywhere, memberships.user_email per account.
    if (isUniqueViolation(error)) throw conflict(EMAIL_TAKEN);
    throw error;
  }
}

/** The id of the identity that has the email, if any. */
export async function findIdentityIdByEmail(ex: Executor, email: string): Promise<string | undefined> {
  const [row] = await ex.select({ id: identities.id }).from(identities).where(eq(identities.email, email)).limit(1);
  return row?.id;
}

export type IdentityLinkRow = typeof identityLinks.$inferSelect;

/** Ends the person's open email-change links by expiring them now: only the newest request counts. */
export async function expireOpenEmailChangeLinks(ex: Executor, identityId: string, now: string): Promise<void> {
  await ex
    .update(identityLinks)
    .set({ expiresAt: now })
    .where(
      and(
        eq(identityLinks.identityId, identityId),
        eq(identityLinks.purpose, 'email_change'),
        isNull(identityLinks.usedAt),
        gt(identityLinks.expiresAt, now),
      ),
    );
}

export async function insertEmailChangeLink(
  ex: Executor,
  link: Omit<IdentityLinkRow, 'purpose' | 'usedAt'> & { newEmail: string },
): Promise<void> {
  await ex.insert(identityLinks).values({ ...link, purpose: 'email_change', usedAt: null });
}

/** The email-change link of a token's hash, locked: two uses of one link serialize, and the second finds it used. */
export async function lockEmailChangeLink(ex: Executor, tokenHash: string): Promise<IdentityLinkRow | undefined> {
  const [row] = await ex
    .select()
    .from(identityLinks)
    .where(and(eq(identityLinks.tokenHash, tokenHash), eq(identityLinks.purpose, 'email_change')))
    .for('update');
  return row;
}

export async function markEmailChangeLinkUsed(ex: Executor, tokenHash: string, now: string): Promise<void> {
  await ex
    .update(identityLinks)
    .set({ usedAt: now })
    .where(and(eq(identityLinks.tokenHash, tokenHash), eq(identityLinks.purpose, 'email_change')));
}

/**
 * The membership's onboarding object (`null` when never set); `undefined` when there is no
 * membership. `lock` holds the row until the transaction ends.
 */
export async function findOnboarding(
  ex: Executor,
  accountId: string,
  userId: string,
  lock = false,
): Promise<{ onboarding: unknown } | undefined> {
  const query = ex
    .select({ onboarding: memberships.onboarding })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateOnboarding(
  ex: Executor,
  accountId: string,
  userId: string,
  onboarding: Record<string, unknown>,
  now: string,
): Promise<void> {
  await ex
    .update(memberships)
    .set({ onboarding, updatedAt: now })
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)));
}
