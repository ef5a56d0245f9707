import { notifyOwnerTokensRevoked } from '../api-tokens/api-tokens.service.js';
import { deleteSessionsInAccount } from '../sessions/sessions.service.js';
import type { RequestContext } from '../../core/context.js';
import { conflict, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkEnvironmentRoles } from '../environments/environments.service.js';
import { findBuiltInRole } from '../roles/roles.catalog.js';
import { addTeamMembers, lockTeamForMembers, removeTeamMembers } from '../teams/teams.service.js';
import {
  containsPattern,
  effectivePermissions,
  nameKey,
  type EffectivePermissions,
  type SortKey,
  type SortOrder,
  type UserSource,
} from './users.rules.js';
import {
  countUsers,
  deleteMembership,
  findPermissionFacts,
  type PermissionFacts,
  findUserTotal,
  findUsersVersion,
  findUserStats,
  lockExistingUserIds,
  saveCachedCount,
  findUser,
  findUserPage,
  lockActiveAdmins,
  replaceMembershipRoles,
  touchMemberships,
  updateMembership,
  type MembershipChanges,
  type TotalSource,
  type UserFilter,
  type UserRecord,
} from './users.store.js';

/** Changes a membership inside the caller’s transaction (an invitation’s acceptance). */
export { updateMembership } from './users.store.js';

export interface UserRef {
  accountId: string;
  userId: string;
}

export interface UserListQuery {
  email: string | null;
  name: string | null;
  teamIds: string[];
  page: number;
  itemsPerPage: number;
  sortBy: SortKey;
  sortOrder: SortOrder;
}

export interface UserList {
  items: UserRecord[];
  totalItems: number;
}

/** A number that changes, in the same transaction, with every change the Users API would show. */
export async function usersVersion(deps: Deps, accountId: string): Promise<number> {
  return findUsersVersion(deps.db, accountId);
}

export async function listUsers(deps: Deps, accountId: string, query: UserListQuery): Promise<UserList> {
  const filter = {
    // An empty filter means no filter, as for `name`.
    email: query.email === null || query.email.trim() === '' ? null : query.email.trim().toLowerCase(),
    namePattern: query.name === null || query.name === '' ? null : containsPattern(query.name),
    teamIds: [...new Set(query.teamIds)],
  };
  const pageQuery = {
    ...filter,
    sortBy: query.sortBy,
    sortOrder: query.sortOrder,
    limit: query.itemsPerPage,
    offset: (query.page - 1) * query.itemsPerPage,
  };
  const source = totalSource(filter);
  const page = await findUserPage(deps.db, accountId, pageQuery, source);
  const totalItems =
    page.total ??
    (await findUserTotal(deps.db, accountId, filter, source)) ??
    (source.kind === 'cached' ? await countAndCache(deps, accountId, filter, source.filterKey) : 0);
  return { items: page.items, totalItems };
}

/**
 * The exact total for a filter, without counting the whole account on every request: the
 * account's member count is kept by triggers, team-only filters count the team index, an
 * email matches one row at most, and name filters are counted once per version of the
 * account's users and cached.
 */
function totalSource(filter: UserFilter): TotalSource {
  if (filter.email !== null) return { kind: 'count' };
  if (filter.namePattern === null) {
    return filter.teamIds.length === 0 ? { kind: 'members' } : { kind: 'teams', teamIds: filter.teamIds };
  }
  return { kind: 'cached', filterKey: JSON.stringify([filter.namePattern, [...filter.teamIds].sort()]) };
}

async function countAndCache(deps: Deps, accountId: string, filter: UserFilter, filterKey: string): Promise<number> {
  // Count and version from one snapshot, so the cached total is exactly that version's.
  const { total, version } = await deps.db.transaction(
    async (tx) => {
      const stats = await findUserStats(tx, accountId);
      return { total: await countUsers(tx, accountId, filter), version: stats.version };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  await saveCachedCount(deps.db, accountId, filterKey, version, total);
  return total;
}

export async function getUser(deps: Deps, ref: UserRef): Promise<UserRecord> {
  return requireUser(deps.db, ref);
}

export async function requireUser(ex: Executor, ref: UserRef): Promise<UserRecord> {
  const user = await findUser(ex, ref.accountId, ref.userId);
  if (!user) throw notFound('User');
  return user;
}

/** What the audit log keeps of a user: settings, never credentials. */
export function auditView(user: UserRecord): Record<string, unknown> {
  return {
    user_email: user.userEmail,
    user_name: user.userName,
    is_admin: user.isAdmin,
    is_active: user.isActive,
    status: user.status,
    source: user.source,
    environments: user.environments,
    allow_login_password: user.allowLoginPassword,
    allow_login_google: user.allowLoginGoogle,
    allow_login_sso: user.allowLoginSso,
  };
}

/** Refuses a change that would leave the account without an active admin (locks them first). */
export async function guardLastAdmin(tx: Executor, user: UserRecord, losesAdmin: boolean): Promise<void> {
  if (!losesAdmin || !user.isAdmin || !user.isActive) return;
  const admins = await lockActiveAdmins(tx, user.accountId);
  if (admins.every((id) => id === user.userId)) {
    throw conflict('The account must keep at least one active admin');
  }
}

export async function getUserPermissions(deps: Deps, ref: UserRef): Promise<EffectivePermissions> {
  const permissions = await findUserPermissions(deps, ref);
  if (!permissions) throw notFound('User');
  return permissions;
}

/** The user's effective permissions, or `null` when they are not (or no longer) a member. */
export async function findUserPermissions(deps: Deps, ref: UserRef): Promise<EffectivePermissions | null> {
  const facts = await findPermissionFacts(deps.db, ref.accountId, ref.userId);
  return facts ? permissionsFrom(facts) : null;
}

/**
 * The permissions of a person signed in by `method`, read with their membership in one
 * statement; `null` unless they are an active member who accepted and whom the account lets in
 * that way (an admin may have switched the method off since the sign-in).
 */
export async function findSignedInPermissions(
  deps: Deps,
  ref: UserRef,
  method: keyof PermissionFacts['allowLogin'],
): Promise<EffectivePermissions | null> {
  const facts = await findPermissionFacts(deps.db, ref.accountId, ref.userId);
  if (!facts?.isActive || facts.status !== 'active' || !facts.allowLogin[method]) return null;
  return permissionsFrom(facts);
}

function permissionsFrom(facts: PermissionFacts): EffectivePermissions {
  const rolePrivileges = new Map<string, readonly string[]>(Object.entries(facts.customRoles));
  for (const key of [...Object.values(facts.ownRoles), ...facts.teamRoles.map((r) => r.roleKey)]) {
    const builtIn = findBuiltInRole(key);
    if (builtIn) rolePrivileges.set(key, builtIn.privileges);
  }
  return effectivePermissions({ ...facts, rolePrivileges });
}

export interface UserPatch {
  userName?: string | null;
  environments?: Record<string, string> | null;
  isAdmin?: boolean | null;
  allowLoginGoogle?: boolean | null;
  allowLoginPassword?: boolean | null;
}

/** Omitted and null fields stay as they are; `environments` replaces the whole map. */
export async function patchUser(deps: Deps, ctx: RequestContext, ref: UserRef, patch: UserPatch): Promise<UserRecord> {
  if (patch.userName != null && patch.userName.trim() === '') {
    throw invalid([{ loc: ['body', 'user_name'], msg: 'User name must not be empty', type: 'value_error' }]);
  }
  return deps.db.transaction(async (tx) => {
    const before = await requireUser(tx, ref);
    if (before.source === 'active_directory') {
      throw conflict('This user is managed by Active Directory; change its source to rivery to edit it here');
    }
    if (patch.environments != null) {
      const problems = await checkEnvironmentRoles(tx, ref.accountId, patch.environments, ['body', 'environments']);
      if (problems.length > 0) throw invalid(problems);
    }
    const changes: MembershipChanges = {};
    if (patch.userName != null) {
      changes.userName = patch.userName.trim();
      changes.nameKey = nameKey(changes.userName);
    }
    if (patch.isAdmin != null) changes.isAdmin = patch.isAdmin;
    if (patch.allowLoginGoogle != null) changes.allowLoginGoogle = patch.allowLoginGoogle;
    if (patch.allowLoginPassword != null) changes.allowLoginPassword = patch.allowLoginPassword;
    if (Object.keys(changes).length === 0 && patch.environments == null) return before;

    await guardLastAdmin(tx, before, patch.isAdmin === false);
    changes.updatedAt = deps.clock.now().toISOString();
    await updateMembership(tx, ref.accountId, ref.userId, changes);
    if (patch.environments != null) await replaceMembershipRoles(tx, ref.accountId, ref.userId, patch.environments);
    const after = { ...before, ...changes, environments: patch.environments ?? before.environments };
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId: ref.accountId,
      action: 'user.update',
      targetType: 'user',
      targetId: ref.userId,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Single-field changes share one shape: lock, check, write, audit. */
async function changeMembership(
  deps: Deps,
  ctx: RequestContext,
  ref: UserRef,
  action: string,
  decide: (tx: Executor, before: UserRecord) => Promise<MembershipChanges | null>,
): Promise<UserRecord> {
  return deps.db.transaction(async (tx) => {
    const before = await requireUser(tx, ref);
    const decided = await decide(tx, before);
    if (decided === null) return before;
    const changes = { ...decided, updatedAt: deps.clock.now().toISOString() };
    await updateMembership(tx, ref.accountId, ref.userId, changes);
    // What was written is known: the user as it is now, without reading it back.
    const after = { ...before, ...changes };
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId: ref.accountId,
      action,
      targetType: 'user',
      targetId: ref.userId,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function setUserSource(
  deps: Deps,
  ctx: RequestContext,
  ref: UserRef,
  source: UserSource,
): Promise<UserRecord> {
  return changeMembership(deps, ctx, ref, 'user.source', async (_tx, before) =>
    before.source === source ? null : { source },
  );
}

export async function setUserActive(
  deps: Deps,
  ctx: RequestContext,
  ref: UserRef,
  isActive: boolean,
): Promise<UserRecord> {
  return changeMembership(deps, ctx, ref, isActive ? 'user.activate' : 'user.deactivate', async (tx, before) => {
    if (before.isActive === isActive) return null;
    await guardLastAdmin(tx, before, !isActive);
    if (!isActive) await endAccessInAccount(tx, ref);
    return { isActive };
  });
}

/**
 * Ends the member's sessions working in the account and tells every process that their tokens
 * lost their power, in the transaction that takes their access away.
 */
async function endAccessInAccount(tx: Executor, ref: UserRef): Promise<void> {
  await deleteSessionsInAccount(tx, ref.accountId, ref.userId);
  await notifyOwnerTokensRevoked(tx, ref.accountId, ref.userId);
}

/** Removes the membership only; the identity keeps its other accounts. */
export async function removeUser(deps: Deps, ctx: RequestContext, ref: UserRef): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const before = await requireUser(tx, ref);
    await guardLastAdmin(tx, before, true);
    await endAccessInAccount(tx, ref);
    await deleteMembership(tx, ref.accountId, ref.userId);
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId: ref.accountId,
      action: 'user.remove',
      targetType: 'user',
      targetId: ref.userId,
      before: auditView(before),
    });
  });
}

export interface TeamMembershipChange {
  operation: 'attach' | 'detach';
  teamId: string;
  userIds: string[];
}

export interface TeamMembershipResult {
  /** the users whose membership of the team actually changed */
  changedUserIds: string[];
}

/** Attaching twice or detaching a non-member changes nothing; unknown ids change nothing at all. */
export async function attachDetachUsers(
  deps: Deps,
  ctx: RequestContext,
  accountId: string,
  change: TeamMembershipChange,
): Promise<TeamMembershipResult> {
  const userIds = [...new Set(change.userIds)];
  return deps.db.transaction(async (tx) => {
    const problems: FieldProblem[] = [];
    // The team first: members are locked after it, in the order a team deletion takes them.
    if (!(await lockTeamForMembers(tx, accountId, change.teamId))) {
      problems.push({
        loc: ['body', 'team_id'],
        msg: `Team ${change.teamId} does not exist in this account`,
        type: 'value_error.team_not_found',
      });
    }
    const existing = await lockExistingUserIds(tx, accountId, userIds);
    change.userIds.forEach((id, index) => {
      if (!existing.has(id)) {
        problems.push({
          loc: ['body', 'user_ids', index],
          msg: `User ${id} does not exist in this account`,
          type: 'value_error.user_not_found',
        });
      }
    });
    if (problems.length > 0) throw invalid(problems);
    const now = deps.clock.now().toISOString();
    const changedUserIds =
      change.operation === 'attach'
        ? await addTeamMembers(tx, accountId, change.teamId, userIds, now)
        : await removeTeamMembers(tx, accountId, change.teamId, userIds);
    await touchMemberships(tx, accountId, changedUserIds, now);
    if (changedUserIds.length > 0) {
      await recordAudit(tx, ctx, deps.clock.now(), {
        accountId,
        action: change.operation === 'attach' ? 'team.attach_users' : 'team.detach_users',
        targetType: 'team',
        targetId: change.teamId,
        after: { user_ids: changedUserIds },
      });
    }
    return { changedUserIds };
  });
}
