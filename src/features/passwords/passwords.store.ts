import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  accountSecuritySettings,
  identities,
  identityLinks,
  memberships,
  passwordHistory,
} from '../../db/schema/index.js';

export type SettingsRow = typeof accountSecuritySettings.$inferSelect;

/** How many earlier hashes are kept: the most any policy may ask to compare against. */
export const HISTORY_KEPT = 24;

/**
 * The security settings of every account whose policy binds the identity: those they are an
 * active member of, and `alsoAccountIds` (an account they are joining). Accounts without
 * settings have the defaults and return no row.
 */
export async function findBindingSettings(
  ex: Executor,
  identityId: string | null,
  alsoAccountIds: string[],
): Promise<SettingsRow[]> {
  const memberOf =
    identityId === null
      ? sql`false`
      : inArray(
          accountSecuritySettings.accountId,
          ex
            .select({ accountId: memberships.accountId })
            .from(memberships)
            .where(and(eq(memberships.userId, identityId), eq(memberships.isActive, true))),
        );
  const joining = alsoAccountIds.length === 0 ? sql`false` : inArray(accountSecuritySettings.accountId, alsoAccountIds);
  return ex.select().from(accountSecuritySettings).where(or(memberOf, joining));
}

export async function findRecentPasswordHashes(ex: Executor, identityId: string, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await ex
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.identityId, identityId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(limit);
  return rows.map((row) => row.hash);
}

/** Sets the identity's password and keeps its hash in the history, trimmed to what any policy may need. */
export async function saveIdentityPassword(
  ex: Executor,
  input: { identityId: string; historyId: string; passwordHash: string; now: string; rehashOnly: boolean },
): Promise<void> {
  await ex
    .update(identities)
    .set(
      input.rehashOnly
        ? { passwordHash: input.passwordHash }
        : { passwordHash: input.passwordHash, passwordChangedAt: input.now, updatedAt: input.now },
    )
    .where(eq(identities.id, input.identityId));
  if (input.rehashOnly) return;
  await ex.insert(passwordHistory).values({
    identityId: input.identityId,
    id: input.historyId,
    passwordHash: input.passwordHash,
    createdAt: input.now,
  });
  const keep = ex
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.identityId, input.identityId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(HISTORY_KEPT);
  await ex
    .delete(passwordHistory)
    .where(and(eq(passwordHistory.identityId, input.identityId), sql`${passwordHistory.id} not in (${keep})`));
}

// Global tables below (identities, identity_links): a person and their mail links span accounts.

export interface PasswordOwner {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
}

const OWNER_COLUMNS = {
  id: identities.id,
  email: identities.email,
  name: identities.name,
  passwordHash: identities.passwordHash,
};

/** Locked: two changes of one person's password serialize, and so do two reset requests. */
export async function lockPasswordOwner(ex: Executor, identityId: string): Promise<PasswordOwner | undefined> {
  const [row] = await ex.select(OWNER_COLUMNS).from(identities).where(eq(identities.id, identityId)).for('update');
  return row;
}

export async function lockPasswordOwnerByEmail(ex: Executor, email: string): Promise<PasswordOwner | undefined> {
  const [row] = await ex.select(OWNER_COLUMNS).from(identities).where(eq(identities.email, email)).for('update');
  return row;
}

/** The accounts the person is an active member of, where their password changes are audited. */
export async function findMemberAccountIds(ex: Executor, identityId: string): Promise<string[]> {
  const rows = await ex
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(and(eq(memberships.userId, identityId), eq(memberships.isActive, true), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.accountId));
  return rows.map((row) => row.accountId);
}

export type IdentityLinkRow = typeof identityLinks.$inferSelect;

/**
 * Ends the open reset links of the email's identity by expiring them now. The identity is
 * found by email inside the statement, so an email without one runs the same statement.
 */
export async function expireOpenResetLinks(ex: Executor, email: string, now: string): Promise<void> {
  await ex
    .update(identityLinks)
    .set({ expiresAt: now })
    .where(
      and(
        eq(identityLinks.purpose, 'password_reset'),
        isNull(identityLinks.usedAt),
        gt(identityLinks.expiresAt, now),
        inArray(
          identityLinks.identityId,
          ex.select({ id: identities.id }).from(identities).where(eq(identities.email, email)),
        ),
      ),
    );
}

/**
 * Inserts a reset link for the email's identity; for an email without one the same statement
 * inserts nothing, which costs the same.
 */
export async function insertResetLinkFor(
  ex: Executor,
  email: string,
  link: { tokenHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await ex.insert(identityLinks).select(
    ex
      .select({
        tokenHash: sql`${link.tokenHash}`.as('token_hash'),
        purpose: sql`'password_reset'`.as('purpose'),
        identityId: identities.id,
        newEmail: sql`null`.as('new_email'),
        createdAt: sql`${link.createdAt}::timestamptz`.as('created_at'),
        expiresAt: sql`${link.expiresAt}::timestamptz`.as('expires_at'),
        usedAt: sql`null::timestamptz`.as('used_at'),
      })
      .from(identities)
      .where(eq(identities.email, email)),
  );
}

/** The reset link of a token's hash; `lock` only once its identity is locked (see resetPassword). */
export async function findResetLink(
  ex: Executor,
  tokenHash: string,
  lock: boolean,
): Promise<IdentityLinkRow | undefined> {
  const query = ex
    .select()
    .from(identityLinks)
    .where(and(eq(identityLinks.tokenHash, tokenHash), eq(identityLinks.purpose, 'password_reset')));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function markIdentityLinkUsed(ex: Executor, tokenHash: string, now: string): Promise<void> {
  await ex.update(identityLinks).set({ usedAt: now }).where(eq(identityLinks.tokenHash, tokenHash));
}
