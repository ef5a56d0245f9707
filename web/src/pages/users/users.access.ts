import type { Answer } from '../../api/types';

/** A user's role in each environment as the grid edits it: environment id → role key, '' for none. */
export type RoleGrid = Record<string, string>;

/** The grid's value for an environment the user may not enter. */
export const NO_ACCESS = '';

type Environments = Answer<'get_user'>['environments'];
type Permissions = Answer<'get_user_permissions'>;

/** The grid for a user's `environments`: one entry per environment of the account, in its order. */
export function gridFromEnvironments(environments: Environments, environmentIds: readonly string[]): RoleGrid {
  return Object.fromEntries(environmentIds.map((id) => [id, environments[id]?.role ?? NO_ACCESS]));
}

/** The API's `environments` map for a grid: environments with no access are left out. */
export function environmentsFromGrid(grid: RoleGrid): Record<string, { role: string }> {
  return Object.fromEntries(
    Object.entries(grid)
      .filter(([, role]) => role !== NO_ACCESS)
      .map(([id, role]) => [id, { role }]),
  );
}

export interface EnvironmentAccess {
  environmentId: string;
  name: string;
  /** every role in effect there, by name; empty when the user cannot enter it */
  roles: string[];
  privileges: string[];
}

/**
 * What the permissions view lists: every environment of the account, in its order, with the
 * roles and privileges the user holds there; environments the API does not know of yet (just
 * created elsewhere) come last under their id.
 */
export function environmentAccess(
  permissions: Permissions,
  environmentNames: ReadonlyMap<string, string>,
  roleNames: ReadonlyMap<string, string>,
): EnvironmentAccess[] {
  const ids = [...environmentNames.keys()];
  for (const id of Object.keys(permissions.environments)) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => {
    const held = permissions.environments[id];
    return {
      environmentId: id,
      name: environmentNames.get(id) ?? id,
      roles: (held?.roles ?? []).map((key) => roleNames.get(key) ?? key),
      privileges: [...(held?.privileges ?? [])].sort(),
    };
  });
}
