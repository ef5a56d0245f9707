import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, environments, memberships } from '../../db/schema/index.js';

export type AccountRow = typeof accounts.$inferSelect;

// Global table: accounts are the tenants themselves.

export async function insertAccount(ex: Executor, account: typeof accounts.$inferInsert): Promise<void> {
  await ex.insert(accounts).values(account);
}

export async function findAccount(ex: Executor, id: string): Promise<AccountRow | undefined> {
  const [row] = await ex.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return row;
}

/** The account's row, locked until the transaction ends: changes to it serialize. */
export async function lockAccount(ex: Executor, id: string): Promise<AccountRow | undefined> {
  const [row] = await ex.select().from(accounts).where(eq(accounts.id, id)).for('update');
  return row;
}

export type AccountChanges = Partial<Pick<AccountRow, 'name' | 'features' | 'updatedAt'>>;

export async function updateAccount(ex: Executor, id: string, changes: AccountChanges): Promise<AccountRow> {
  const [row] = await ex.update(accounts).set(changes).where(eq(accounts.id, id)).returning();
  if (!row) throw new Error(`Account ${id} vanished while locked`);
  return row;
}

export interface AccountPageRequest {
  page: number;
  pageSize: number;
  /** only the accounts where this identity is an active member; `null`: every account */
  memberId: string | null;
}

export interface AccountPage {
  rows: AccountRow[];
  totalItems: number;
}

/**
 * A page of accounts by name, then id. Names compare under "C" so PGlite and every server
 * order them alike. A member's accounts come through the identity index of memberships, the
 * one cross-account lookup of that table.
 */
export async function findAccountPage(ex: Executor, request: AccountPageRequest): Promise<AccountPage> {
  const membership: SQL | undefined =
    request.memberId === null
      ? undefined
      : inArray(
          accounts.id,
          ex
            .select({ accountId: memberships.accountId })
            .from(memberships)
            .where(and(eq(memberships.userId, request.memberId), eq(memberships.isActive, true))),
        );
  const [rows, [total]] = await Promise.all([
    ex
      .select()
      .from(accounts)
      .where(membership)
      .orderBy(sql`${accounts.name} collate "C"`, asc(accounts.id))
      .limit(request.pageSize)
      .offset((request.page - 1) * request.pageSize),
    ex.select({ value: count() }).from(accounts).where(membership),
  ]);
  return { rows, totalItems: total?.value ?? 0 };
}

export interface EnvironmentSummary {
  accountId: string;
  id: string;
  name: string;
}

/** The environments of the given accounts, by name within each account (names are unique there). */
export async function findEnvironmentSummaries(ex: Executor, accountIds: string[]): Promise<EnvironmentSummary[]> {
  if (accountIds.length === 0) return [];
  return ex
    .select({ accountId: environments.accountId, id: environments.id, name: environments.name })
    .from(environments)
    .where(inArray(environments.accountId, accountIds))
    .orderBy(asc(environments.accountId), asc(environments.nameKey));
}
