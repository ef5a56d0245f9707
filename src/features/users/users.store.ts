import { and, asc, count, countDistinct, desc, eq, getTableColumns, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import {
  accountUserStats,
  identities,
  membershipRoles,
  memberships,
  teamMembers,
  userCountCache,
} from '../../db/schema/index.js';
import { conflict } from '../../core/errors.js';
import type { SortKey, SortOrder } from './users.rules.js';

export type MembershipRow = typeof memberships.$inferSelect;
export type MembershipInsert = typeof memberships.$inferInsert;

/** A membership with what the Users API shows beside it. */
export interface UserRecord extends MembershipRow {
  isSuperAdmin: boolean;
  /** environment id → role key */
  environments: Record<string, string>;
  /** team ids, sorted */
  groups: string[];
}

const userColumns = {
  ...getTableColumns(memberships),
  isSuperAdmin: identities.isSuperAdmin,
  environments: sql<Record<string, string>>`coalesce((
    select jsonb_object_agg(r.environment_id, r.role_key) from ${membershipRoles} r
    where r.account_id = ${memberships.accountId} and r.user_id = ${memberships.userId}), '{}'::jsonb)`,
  groups: sql<string[]>`coalesce((
    select jsonb_agg(t.team_id order by t.team_id) from ${teamMembers} t
    where t.account_id = ${memberships.accountId} and t.user_id = ${memberships.userId}), '[]'::jsonb)`,
};

export async function findUser(ex: Executor, accountId: string, userId: string): Promise<UserRecord | undefined> {
  const [row] = await ex
    .select(userColumns)
    .from(memberships)
    .innerJoin(identities, eq(identities.id, memberships.userId))
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)))
    .limit(1);
  return row;
}

export async function findUserIdByEmail(ex: Executor, accountId: string, email: string): Promise<string | undefined> {
  const [row] = await ex
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userEmail, email)))
    .limit(1);
  return row?.userId;
}

export interface UserFilter {
  /** lower-cased */
  email: string | null;
  /** a LIKE pattern over lower-cased name and email, already escaped */
  namePattern: string | null;
  teamIds: string[];
}

export interface UserPageQuery extends UserFilter {
  sortBy: SortKey;
  sortOrder: SortOrder;
  limit: number;
  offset: number;
}

const SORT_COLUMNS: Record<SortKey, AnyPgColumn> = {
  user_name: memberships.nameKey,
  created_at: memberships.createdAt,
  last_login: memberships.lastLogin,
  user_email: memberships.userEmail,
  invited_by: memberships.invitedBy,
  is_admin: memberships.isAdmin,
  source: memberships.source,
};

function filterCondition(accountId: string, filter: UserFilter): SQL {
  const conditions: SQL[] = [eq(memberships.accountId, accountId)];
  if (filter.email !== null) conditions.push(eq(memberships.userEmail, filter.email));
  if (filter.namePattern !== null) {
    conditions.push(
      sql`(${memberships.nameKey} like ${filter.namePattern} or ${memberships.userEmail} like ${filter.namePattern})`,
    );
  }
  if (filter.teamIds.length > 0) {
    conditions.push(sql`exists (select 1 from ${teamMembers} t
      where t.account_id = ${memberships.accountId} and t.user_id = ${memberships.userId}
        and t.team_id in (${sql.join(
          filter.teamIds.map((id) => sql`${id}`),
          sql`, `,
        )}))`);
  }
  return and(...conditions) ?? sql`true`;
}

const NULLABLE_SORT_KEYS: ReadonlySet<SortKey> = new Set(['last_login', 'invited_by']);

/**
 * Nulls last in both directions, ties broken by user id, so paging never repeats or skips a row.
 * `nulls last` is spelled out only for nullable keys: on a NOT NULL column it would stop
 * PostgreSQL from reading the ascending index backwards for a descending sort.
 */
function orderBy(sortBy: SortKey, sortOrder: SortOrder): SQL[] {
  const column = SORT_COLUMNS[sortBy];
  const nulls = NULLABLE_SORT_KEYS.has(sortBy) ? sql` nulls last` : sql``;
  return sortOrder === 'asc'
    ? [sql`${column} asc${nulls}`, asc(memberships.userId)]
    : [sql`${column} desc${nulls}`, desc(memberships.userId)];
}

/**
 * Finds the page of ids first and joins the rest for those rows only: joining before the
 * limit would build every row of the account to keep twenty.
 */
export async function findUserPage(ex: Executor, accountId: string, query: UserPageQuery): Promise<UserRecord[]> {
  const page = ex
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(filterCondition(accountId, query))
    .orderBy(...orderBy(query.sortBy, query.sortOrder))
    .limit(query.limit)
    .offset(query.offset)
    .as('page');
  return ex
    .select(userColumns)
    .from(page)
    .innerJoin(memberships, and(eq(memberships.accountId, accountId), eq(memberships.userId, page.userId)))
    .innerJoin(identities, eq(identities.id, memberships.userId))
    .orderBy(...orderBy(query.sortBy, query.sortOrder));
}

export async function countUsers(ex: Executor, accountId: string, filter: UserFilter): Promise<number> {
  const [row] = await ex.select({ total: count() }).from(memberships).where(filterCondition(accountId, filter));
  return row?.total ?? 0;
}

/** Users in any of the teams: team_members only holds members of the account, so no join is needed. */
export async function countTeamMembers(ex: Executor, accountId: string, teamIds: string[]): Promise<number> {
  const [row] = await ex
    .select({ total: countDistinct(teamMembers.userId) })
    .from(teamMembers)
    .where(and(eq(teamMembers.accountId, accountId), inArray(teamMembers.teamId, teamIds)));
  return row?.total ?? 0;
}

export interface UserStats {
  members: number;
  /** bumped by every change to the account's memberships or team memberships */
  version: number;
}

export async function findUserStats(ex: Executor, accountId: string): Promise<UserStats> {
  const [row] = await ex
    .select({ members: accountUserStats.members, version: accountUserStats.version })
    .from(accountUserStats)
    .where(eq(accountUserStats.accountId, accountId));
  return row ?? { members: 0, version: 0 };
}

/** A cached total, only if it was counted at the account's current version. */
export async function findCachedCount(ex: Executor, accountId: string, filterKey: string): Promise<number | undefined> {
  const [row] = await ex
    .select({ total: userCountCache.total })
    .from(userCountCache)
    .innerJoin(
      accountUserStats,
      and(
        eq(accountUserStats.accountId, userCountCache.accountId),
        eq(accountUserStats.version, userCountCache.version),
      ),
    )
    .where(and(eq(userCountCache.accountId, accountId), eq(userCountCache.filterKey, filterKey)));
  return row?.total;
}

/** Keeps the newest count per filter and drops the account's entries that no longer apply. */
export async function saveCachedCount(
  ex: Executor,
  accountId: string,
  filterKey: string,
  version: number,
  total: number,
): Promise<void> {
  await ex
    .insert(userCountCache)
    .values({ accountId, filterKey, version, total })
    .onConflictDoUpdate({
      target: [userCountCache.accountId, userCountCache.filterKey],
      set: { version, total },
      setWhere: lt(userCountCache.version, version),
    });
  await ex
    .delete(userCountCache)
    .where(and(eq(userCountCache.accountId, accountId), lt(userCountCache.version, version)));
}

export async function insertMembership(ex: Executor, membership: MembershipInsert): Promise<void> {
  try {
    await ex.insert(memberships).values(membership);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('User already exists in this account');
    throw error;
  }
}

export type MembershipChanges = Partial<
  Pick<
    MembershipRow,
    | 'userName'
    | 'nameKey'
    | 'isAdmin'
    | 'isActive'
    | 'status'
    | 'source'
    | 'allowLoginPassword'
    | 'allowLoginGoogle'
    | 'allowLoginSso'
    | 'updatedAt'
  >
>;

export async function updateMembership(
  ex: Executor,
  accountId: string,
  userId: string,
  changes: MembershipChanges,
): Promise<void> {
  await ex
    .update(memberships)
    .set(changes)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)));
}

export async function touchMemberships(ex: Executor, accountId: string, userIds: string[], now: string): Promise<void> {
  if (userIds.length === 0) return;
  await ex
    .update(memberships)
    .set({ updatedAt: now })
    .where(and(eq(memberships.accountId, accountId), inArray(memberships.userId, userIds)));
}

export async function deleteMembership(ex: Executor, accountId: string, userId: string): Promise<void> {
  await ex.delete(memberships).where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)));
}

/** Replaces the whole environment → role map of a membership. */
export async function replaceMembershipRoles(
  ex: Executor,
  accountId: string,
  userId: string,
  roles: Record<string, string>,
): Promise<void> {
  await ex
    .delete(membershipRoles)
    .where(and(eq(membershipRoles.accountId, accountId), eq(membershipRoles.userId, userId)));
  const rows = Object.entries(roles).map(([environmentId, roleKey]) => ({ accountId, userId, environmentId, roleKey }));
  if (rows.length > 0) await ex.insert(membershipRoles).values(rows);
}

/**
 * Locks the account's active admins. Every change that could remove the last one takes this
 * lock first, so two concurrent demotions cannot both see "another admin is left".
 */
export async function lockActiveAdmins(ex: Executor, accountId: string): Promise<string[]> {
  const rows = await ex
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.isAdmin, true), eq(memberships.isActive, true)))
    .orderBy(asc(memberships.userId))
    .for('update');
  return rows.map((row) => row.userId);
}

/**
 * Locks the memberships among `userIds` that exist, in id order. Changes lock membership rows
 * before the account's counters (which triggers update), so two changes never wait on each other.
 */
export async function lockExistingUserIds(ex: Executor, accountId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await ex
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), inArray(memberships.userId, userIds)))
    .orderBy(asc(memberships.userId))
    .for('update');
  return new Set(rows.map((row) => row.userId));
}
