import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accountSecuritySettings } from '../../db/schema/index.js';

export type SecuritySettingsRow = typeof accountSecuritySettings.$inferSelect;

export async function findSecuritySettings(ex: Executor, accountId: string): Promise<SecuritySettingsRow | undefined> {
  const [row] = await ex
    .select()
    .from(accountSecuritySettings)
    .where(eq(accountSecuritySettings.accountId, accountId))
    .limit(1);
  return row;
}

/** The account's row, locked until the transaction ends; `undefined` while the account has none. */
export async function lockSecuritySettings(ex: Executor, accountId: string): Promise<SecuritySettingsRow | undefined> {
  const [row] = await ex
    .select()
    .from(accountSecuritySettings)
    .where(eq(accountSecuritySettings.accountId, accountId))
    .for('update');
  return row;
}

/** Creates the account's row; `false` when another transaction created it first. */
export async function insertSecuritySettings(ex: Executor, row: SecuritySettingsRow): Promise<boolean> {
  const inserted = await ex
    .insert(accountSecuritySettings)
    .values(row)
    .onConflictDoNothing({ target: accountSecuritySettings.accountId })
    .returning({ accountId: accountSecuritySettings.accountId });
  return inserted.length > 0;
}

export async function updateSecuritySettings(
  ex: Executor,
  accountId: string,
  changes: Partial<Omit<SecuritySettingsRow, 'accountId'>>,
): Promise<void> {
  await ex.update(accountSecuritySettings).set(changes).where(eq(accountSecuritySettings.accountId, accountId));
}
