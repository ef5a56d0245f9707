import { and, asc, count, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { identities, membershipRoles, memberships, teamMembers } from '../../db/schema/index.js';
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

/** Nulls last in both directions, ties broken by user id, so paging never repeats or skips a row. */
function orderBy(sortBy: SortKey, sortOrder: SortOrder): SQL[] {
  const column = SORT_COLUMNS[sortBy];
  return sortOrder === 'asc'
    ? [sql`${column} asc nulls last`, asc(memberships.userId)]
    : [sql`${column} desc nulls last`, desc(memberships.userId)];
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

export async function findExistingUserIds(ex: Executor, accountId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await ex
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), inArray(memberships.userId, userIds)));
  return new Set(rows.map((row) => row.userId));
}
