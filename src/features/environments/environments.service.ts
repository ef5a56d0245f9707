import type { RequestContext } from '../../core/context.js';
import { conflict, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { nameKey } from '../users/users.rules.js';
import { recordAudit } from '../audit/audit.service.js';
import { resolveRoles } from '../roles/roles.service.js';
import {
  countEnvironmentGrants,
  deleteEnvironment,
  findEnvironment,
  findEnvironments,
  lockEnvironmentsShared,
  insertEnvironment,
  lockEnvironments,
  updateEnvironment,
  type EnvironmentRow,
} from './environments.store.js';

/** Creates environments inside the caller’s transaction (a new account’s first ones). */
export { insertEnvironments } from './environments.store.js';

export interface EnvironmentRef {
  accountId: string;
  environmentId: string;
}

export interface DeletedEnvironment {
  environmentId: string;
  usersUpdated: number;
  teamsUpdated: number;
}

/**
 * Checks an environment → role map against the account: every key must be one of its
 * environments and every role must exist there. Returns one problem per bad entry.
 */
export async function checkEnvironmentRoles(
  ex: Executor,
  accountId: string,
  roles: Record<string, string>,
  loc: (string | number)[],
): Promise<FieldProblem[]> {
  const entries = Object.entries(roles);
  if (entries.length === 0) return [];
  const environmentIds = new Set(
    await lockEnvironmentsShared(
      ex,
      accountId,
      entries.map(([id]) => id),
    ),
  );
  const knownRoles = await resolveRoles(
    ex,
    accountId,
    entries.map(([, role]) => role),
  );
  const problems: FieldProblem[] = [];
  for (const [environmentId, role] of entries) {
    if (!environmentIds.has(environmentId)) {
      problems.push({
        loc: [...loc, environmentId],
        msg: `Environment ${environmentId} does not exist in this account`,
        type: 'value_error.environment_not_found',
      });
    } else if (!knownRoles.has(role)) {
      problems.push({
        loc: [...loc, environmentId, 'role'],
        msg: `Role '${role}' does not exist in this account`,
        type: 'value_error.role_not_found',
      });
    }
  }
  return problems;
}

/** Every environment of the account, oldest first. */
export async function listEnvironments(deps: Deps, accountId: string): Promise<EnvironmentRow[]> {
  return findEnvironments(deps.db, accountId);
}

export async function getEnvironment(deps: Deps, ref: EnvironmentRef): Promise<EnvironmentRow> {
  const environment = await findEnvironment(deps.db, ref.accountId, ref.environmentId);
  if (!environment) throw notFound('Environment');
  return environment;
}

/** Names are trimmed and must keep some text; uniqueness is the store's constraint. */
function cleanName(name: string): { name: string; nameKey: string } {
  const trimmed = name.trim();
  if (trimmed === '') {
    throw invalid([{ loc: ['body', 'name'], msg: 'Environment name must not be empty', type: 'value_error' }]);
  }
  // Lower-cased in JavaScript, like every other name key, so all PostgreSQL builds agree.
  return { name: trimmed, nameKey: nameKey(trimmed) };
}

const auditView = (environment: EnvironmentRow) => ({ name: environment.name });

export async function createEnvironment(
  deps: Deps,
  ctx: RequestContext,
  accountId: string,
  name: string,
): Promise<EnvironmentRow> {
  const cleaned = cleanName(name);
  const now = deps.clock.now();
  const stamp = now.toISOString();
  const environment: EnvironmentRow = { accountId, id: newId(now), ...cleaned, createdAt: stamp, updatedAt: stamp };
  return deps.db.transaction(async (tx) => {
    await insertEnvironment(tx, environment);
    await recordAudit(tx, ctx, now, {
      accountId,
      action: 'environment.create',
      targetType: 'environment',
      targetId: environment.id,
      after: auditView(environment),
    });
    return environment;
  });
}

export async function renameEnvironment(
  deps: Deps,
  ctx: RequestContext,
  ref: EnvironmentRef,
  name: string,
): Promise<EnvironmentRow> {
  const cleaned = cleanName(name);
  return deps.db.transaction(async (tx) => {
    const before = await findEnvironment(tx, ref.accountId, ref.environmentId);
    if (!before) throw notFound('Environment');
    if (before.name === cleaned.name) return before;
    const now = deps.clock.now();
    const after = await updateEnvironment(tx, ref.accountId, ref.environmentId, {
      ...cleaned,
      updatedAt: now.toISOString(),
    });
    if (!after) throw notFound('Environment');
    await recordAudit(tx, ctx, now, {
      accountId: ref.accountId,
      action: 'environment.update',
      targetType: 'environment',
      targetId: ref.environmentId,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/**
 * Deletes an environment and every role given in it, to users and teams alike, in one
 * transaction. The account keeps at least one environment.
 */
export async function removeEnvironment(
  deps: Deps,
  ctx: RequestContext,
  ref: EnvironmentRef,
): Promise<DeletedEnvironment> {
  return deps.db.transaction(async (tx) => {
    // Locked before counting: two deletions at once must not each see the other's environment.
    const ids = await lockEnvironments(tx, ref.accountId);
    if (!ids.includes(ref.environmentId)) throw notFound('Environment');
    if (ids.length === 1) throw conflict('The account must keep at least one environment');
    const before = await findEnvironment(tx, ref.accountId, ref.environmentId);
    if (!before) throw notFound('Environment');
    const grants = await countEnvironmentGrants(tx, ref.accountId, ref.environmentId);
    await deleteEnvironment(tx, ref.accountId, ref.environmentId);
    const deleted = { environmentId: ref.environmentId, usersUpdated: grants.users, teamsUpdated: grants.teams };
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId: ref.accountId,
      action: 'environment.delete',
      targetType: 'environment',
      targetId: ref.environmentId,
      before: auditView(before),
      after: { users_updated: deleted.usersUpdated, teams_updated: deleted.teamsUpdated },
    });
    return deleted;
  });
}
