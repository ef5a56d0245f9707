import { notFound } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { listUsers, type UserList, type UserListQuery } from '../users/users.service.js';
import { teamExists, type TeamRef } from './teams.service.js';

// Apart from teams.service.ts because the users service calls that one: this file closes the
// loop (teams → users → teams) without an import cycle.

/** The team's members, listed exactly as the Users API lists users filtered by the team. */
export async function listTeamUsers(
  deps: Deps,
  ref: TeamRef,
  query: Omit<UserListQuery, 'teamIds'>,
): Promise<UserList> {
  if (!(await teamExists(deps.db, ref.accountId, ref.teamId))) throw notFound('Team');
  return listUsers(deps, ref.accountId, { ...query, teamIds: [ref.teamId] });
}
