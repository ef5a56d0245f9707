import { and, asc, count, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { teamMembers, teamRoles, teams } from '../../db/schema/index.js';
import { conflict } from '../../core/errors.js';

export type TeamRow = typeof teams.$inferSelect;

/** A team with what the Teams API shows beside it. */
export interface TeamRecord extends TeamRow {
  /** environment id → role key */
  environments: Record<string, string>;
  userCount: number;
}

const NAME_TAKEN = 'A team with this name already exists in this account';

export async function insertTeam(ex: Executor, team: typeof teams.$inferInsert): Promise<void> {
  try {
    await ex.insert(teams).values(team);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(NAME_TAKEN);
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

/**
 * Key-share locks the team's row, if it exists: members are about to be added to or removed
 * from it, and a concurrent deletion of the team must wait for that (or have finished), never
 * fail it on the foreign key or deadlock with it over the members' rows.
 */
export async function lockTeamShared(ex: Executor, accountId: string, teamId: string): Promise<boolean> {
  const rows = await ex
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.accountId, accountId), eq(teams.id, teamId)))
    .for('key share');
  return rows.length > 0;
}

/**
 * Locks the team's row. Changes to a team take it first, so each reads the team as it is (the
 * audit's `before`) and two concurrent rewrites of its roles queue instead of both inserting
 * the same role rows.
 */
export async function lockTeam(ex: Executor, accountId: string, teamId: string): Promise<boolean> {
  const rows = await ex
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.accountId, accountId), eq(teams.id, teamId)))
    .for('update');
  return rows.length > 0;
}

// Spelled out with the table name: in a one-table select Drizzle leaves columns unqualified,
// and inside these subqueries an unqualified account_id would mean the subquery's own.
const team = { accountId: sql.raw('teams.account_id'), id: sql.raw('teams.id') };
const recordColumns = {
  ...getTableColumns(teams),
  environments: sql<Record<string, string>>`coalesce((select json_object_agg(tr.environment_id, tr.role_key)
    from ${teamRoles} tr where tr.account_id = ${team.accountId} and tr.team_id = ${team.id}), '{}')`,
  userCount: sql<number>`cast((select count(*) from ${teamMembers} tm
    where tm.account_id = ${team.accountId} and tm.team_id = ${team.id}) as integer)`,
};

export async function findTeamRecord(ex: Executor, accountId: string, teamId: string): Promise<TeamRecord | undefined> {
  const [row] = await ex
    .select(recordColumns)
    .from(teams)
    .where(and(eq(teams.accountId, accountId), eq(teams.id, teamId)))
    .limit(1);
  return row;
}

/** A page of the account's teams by name (ties by id, so paging never repeats or skips one). */
export async function findTeamPage(
  ex: Executor,
  accountId: string,
  page: { limit: number; offset: number },
): Promise<TeamRecord[]> {
  return ex
    .select(recordColumns)
    .from(teams)
    .where(eq(teams.accountId, accountId))
    .orderBy(asc(teams.nameKey), asc(teams.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countTeams(ex: Executor, accountId: string): Promise<number> {
  const [row] = await ex.select({ total: count() }).from(teams).where(eq(teams.accountId, accountId));
  return row?.total ?? 0;
}

export type TeamChanges = Partial<Pick<TeamRow, 'name' | 'nameKey' | 'description' | 'source' | 'updatedAt'>>;

export async function updateTeam(ex: Executor, accountId: string, teamId: string, changes: TeamChanges): Promise<void> {
  try {
    await ex
      .update(teams)
      .set(changes)
      .where(and(eq(teams.accountId, accountId), eq(teams.id, teamId)));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(NAME_TAKEN);
    throw error;
  }
}

/** Deletes the team; its roles and memberships go with it (foreign keys cascade). */
export async function deleteTeam(ex: Executor, accountId: string, teamId: string): Promise<void> {
  await ex.delete(teams).where(and(eq(teams.accountId, accountId), eq(teams.id, teamId)));
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
