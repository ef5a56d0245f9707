import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { teamMembers, teamRoles, teams } from '../../db/schema/index.js';
import { conflict } from '../../core/errors.js';

export type TeamRow = typeof teams.$inferSelect;

export async function insertTeam(ex: Executor, team: typeof teams.$inferInsert): Promise<void> {
  try {
    await ex.insert(teams).values(team);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('A team with this name already exists');
    throw error;
  }
}

export async function findTeam(ex: Executor, accountId: string, teamId: string): Promise<TeamRow | undefined> {
  const [row] = await ex
    .select()
    .from(teams)
    .where(and(eq(teams.accountId, accountId), eq(teams.id, teamId)))
    .limit(1);
  return row;
}

export async function replaceTeamRoles(
  ex: Executor,
  accountId: string,
  teamId: string,
  roles: Record<string, string>,
): Promise<void> {
  await ex.delete(teamRoles).where(and(eq(teamRoles.accountId, accountId), eq(teamRoles.teamId, teamId)));
  const rows = Object.entries(roles).map(([environmentId, roleKey]) => ({ accountId, teamId, environmentId, roleKey }));
  if (rows.length > 0) await ex.insert(teamRoles).values(rows);
}

/** Adds members who are not in the team yet; returns the ids actually added. */
export async function insertTeamMembers(
  ex: Executor,
  accountId: string,
  teamId: string,
  userIds: string[],
  now: string,
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await ex
    .insert(teamMembers)
    .values(userIds.map((userId) => ({ accountId, teamId, userId, createdAt: now })))
    .onConflictDoNothing()
    .returning({ userId: teamMembers.userId });
  return rows.map((row) => row.userId);
}

/** Removes those of `userIds` who are in the team; returns the ids actually removed. */
export async function deleteTeamMembers(
  ex: Executor,
  accountId: string,
  teamId: string,
  userIds: string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await ex
    .delete(teamMembers)
    .where(
      and(eq(teamMembers.accountId, accountId), eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, userIds)),
    )
    .returning({ userId: teamMembers.userId });
  return rows.map((row) => row.userId);
}

/** The (environment → role) maps of the teams a user belongs to, for effective permissions. */
