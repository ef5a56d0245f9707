import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { environments } from '../../db/schema/index.js';

export type EnvironmentRow = typeof environments.$inferSelect;

export async function insertEnvironments(ex: Executor, rows: (typeof environments.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await ex.insert(environments).values(rows);
}

export async function findEnvironments(ex: Executor, accountId: string): Promise<EnvironmentRow[]> {
  return ex
    .select()
    .from(environments)
    .where(eq(environments.accountId, accountId))
    .orderBy(asc(environments.createdAt), asc(environments.id));
}

export async function findEnvironment(
  ex: Executor,
  accountId: string,
  id: string,
): Promise<EnvironmentRow | undefined> {
  const [row] = await ex
    .select()
    .from(environments)
    .where(and(eq(environments.accountId, accountId), eq(environments.id, id)))
    .limit(1);
  return row;
}
