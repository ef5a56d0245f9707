import { and, asc, countDistinct, eq, inArray } from 'drizzle-orm';
import { conflict } from '../../core/errors.js';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { membershipRoles, memberships, roles, teamRoles, teams } from '../../db/schema/index.js';

export type CustomRoleRow = typeof roles.$inferSelect;

export async function findCustomRoles(ex: Executor, accountId: string, keys: string[]): Promise<CustomRoleRow[]> {
  if (keys.length === 0) return [];
  return ex
    .select()
    .from(roles)
    .where(and(eq(roles.accountId, accountId), inArray(roles.key, keys)));
}

/** Every custom role of the account, oldest first. */
export async function findAllCustomRoles(ex: Executor, accountId: string): Promise<CustomRoleRow[]> {
  return ex.select().from(roles).where(eq(roles.accountId, accountId)).orderBy(asc(roles.createdAt), asc(roles.key));
}

/**
 * Finds the custom roles of `keys` with a key-share lock: a role about to be given to someone
 * cannot be deleted before that grant commits (the deletion waits, then sees the new holder).
 * Edits lock the role for update too, so they also wait for grants in flight: brief, and the
 * holder then gets the edited privileges at their next request either way.
 */
export async function lockCustomRolesShared(ex: Executor, accountId: string, keys: string[]): Promise<CustomRoleRow[]> {
  if (keys.length === 0) return [];
  return ex
    .select()
    .from(roles)
    .where(and(eq(roles.accountId, accountId), inArray(roles.key, keys)))
    .orderBy(asc(roles.key))
    .for('key share');
}

/** Locks the custom roles of `keys` for a change, in key order so two changes never deadlock. */
export async function lockCustomRoles(ex: Executor, accountId: string, keys: string[]): Promise<CustomRoleRow[]> {
  if (keys.length === 0) return [];
  return ex
    .select()
    .from(roles)
    .where(and(eq(roles.accountId, accountId), inArray(roles.key, keys)))
    .orderBy(asc(roles.key))
    .for('update');
}

export async function insertCustomRole(ex: Executor, role: typeof roles.$inferInsert): Promise<void> {
  try {
    await ex.insert(roles).values(role);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A role with the key "${role.key}" already exists in the account`);
    throw error;
  }
}

export async function updateCustomRole(
  ex: Executor,
  accountId: string,
  key: string,
  changes: Partial<Pick<CustomRoleRow, 'name' | 'description' | 'privileges'>> & { updatedAt: string },
): Promise<CustomRoleRow | undefined> {
  const [row] = await ex
    .update(roles)
    .set(changes)
    .where(and(eq(roles.accountId, accountId), eq(roles.key, key)))
    .returning();
  return row;
}

export async function deleteCustomRole(ex: Executor, accountId: string, key: string): Promise<void> {
  await ex.delete(roles).where(and(eq(roles.accountId, accountId), eq(roles.key, key)));
}

export interface RoleHolders {
  users: { userId: string; email: string }[];
  userCount: number;
  teams: { teamId: string; name: string }[];
  teamCount: number;
}

/** Who holds the role, in any environment: up to `limit` users and teams by name, and their counts. */
export async function findRoleHolders(
  ex: Executor,
  accountId: string,
  key: string,
  limit: number,
): Promise<RoleHolders> {
  const userGrants = and(eq(membershipRoles.accountId, accountId), eq(membershipRoles.roleKey, key));
  const users = await ex
    .selectDistinct({ userId: memberships.userId, email: memberships.userEmail })
    .from(membershipRoles)
    .innerJoin(
      memberships,
      and(eq(memberships.accountId, membershipRoles.accountId), eq(memberships.userId, membershipRoles.userId)),
    )
    .where(userGrants)
    .orderBy(asc(memberships.userEmail), asc(memberships.userId))
    .limit(limit);
  const [userCount] = await ex
    .select({ n: countDistinct(membershipRoles.userId) })
    .from(membershipRoles)
    .where(userGrants);
  const teamGrants = and(eq(teamRoles.accountId, accountId), eq(teamRoles.roleKey, key));
  const teamRows = await ex
    .selectDistinct({ teamId: teams.id, name: teams.name, nameKey: teams.nameKey })
    .from(teamRoles)
    .innerJoin(teams, and(eq(teams.accountId, teamRoles.accountId), eq(teams.id, teamRoles.teamId)))
    .where(teamGrants)
    .orderBy(asc(teams.nameKey), asc(teams.id))
    .limit(limit);
  const [teamCount] = await ex
    .select({ n: countDistinct(teamRoles.teamId) })
    .from(teamRoles)
    .where(teamGrants);
  return {
    users,
    userCount: userCount?.n ?? 0,
    teams: teamRows.map(({ teamId, name }) => ({ teamId, name })),
    teamCount: teamCount?.n ?? 0,
  };
}

/**
 * Gives every holder of role `from` the role `to` instead, wherever they hold it. Returns how
 * many distinct users and teams moved.
 */
export async function reassignRole(
  ex: Executor,
  accountId: string,
  from: string,
  to: string,
): Promise<{ users: number; teams: number }> {
  const users = await ex
    .update(membershipRoles)
    .set({ roleKey: to })
    .where(and(eq(membershipRoles.accountId, accountId), eq(membershipRoles.roleKey, from)))
    .returning({ userId: membershipRoles.userId });
  const movedTeams = await ex
    .update(teamRoles)
    .set({ roleKey: to })
    .where(and(eq(teamRoles.accountId, accountId), eq(teamRoles.roleKey, from)))
    .returning({ teamId: teamRoles.teamId });
  return {
    users: new Set(users.map((row) => row.userId)).size,
    teams: new Set(movedTeams.map((row) => row.teamId)).size,
  };
}
