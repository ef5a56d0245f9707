import type { RequestContext } from '../../core/context.js';
import { conflict, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { getAccount } from '../accounts/accounts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { BUILT_IN_ROLES, findBuiltInRole, type BuiltInRole } from './roles.catalog.js';
import { checkPrivileges } from './roles.rules.js';
import {
  deleteCustomRole,
  findAllCustomRoles,
  findCustomRoles,
  findRoleHolders,
  insertCustomRole,
  lockCustomRoles,
  lockCustomRolesShared,
  reassignRole,
  updateCustomRole,
  type CustomRoleRow,
  type RoleHolders,
} from './roles.store.js';

export interface ResolvedRole {
  key: string;
  privileges: readonly string[];
}

/** A role as the API shows it, built-in or custom. */
export interface RoleView {
  key: string;
  name: string;
  description: string;
  privileges: readonly string[];
  builtIn: boolean;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface RoleRef {
  accountId: string;
  key: string;
}

export interface NewRole {
  key: string;
  name: string;
  description: string;
  privileges: string[];
}

export interface RolePatch {
  name?: string;
  description?: string;
  privileges?: string[];
}

export interface DeletedRole {
  key: string;
  reassignedTo: string | null;
  usersMoved: number;
  teamsMoved: number;
}

/** How many holders a refused deletion names; the rest are counted. */
const HOLDERS_SHOWN = 10;

/**
 * The roles of `keys` that exist in the account (built-in or custom), by key. Custom roles
 * found are key-share locked for the rest of the caller's transaction, so a role being given
 * to someone cannot be deleted under them.
 */
export async function resolveRoles(
  ex: Executor,
  accountId: string,
  keys: Iterable<string>,
): Promise<Map<string, ResolvedRole>> {
  const found = new Map<string, ResolvedRole>();
  const customKeys: string[] = [];
  for (const key of new Set(keys)) {
    const builtIn = findBuiltInRole(key);
    if (builtIn) found.set(key, builtIn);
    else customKeys.push(key);
  }
  for (const role of await lockCustomRolesShared(ex, accountId, customKeys)) {
    found.set(role.key, { key: role.key, privileges: role.privileges });
  }
  return found;
}

const builtInView = (role: BuiltInRole): RoleView => ({ ...role, builtIn: true, createdAt: null, updatedAt: null });
const customView = (row: CustomRoleRow): RoleView => ({
  key: row.key,
  name: row.name,
  description: row.description,
  privileges: row.privileges,
  builtIn: false,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});
const auditView = (role: RoleView) => ({ name: role.name, description: role.description, privileges: role.privileges });

/** Built-in roles first, in catalog order, then the account's custom roles, oldest first. */
export async function listRoles(deps: Deps, accountId: string): Promise<RoleView[]> {
  const custom = await findAllCustomRoles(deps.db, accountId);
  return [...BUILT_IN_ROLES.map(builtInView), ...custom.map(customView)];
}

export async function getRole(deps: Deps, ref: RoleRef): Promise<RoleView> {
  const builtIn = findBuiltInRole(ref.key);
  if (builtIn) return builtInView(builtIn);
  const [row] = await findCustomRoles(deps.db, ref.accountId, [ref.key]);
  if (!row) throw notFound('Role');
  return customView(row);
}

function refuseBuiltIn(key: string, change: string): void {
  if (findBuiltInRole(key)) {
    throw conflict(`"${key}" is a built-in role: built-in roles cannot be ${change}; create a custom role instead`);
  }
}

function nameProblems(name: string | undefined): FieldProblem[] {
  return name !== undefined && name.trim() === ''
    ? [{ loc: ['body', 'name'], msg: 'Role name must not be empty', type: 'value_error' }]
    : [];
}

/** Privileges of features the account lacks are refused, so no role promises what nobody can hold. */
async function privilegeProblems(
  tx: Executor,
  accountId: string,
  privileges: readonly string[],
): Promise<FieldProblem[]> {
  const account = await getAccount(tx, accountId);
  return checkPrivileges(privileges, account.features, ['body', 'privileges']);
}

export async function createRole(
  deps: Deps,
  ctx: RequestContext,
  accountId: string,
  input: NewRole,
): Promise<RoleView> {
  return deps.db.transaction(async (tx) => {
    const problems = [...nameProblems(input.name), ...(await privilegeProblems(tx, accountId, input.privileges))];
    if (problems.length > 0) throw invalid(problems);
    if (findBuiltInRole(input.key)) throw conflict(`"${input.key}" is the key of a built-in role; choose another key`);
    const now = deps.clock.now();
    const row: CustomRoleRow = {
      accountId,
      key: input.key,
      name: input.name.trim(),
      description: input.description.trim(),
      privileges: input.privileges,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await insertCustomRole(tx, row);
    const role = customView(row);
    await recordAudit(tx, ctx, now, {
      accountId,
      action: 'role.create',
      targetType: 'role',
      targetId: role.key,
      after: auditView(role),
    });
    return role;
  });
}

/**
 * Changes a custom role. Holders' permissions are read from the role at each request, so new
 * privileges take effect on the next one.
 */
export async function updateRole(deps: Deps, ctx: RequestContext, ref: RoleRef, patch: RolePatch): Promise<RoleView> {
  refuseBuiltIn(ref.key, 'changed');
  return deps.db.transaction(async (tx) => {
    const [locked] = await lockCustomRoles(tx, ref.accountId, [ref.key]);
    if (!locked) throw notFound('Role');
    const problems = [
      ...nameProblems(patch.name),
      ...(patch.privileges === undefined ? [] : await privilegeProblems(tx, ref.accountId, patch.privileges)),
    ];
    if (problems.length > 0) throw invalid(problems);
    const before = customView(locked);
    const changes = {
      ...(patch.name === undefined ? {} : { name: patch.name.trim() }),
      ...(patch.description === undefined ? {} : { description: patch.description.trim() }),
      ...(patch.privileges === undefined ? {} : { privileges: patch.privileges }),
    };
    if (Object.keys(changes).length === 0) return before;
    const now = deps.clock.now();
    const updated = await updateCustomRole(tx, ref.accountId, ref.key, { ...changes, updatedAt: now.toISOString() });
    if (!updated) throw notFound('Role');
    const after = customView(updated);
    await recordAudit(tx, ctx, now, {
      accountId: ref.accountId,
      action: 'role.update',
      targetType: 'role',
      targetId: ref.key,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

function holdersMessage(key: string, holders: RoleHolders): string {
  const listed = (names: string[], total: number, noun: string): string => {
    const more = total > names.length ? `, and ${String(total - names.length)} more` : '';
    return `${String(total)} ${noun}${total === 1 ? '' : 's'} (${names.join(', ')}${more})`;
  };
  const parts = [
    ...(holders.userCount > 0
      ? [
          listed(
            holders.users.map((u) => `${u.email} [${u.userId}]`),
            holders.userCount,
            'user',
          ),
        ]
      : []),
    ...(holders.teamCount > 0
      ? [
          listed(
            holders.teams.map((team) => `${team.name} [${team.teamId}]`),
            holders.teamCount,
            'team',
          ),
        ]
      : []),
  ];
  return `Role "${key}" is still given to ${parts.join(' and ')}; give them another role first, or delete with ?reassign_to=<role key>`;
}

const reassignProblem = (msg: string): FieldProblem => ({ loc: ['query', 'reassign_to'], msg, type: 'value_error' });

/**
 * Deletes a custom role. While users or teams hold it the deletion is refused, naming them,
 * unless `reassignTo` names another role of the account: then they all move to it first, in
 * the same transaction.
 */
export async function deleteRole(
  deps: Deps,
  ctx: RequestContext,
  ref: RoleRef,
  reassignTo: string | null,
): Promise<DeletedRole> {
  refuseBuiltIn(ref.key, 'deleted');
  return deps.db.transaction(async (tx) => {
    // Both rows locked at once, in key order: the target cannot vanish while holders move to it.
    const customTarget = reassignTo !== null && findBuiltInRole(reassignTo) === undefined ? reassignTo : null;
    const locked = await lockCustomRoles(
      tx,
      ref.accountId,
      customTarget === null ? [ref.key] : [ref.key, customTarget],
    );
    const role = locked.find((row) => row.key === ref.key);
    if (!role) throw notFound('Role');
    if (reassignTo === ref.key) throw invalid([reassignProblem('Cannot reassign holders to the role being deleted')]);
    if (customTarget !== null && !locked.some((row) => row.key === customTarget)) {
      throw invalid([reassignProblem(`Role '${customTarget}' does not exist in this account`)]);
    }
    let moved = { users: 0, teams: 0 };
    if (reassignTo === null) {
      const holders = await findRoleHolders(tx, ref.accountId, ref.key, HOLDERS_SHOWN);
      if (holders.userCount > 0 || holders.teamCount > 0) throw conflict(holdersMessage(ref.key, holders));
    } else {
      moved = await reassignRole(tx, ref.accountId, ref.key, reassignTo);
    }
    await deleteCustomRole(tx, ref.accountId, ref.key);
    const deleted = { key: ref.key, reassignedTo: reassignTo, usersMoved: moved.users, teamsMoved: moved.teams };
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId: ref.accountId,
      action: 'role.delete',
      targetType: 'role',
      targetId: ref.key,
      before: auditView(customView(role)),
      after: { reassigned_to: reassignTo, users_moved: moved.users, teams_moved: moved.teams },
    });
    return deleted;
  });
}
