import { eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, setupTokens } from '../../db/schema/index.js';

// setup_tokens and accounts are global tables: setup happens before any account exists.

export type SetupTokenRow = typeof setupTokens.$inferSelect;

export async function insertSetupToken(ex: Executor, row: typeof setupTokens.$inferInsert): Promise<void> {
  await ex.insert(setupTokens).values(row);
}

export async function findSetupToken(ex: Executor, tokenHash: string): Promise<SetupTokenRow | undefined> {
  const [row] = await ex.select().from(setupTokens).where(eq(setupTokens.tokenHash, tokenHash));
  return row;
}

/**
 * Serializes setups until the transaction ends: two links used at once (two processes logged
 * one each) must not both find the store empty and create two first accounts.
 */
export async function lockSetup(ex: Executor): Promise<void> {
  await ex.execute(sql`LOCK TABLE setup_tokens IN SHARE ROW EXCLUSIVE MODE`);
}

export async function anyAccountExists(ex: Executor): Promise<boolean> {
  const [row] = await ex.select({ id: accounts.id }).from(accounts).limit(1);
  return row !== undefined;
}

/** Every link still open stops working: setup happens once. */
export async function useUpSetupTokens(ex: Executor, now: string): Promise<void> {
  await ex.update(setupTokens).set({ usedAt: now }).where(isNull(setupTokens.usedAt));
}
