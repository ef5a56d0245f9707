/**
 * What an API token may be granted. A scope names the privilege it needs from the token's
 * owner, so a token never does more than its owner may do at the time of the call.
 */
export interface Scope {
  key: string;
  description: string;
  privilege: string;
}

export const SCOPES: readonly Scope[] = [
  { key: 'user:list', description: 'List and read users and their permissions', privilege: 'users:view' },
  { key: 'user:edit', description: 'Invite, change, deactivate and remove users', privilege: 'users:manage' },
];

export type ScopeKey = 'user:list' | 'user:edit';

const SCOPE_BY_KEY = new Map(SCOPES.map((scope) => [scope.key, scope]));

export function findScope(key: string): Scope | undefined {
  return SCOPE_BY_KEY.get(key);
}

export const ALL_SCOPE_KEYS = SCOPES.map((scope) => scope.key);
