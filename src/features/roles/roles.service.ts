import type { Executor } from '../../db/client.js';
import { findBuiltInRole } from './roles.catalog.js';
import { findCustomRoles } from './roles.store.js';

export interface ResolvedRole {
  key: string;
  privileges: readonly string[];
}

/** The roles of `keys` that exist in the account (built-in or custom), by key. */
export async function resolveRoles(
  ex: Executor,
  accountId: string,
  keys: Iterable<string>,
): Promise<Map<string, ResolvedRole>> {
  const found = new Map<string, ResolvedRole>();
  const customKeys: string[] = [];
  for (const key of new Set(keys)) {
    const builtIn = findBuiltInRole(key);
    if (builtIn) found.set(key, builtIn);
    else customKeys.push(key);
  }
  for (const role of await findCustomRoles(ex, accountId, customKeys)) {
    found.set(role.key, { key: role.key, privileges: role.privileges });
  }
  return found;
}
