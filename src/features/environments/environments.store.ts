import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { conflict } from '../../core/errors.js';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { environments, membershipRoles, teamRoles } from '../../db/schema/index.js';

export type EnvironmentRow = typeof environments.$inferSelect;

const DUPLICATE_NAME = 'An environment with this name already exists in the account';

export async function insertEnvironments(ex: Executor, rows: (typeof environments.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await ex.insert(environments).values(rows);
}

export async function insertEnvironment(ex: Executor, row: typeof environments.$inferInsert): Promise<void> {
  try {
    await ex.insert(environments).values(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(DUPLICATE_NAME);
    throw error;
  }
}

export async function findEnvironments(ex: Executor, accountId: string): Promise<EnvironmentRow[]> {
  return ex
    .select()
    .from(environments)
    .where(eq(environments.accountId, accountId))
    .orderBy(asc(environments.createdAt), asc(environments.id));
}

export async function findEnvironment(
  ex: Executor,
  accountId: string,
  id: string,
): Promise<EnvironmentRow | undefined> {
  const [row] = await ex
    .select()
    .from(environments)
    .where(and(eq(environments.accountId, accountId), eq(environments.id, id)))
    .limit(1);
  return row;
}

export async function updateEnvironment(
  ex: Executor,
  accountId: string,
  id: string,
  changes: Pick<EnvironmentRow, 'name' | 'nameKey' | 'updatedAt'>,
): Promise<EnvironmentRow | undefined> {
  try {
    const [row] = await ex
      .update(environments)
      .set(changes)
      .where(and(eq(environments.accountId, accountId), eq(environments.id, id)))
      .returning();
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(DUPLICATE_NAME);
    throw error;
  }
}

/**
 * The environments among `ids` that exist, key-share locked: a role is about to be given in
 * them, and a concurrent deletion must wait for that grant (then remove it) rather than let
 * the grant fail on its foreign key.
 */
export async function lockEnvironmentsShared(ex: Executor, accountId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await ex
    .select({ id: environments.id })
    .from(environments)
    .where(and(eq(environments.accountId, accountId), inArray(environments.id, ids)))
    .orderBy(asc(environments.id))
    .for('key share');
  return rows.map((row) => row.id);
}

/**
 * Locks every environment of the account, in id order, and returns their ids. Deletions take
 * these locks first, so two of them serialize and the second sees what the first left.
 */
export async function lockEnvironments(ex: Executor, accountId: string): Promise<string[]> {
  const rows = await ex
    .select({ id: environments.id })
    .from(environments)
    .where(eq(environments.accountId, accountId))
    .orderBy(asc(environments.id))
    .for('update');
  return rows.map((row) => row.id);
}

/**
 * How many users and teams hold a role in the environment. Read under the environment's lock:
 * a new grant needs a key-share lock on the environment row (its foreign key), so none can
 * appear between this count and the deletion.
 */
export async function countEnvironmentGrants(
  ex: Executor,
  accountId: string,
  id: string,
): Promise<{ users: number; teams: number }> {
  const [users] = await ex
    .select({ n: count() })
    .from(membershipRoles)
    .where(and(eq(membershipRoles.accountId, accountId), eq(membershipRoles.environmentId, id)));
  const [teams] = await ex
    .select({ n: count() })
    .from(teamRoles)
    .where(and(eq(teamRoles.accountId, accountId), eq(teamRoles.environmentId, id)));
  return { users: users?.n ?? 0, teams: teams?.n ?? 0 };
}

/** Deletes the environment; its users' and teams' roles there go with it (ON DELETE CASCADE). */
export async function deleteEnvironment(ex: Executor, accountId: string, id: string): Promise<void> {
  await ex.delete(environments).where(and(eq(environments.accountId, accountId), eq(environments.id, id)));
}
