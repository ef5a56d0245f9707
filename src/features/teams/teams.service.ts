import type { RequestContext } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkEnvironmentRoles } from '../environments/environments.service.js';
import { nameKey, type UserSource } from '../users/users.rules.js';
import {
  countTeams,
  deleteTeam,
  deleteTeamMembers,
  findTeam,
  findTeamPage,
  findTeamRecord,
  insertTeam,
  insertTeamMembers,
  lockTeam,
  lockTeamShared,
  replaceTeamRoles,
  updateTeam,
  type TeamChanges,
  type TeamRecord,
  type TeamRow,
} from './teams.store.js';

export type TeamSource = UserSource;

export interface TeamRef {
  accountId: string;
  teamId: string;
}

export interface NewTeam {
  accountId: string;
  name: string;
  description?: string;
  source?: TeamSource;
  /** environment id → role key, given to every member of the team */
  environments?: Record<string, string>;
}

/** The trimmed name, or a 422 when nothing is left of it. */
function teamName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') {
    throw invalid([{ loc: ['body', 'name'], msg: 'Team name must not be blank', type: 'value_error' }]);
  }
  return trimmed;
}

async function requireValidRoles(tx: Executor, accountId: string, roles: Record<string, string>): Promise<void> {
  const problems = await checkEnvironmentRoles(tx, accountId, roles, ['body', 'environments']);
  if (problems.length > 0) throw invalid(problems);
}

/** What the audit log keeps of a team. */
function auditView(team: TeamRecord): Record<string, unknown> {
  return {
    name: team.name,
    description: team.description,
    source: team.source,
    environments: team.environments,
  };
}

export async function createTeam(deps: Deps, ctx: RequestContext, input: NewTeam): Promise<TeamRecord> {
  const now = deps.clock.now().toISOString();
  const name = teamName(input.name);
  const row: TeamRow = {
    accountId: input.accountId,
    id: newId(deps.clock.now()),
    name,
    nameKey: nameKey(name),
    description: input.description ?? '',
    source: input.source ?? 'rivery',
    createdAt: now,
    updatedAt: now,
  };
  const team: TeamRecord = { ...row, environments: input.environments ?? {}, userCount: 0 };
  return deps.db.transaction(async (tx) => {
    await requireValidRoles(tx, input.accountId, team.environments);
    await insertTeam(tx, row);
    await replaceTeamRoles(tx, input.accountId, team.id, team.environments);
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId: input.accountId,
      action: 'team.create',
      targetType: 'team',
      targetId: team.id,
      after: auditView(team),
    });
    return team;
  });
}

export interface TeamPage {
  items: TeamRecord[];
  totalItems: number;
}

export async function listTeams(
  deps: Deps,
  accountId: string,
  query: { page: number; itemsPerPage: number },
): Promise<TeamPage> {
  // One snapshot, so the total is the total of the page's own state.
  return deps.db.transaction(
    async (tx) => {
      const items = await findTeamPage(tx, accountId, {
        limit: query.itemsPerPage,
        offset: (query.page - 1) * query.itemsPerPage,
      });
      return { items, totalItems: await countTeams(tx, accountId) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export async function getTeam(deps: Deps, ref: TeamRef): Promise<TeamRecord> {
  return requireTeam(deps.db, ref);
}

async function requireTeam(ex: Executor, ref: TeamRef): Promise<TeamRecord> {
  const team = await findTeamRecord(ex, ref.accountId, ref.teamId);
  if (!team) throw notFound('Team');
  return team;
}

/** Omitted fields stay as they are; `environments`, when given, replaces the whole map. */
export interface TeamPatch {
  name?: string;
  description?: string;
  source?: TeamSource;
  environments?: Record<string, string>;
}

const sameRoles = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([env, role]) => b[env] === role);

/** A patch that changes nothing writes nothing and leaves no audit event. */
export async function patchTeam(deps: Deps, ctx: RequestContext, ref: TeamRef, patch: TeamPatch): Promise<TeamRecord> {
  const name = patch.name === undefined ? undefined : teamName(patch.name);
  return deps.db.transaction(async (tx) => {
    if (!(await lockTeam(tx, ref.accountId, ref.teamId))) throw notFound('Team');
    const before = await requireTeam(tx, ref);
    if (patch.environments !== undefined) await requireValidRoles(tx, ref.accountId, patch.environments);

    const changes: TeamChanges = {};
    if (name !== undefined && name !== before.name) {
      changes.name = name;
      changes.nameKey = nameKey(name);
    }
    if (patch.description !== undefined && patch.description !== before.description) {
      changes.description = patch.description;
    }
    if (patch.source !== undefined && patch.source !== before.source) changes.source = patch.source;
    const environments =
      patch.environments === undefined || sameRoles(patch.environments, before.environments)
        ? undefined
        : patch.environments;
    if (Object.keys(changes).length === 0 && environments === undefined) return before;

    changes.updatedAt = deps.clock.now().toISOString();
    await updateTeam(tx, ref.accountId, ref.teamId, changes);
    if (environments !== undefined) await replaceTeamRoles(tx, ref.accountId, ref.teamId, environments);
    const after: TeamRecord = { ...before, ...changes, environments: environments ?? before.environments };
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId: ref.accountId,
      action: 'team.update',
      targetType: 'team',
      targetId: ref.teamId,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/**
 * Deletes the team. Its roles and memberships go in the same statement, so its members lose
 * its roles as the transaction commits; returns the team as it was.
 */
export async function removeTeam(deps: Deps, ctx: RequestContext, ref: TeamRef): Promise<TeamRecord> {
  return deps.db.transaction(async (tx) => {
    if (!(await lockTeam(tx, ref.accountId, ref.teamId))) throw notFound('Team');
    const before = await requireTeam(tx, ref);
    await deleteTeam(tx, ref.accountId, ref.teamId);
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId: ref.accountId,
      action: 'team.delete',
      targetType: 'team',
      targetId: ref.teamId,
      before: { ...auditView(before), user_count: before.userCount },
    });
    return before;
  });
}

/** Whether the team exists, locking it against deletion until the caller's transaction ends. */
export async function lockTeamForMembers(tx: Executor, accountId: string, teamId: string): Promise<boolean> {
  return lockTeamShared(tx, accountId, teamId);
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
