import type { Answer } from '../../api/types';

type Permissions = Answer<'get_user_permissions'>;

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
