import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { roles } from '../../db/schema/index.js';

export type CustomRoleRow = typeof roles.$inferSelect;

export async function findCustomRoles(ex: Executor, accountId: string, keys: string[]): Promise<CustomRoleRow[]> {
  if (keys.length === 0) return [];
  return ex
    .select()
    .from(roles)
    .where(and(eq(roles.accountId, accountId), inArray(roles.key, keys)));
}

export async function insertCustomRole(ex: Executor, role: typeof roles.$inferInsert): Promise<void> {
  await ex.insert(roles).values(role);
}
