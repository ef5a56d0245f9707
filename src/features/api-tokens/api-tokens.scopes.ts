/**
 * What an API token may be granted. A scope names what it needs of the token's owner at the
 * time of the call: a privilege, or (for operators' scopes) being a super admin, or nothing
 * beyond being an active member. A token never does more than its owner may do right then.
 */
export interface Scope {
  key: string;
  description: string;
  /** The owner's account privilege the scope needs; `null`: any active member. */
  privilege: string | null;
  /** Only super admins' tokens may use it. */
  operator: boolean;
}

const scope = (key: string, description: string, privilege: string | null, operator = false) =>
  ({ key, description, privilege, operator }) as const;

export const SCOPES = [
  scope('user:list', 'List and read users and their permissions', 'users:view'),
  scope('user:edit', 'Invite, change, deactivate and remove users', 'users:manage'),
  scope('account:read', 'Read the account, its environments, roles and features, and the catalogs', null),
  scope('account:manage', 'Create and rename accounts and switch their features (super admins)', null, true),
  scope('environment:edit', 'Create, rename and delete environments', 'environments:manage'),
  scope('role:edit', 'Create, change and delete custom roles', 'roles:manage'),
  scope('team:list', 'List teams and their members', 'users:view'),
  scope('team:edit', 'Create, change and delete teams', 'teams:manage'),
  scope('token:list', 'List API tokens: the owner’s own, or every token for holders of tokens:manage', null),
  scope('token:edit', 'Create and revoke API tokens (others’ too with tokens:manage)', null),
  scope('settings:read', 'Read the account’s security settings', 'settings:manage'),
  scope('settings:edit', 'Change the account’s security settings', 'settings:manage'),
  // Admins only: an event mails its text to the account's members, from Steward's own address.
  scope('events:write', 'Publish platform events that mail the account’s alert subscribers', 'users:manage'),
] as const satisfies readonly Scope[];

export type ScopeKey = (typeof SCOPES)[number]['key'];

const SCOPE_BY_KEY = new Map<string, Scope>(SCOPES.map((s) => [s.key, s]));

export function findScope(key: string): Scope | undefined {
  return SCOPE_BY_KEY.get(key);
}

export const ALL_SCOPE_KEYS: string[] = SCOPES.map((s) => s.key);
