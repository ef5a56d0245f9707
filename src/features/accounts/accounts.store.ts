import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts } from '../../db/schema/index.js';

export type AccountRow = typeof accounts.$inferSelect;

// Global table: accounts are the tenants themselves.

export async function insertAccount(ex: Executor, account: typeof accounts.$inferInsert): Promise<void> {
  await ex.insert(accounts).values(account);
}

export async function findAccount(ex: Executor, id: string): Promise<AccountRow | undefined> {
  const [row] = await ex.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return row;
}
