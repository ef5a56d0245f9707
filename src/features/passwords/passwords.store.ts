import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accountSecuritySettings, identities, memberships, passwordHistory } from '../../db/schema/index.js';

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
