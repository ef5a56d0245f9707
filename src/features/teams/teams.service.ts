import type { RequestContext } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkEnvironmentRoles } from '../environments/environments.service.js';
import type { Executor } from '../../db/client.js';
import {
  deleteTeamMembers,
  findTeam,
  insertTeam,
  insertTeamMembers,
  replaceTeamRoles,
  type TeamRow,
} from './teams.store.js';

export interface NewTeam {
  accountId: string;
  name: string;
  description?: string;
  source?: 'rivery' | 'active_directory';
  /** environment id → role key, given to every member of the team */
  environments?: Record<string, string>;
}

export async function createTeam(deps: Deps, ctx: RequestContext, input: NewTeam): Promise<TeamRow> {
  const now = deps.clock.now().toISOString();
  const team: TeamRow = {
    accountId: input.accountId,
    id: newId(deps.clock.now()),
    name: input.name.trim(),
    nameKey: input.name.trim().toLowerCase(),
    description: input.description ?? '',
    source: input.source ?? 'rivery',
    createdAt: now,
    updatedAt: now,
  };
  const roles = input.environments ?? {};
  return deps.db.transaction(async (tx) => {
    const problems = await checkEnvironmentRoles(tx, input.accountId, roles, ['body', 'environments']);
    if (problems.length > 0) throw invalid(problems);
    await insertTeam(tx, team);
    await replaceTeamRoles(tx, input.accountId, team.id, roles);
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId: input.accountId,
      action: 'team.create',
      targetType: 'team',
      targetId: team.id,
      after: { name: team.name, environments: roles },
    });
    return team;
  });
}

export async function teamExists(ex: Executor, accountId: string, teamId: string): Promise<boolean> {
  return (await findTeam(ex, accountId, teamId)) !== undefined;
}

/** Adds users to a team inside the caller's transaction; returns those not already in it. */
export async function addTeamMembers(
  tx: Executor,
  accountId: string,
  teamId: string,
  userIds: string[],
  now: string,
): Promise<string[]> {
  return insertTeamMembers(tx, accountId, teamId, userIds, now);
}

/** Removes users from a team inside the caller's transaction; returns those who were in it. */
export async function removeTeamMembers(
  tx: Executor,
  accountId: string,
  teamId: string,
  userIds: string[],
): Promise<string[]> {
  return deleteTeamMembers(tx, accountId, teamId, userIds);
}
