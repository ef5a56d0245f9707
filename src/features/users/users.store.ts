import { and, asc, count, desc, eq, getTableColumns, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import {
  accounts,
  accountUserStats,
  environments,
  identities,
  membershipRoles,
  memberships,
  roles,
  teamMembers,
  teamRoles,
  userCountCache,
} from '../../db/schema/index.js';
import { conflict } from '../../core/errors.js';
import type { SortKey, SortOrder } from './users.rules.js';

export type MembershipRow = typeof memberships.$inferSelect;
export type MembershipInsert = typeof memberships.$inferInsert;

/** A membership with what the Users API shows beside it. */
export interface UserRecord extends Omit<MembershipRow, 'roleMap' | 'teamIds'> {
  isSuperAdmin: boolean;
  /** environment id → role key */
  environments: Record<string, string>;
  /** team ids, sorted */
  groups: string[];
}

const { roleMap, teamIds, ...membershipColumns } = getTableColumns(memberships);
const userColumns = {
  ...membershipColumns,
  isSuperAdmin: identities.isSuperAdmin,
  environments: roleMap,
  groups: teamIds,
};

/** Outside a transaction the lookup is a prepared statement; inside one it is planned afresh. */
export async function findUser(ex: Executor, accountId: string, userId: string): Promise<UserRecord | undefined> {
  const statement = preparedFor(ex, 'user', () =>
    ex
      .select(userColumns)
      .from(memberships)
      .innerJoin(identities, eq(identities.id, memberships.userId))
      .where(
        and(eq(memberships.accountId, sql.placeholder('account')), eq(memberships.userId, sql.placeholder('user'))),
      )
      .limit(1)
      .prepare('users_one'),
  );
  const [row] = await statement.execute({ account: accountId, user: userId });
  return row;
}

/** Everything a user's effective permissions are computed from. */
export interface PermissionFacts {
  isAdmin: boolean;
  isActive: boolean;
  /** `invited` until the invitation is accepted */
  status: 'invited' | 'active';
  /** the sign-in methods the account lets this user in with */
  allowLogin: { password: boolean; google: boolean; sso: boolean };
  /** environment id → the user's own role */
  ownRoles: Record<string, string>;
  /** the account's environments, oldest first */
  environmentIds: string[];
  /** the roles the user's teams give, per environment */
  teamRoles: { environmentId: string; roleKey: string }[];
  /** privileges of the account's custom roles that the user holds, directly or through a team */
  customRoles: Record<string, string[]>;
  /** the account's features */
  features: string[];
}

/** One round trip: the membership, the account's environments, team grants and custom roles. */
export async function findPermissionFacts(
  ex: Executor,
  accountId: string,
  userId: string,
): Promise<PermissionFacts | undefined> {
  // Spelled out with the table name: in a one-table select Drizzle leaves columns unqualified,
  // and inside these subqueries an unqualified account_id would mean the subquery's own.
  const member = { accountId: sql.raw('memberships.account_id'), userId: sql.raw('memberships.user_id') };
  const teamGrants = sql`from ${teamMembers} tm
    join ${teamRoles} tr on tr.account_id = tm.account_id and tr.team_id = tm.team_id
    where tm.account_id = ${member.accountId} and tm.user_id = ${member.userId}`;
  const statement = preparedFor(ex, 'permissions', () =>
    ex
      .select({
        isAdmin: memberships.isAdmin,
        isActive: memberships.isActive,
        status: memberships.status,
        allowLogin: sql<PermissionFacts['allowLogin']>`json_build_object('password', memberships.allow_login_password,
          'google', memberships.allow_login_google, 'sso', memberships.allow_login_sso)`,
        ownRoles: roleMap,
        environmentIds: sql<string[]>`coalesce((select json_agg(e.id order by e.created_at, e.id)
          from ${environments} e where e.account_id = ${member.accountId}), '[]')`,
        teamRoles: sql<PermissionFacts['teamRoles']>`coalesce((select json_agg(json_build_object(
          'environmentId', tr.environment_id, 'roleKey', tr.role_key)) ${teamGrants}), '[]')`,
        customRoles: sql<Record<string, string[]>>`coalesce((select json_object_agg(r.key, r.privileges)
          from ${roles} r where r.account_id = ${member.accountId} and r.key in (
            select own.role_key from jsonb_each_text(memberships.role_map) as own(environment_id, role_key)
            union select tr.role_key ${teamGrants})), '{}')`,
        features: sql<string[]>`(select a.features from ${accounts} a where a.id = ${member.accountId})`,
      })
      .from(memberships)
      .where(
        and(eq(memberships.accountId, sql.placeholder('account')), eq(memberships.userId, sql.placeholder('user'))),
      )
      .prepare('users_permissions'),
  );
  const [row] = await statement.execute({ account: accountId, user: userId });
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

/**
 * Query values, either inlined as parameters or, for a prepared statement, as named
 * placeholders whose values are collected for its execution.
 */
class Params {
  readonly values: Record<string, unknown> = {};

  constructor(private readonly prepared: boolean) {}

  bind(name: string, value: unknown): SQL {
    if (!this.prepared) return sql`${value}`;
    this.values[name] = value;
    return sql`${sql.placeholder(name)}`;
  }
}

function filterCondition(p: Params, accountId: string, filter: UserFilter): SQL {
  const conditions: SQL[] = [sql`${memberships.accountId} = ${p.bind('account', accountId)}`];
  if (filter.email !== null) conditions.push(sql`${memberships.userEmail} = ${p.bind('email', filter.email)}`);
  if (filter.namePattern !== null) {
    const pattern = p.bind('name', filter.namePattern);
    conditions.push(sql`(${memberships.nameKey} like ${pattern} or ${memberships.userEmail} like ${pattern})`);
  }
  if (filter.teamIds.length > 0) {
    conditions.push(sql`exists (select 1 from ${teamMembers} t
      where t.account_id = ${memberships.accountId} and t.user_id = ${memberships.userId}
        and t.team_id in (${teamList(p, filter.teamIds)}))`);
  }
  return and(...conditions) ?? sql`true`;
}

function teamList(p: Params, teamIds: string[]): SQL {
  return sql.join(
    teamIds.map((id, index) => p.bind(`team${String(index)}`, id)),
    sql`, `,
  );
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

/** Where the exact total of a list comes from; see `totalUsers` in the service. */
export type TotalSource =
  | { kind: 'members' }
  | { kind: 'teams'; teamIds: string[] }
  | { kind: 'count' }
  | { kind: 'cached'; filterKey: string };

/** The total as one scalar subquery, so it travels with the page in the same round trip. */
function totalExpression(p: Params, accountId: string, filter: UserFilter, source: TotalSource): SQL<number | null> {
  switch (source.kind) {
    case 'members':
      return sql`cast((select sum(s.members) from ${accountUserStats} s where s.account_id = ${p.bind('account', accountId)}) as integer)`;
    case 'teams':
      return sql`cast((select count(distinct t.user_id) from ${teamMembers} t
        where t.account_id = ${p.bind('account', accountId)} and t.team_id in (${teamList(p, source.teamIds)})) as integer)`;
    case 'count':
      return sql`cast((select count(*) from ${memberships} where ${filterCondition(p, accountId, filter)}) as integer)`;
    case 'cached':
      return sql`cast((select c.total from ${userCountCache} c
        where c.account_id = ${p.bind('account', accountId)} and c.filter_key = ${p.bind('filterKey', source.filterKey)}
          and c.version = (select sum(s.version) from ${accountUserStats} s where s.account_id = c.account_id)) as integer)`;
  }
}

export interface UserPage {
  items: UserRecord[];
  /** `null` when the page is empty or a cached total is missing or stale */
  total: number | null;
}

/**
 * Finds the page of ids first and joins the rest for those rows only: joining before the
 * limit would build every row of the account to keep twenty. The total comes in the same
 * query, so a list request is one round trip.
 */
export async function findUserPage(
  ex: Executor,
  accountId: string,
  query: UserPageQuery,
  totalSource: TotalSource,
): Promise<UserPage> {
  const shape = [
    query.sortBy,
    query.sortOrder,
    query.email === null ? '' : 'e',
    query.namePattern === null ? '' : 'n',
    query.teamIds.length,
    totalSource.kind,
  ].join(':');
  const p = new Params(true);
  const where = filterCondition(p, accountId, query);
  const total = totalExpression(p, accountId, query, totalSource);
  const accountMatches = sql`${memberships.accountId} = ${p.bind('account', accountId)}`;
  const prepared = preparedFor(ex, shape, () => {
    const page = ex
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(where)
      .orderBy(...orderBy(query.sortBy, query.sortOrder))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .as('page');
    return ex
      .select({ ...userColumns, total })
      .from(page)
      .innerJoin(memberships, and(accountMatches, eq(memberships.userId, page.userId)))
      .innerJoin(identities, eq(identities.id, memberships.userId))
      .orderBy(...orderBy(query.sortBy, query.sortOrder))
      .prepare(`users_page_${shape.replaceAll(':', '_')}`);
  });
  const rows = await prepared.execute({ ...p.values, limit: query.limit, offset: query.offset });
  return { items: rows, total: rows[0]?.total ?? null };
}

/** The account's users version: it changes with every change to what the Users API shows. */
export async function findUsersVersion(ex: Executor, accountId: string): Promise<number> {
  const statement = preparedFor(ex, 'version', () =>
    ex
      .select({ version: sql<number>`cast(coalesce(sum(${accountUserStats.version}), 0) as bigint)`.mapWith(Number) })
      .from(accountUserStats)
      .where(eq(accountUserStats.accountId, sql.placeholder('account')))
      .prepare('users_version'),
  );
  const [row] = await statement.execute({ account: accountId });
  return row?.version ?? 0;
}

/**
 * Statements are prepared once per database handle and query shape: PostgreSQL then plans a
 * list query once per connection instead of on every request.
 */
const preparedStatements = new WeakMap<Executor, Map<string, unknown>>();

function preparedFor<T>(ex: Executor, shape: string, prepare: () => T): T {
  let byShape = preparedStatements.get(ex);
  if (byShape === undefined) {
    byShape = new Map();
    preparedStatements.set(ex, byShape);
  }
  // The shape determines the statement, so what is stored under it has the type `prepare` returns.
  let statement = byShape.get(shape) as T | undefined;
  if (statement === undefined) {
    statement = prepare();
    byShape.set(shape, statement);
  }
  return statement;
}

/** The total alone, for pages past the end (which carry no row to bring it along). */
export async function findUserTotal(
  ex: Executor,
  accountId: string,
  filter: UserFilter,
  totalSource: TotalSource,
): Promise<number | null> {
  const [row] = await ex
    .select({ total: totalExpression(new Params(false), accountId, filter, totalSource) })
    .from(sql`(values (1)) as one`);
  return row?.total ?? null;
}

export async function countUsers(ex: Executor, accountId: string, filter: UserFilter): Promise<number> {
  const [row] = await ex
    .select({ total: count() })
    .from(memberships)
    .where(filterCondition(new Params(false), accountId, filter));
  return row?.total ?? 0;
}

export interface UserStats {
  members: number;
  /** bumped by every change to the account's memberships or team memberships */
  version: number;
}

export async function findUserStats(ex: Executor, accountId: string): Promise<UserStats> {
  const [row] = await ex
    .select({
      members: sql<number>`cast(coalesce(sum(${accountUserStats.members}), 0) as bigint)`.mapWith(Number),
      version: sql<number>`cast(coalesce(sum(${accountUserStats.version}), 0) as bigint)`.mapWith(Number),
    })
    .from(accountUserStats)
    .where(eq(accountUserStats.accountId, accountId));
  return row ?? { members: 0, version: 0 };
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
  await insertMembershipRoles(ex, accountId, userId, roles);
}

/** The roles of a membership that has none yet. */
export async function insertMembershipRoles(
  ex: Executor,
  accountId: string,
  userId: string,
  roles: Record<string, string>,
): Promise<void> {
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
