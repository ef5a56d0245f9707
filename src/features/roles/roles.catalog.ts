/**
 * The privilege catalog and the built-in roles. They are code, not data: every account sees
 * the same ones, and an upgrade of Steward changes them everywhere at once.
 */

export type Feature = 'advanced_environment_access' | 'data_collection' | 'rss_feeds' | 'api_metrics';
export const FEATURES: readonly Feature[] = [
  'advanced_environment_access',
  'data_collection',
  'rss_feeds',
  'api_metrics',
];

export interface Privilege {
  key: string;
  description: string;
  /** `account`: held account-wide; `environment`: held per environment through a role. */
  level: 'account' | 'environment';
  feature: Feature | null;
  /**
   * Held by account admins only; no custom role may carry it. These are the privileges that
   * give power (admin rights, roles, team roles), so a holder could otherwise raise themselves.
   */
  adminOnly: boolean;
}

const accountWide = (key: string, description: string, adminOnly = false): Privilege => ({
  key,
  description,
  level: 'account',
  feature: null,
  adminOnly,
});
const perEnvironment = (key: string, description: string, feature: Feature | null = null): Privilege => ({
  key,
  description,
  level: 'environment',
  feature,
  adminOnly: false,
});

export const PRIVILEGES: readonly Privilege[] = [
  accountWide('users:view', 'See the account’s users, their roles and teams'),
  accountWide('users:manage', 'Invite, edit, deactivate and remove users; change team membership', true),
  accountWide('teams:manage', 'Create, edit and delete teams', true),
  accountWide('roles:manage', 'Create, edit and delete custom roles', true),
  accountWide('environments:manage', 'Create, rename and delete environments'),
  accountWide('tokens:manage', 'See and revoke every API token of the account'),
  accountWide('settings:manage', 'Change the account’s security settings'),
  accountWide('audit:view', 'Read the account’s audit log'),
  perEnvironment('rivers:view', 'See rivers and their configuration'),
  perEnvironment('rivers:edit', 'Create, edit and delete rivers'),
  perEnvironment('rivers:run', 'Run rivers on demand and schedule them'),
  perEnvironment('connections:view', 'See connections (never their secrets)'),
  perEnvironment('connections:edit', 'Create, edit and delete connections'),
  perEnvironment('activities:view', 'See run activity and logs'),
  perEnvironment('variables:view', 'See environment variables'),
  perEnvironment('variables:edit', 'Create, edit and delete environment variables'),
  perEnvironment('deployments:view', 'See deployment packages and history'),
  perEnvironment('deployments:manage', 'Create and run deployments between environments'),
  perEnvironment('environment:settings', 'Change the environment’s settings'),
  perEnvironment('environment:access_view', 'See who may enter the environment', 'advanced_environment_access'),
  perEnvironment('environment:access_manage', 'Decide who may enter the environment', 'advanced_environment_access'),
];

/** Every privilege an account admin holds: all of them, account-wide and in every environment. */
export const ACCOUNT_PRIVILEGES = PRIVILEGES.filter((p) => p.level === 'account').map((p) => p.key);

export interface BuiltInRole {
  key: string;
  name: string;
  description: string;
  privileges: readonly string[];
}

const ENVIRONMENT_PRIVILEGES = PRIVILEGES.filter((p) => p.level === 'environment' && p.feature === null).map(
  (p) => p.key,
);

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    key: 'admin',
    name: 'Admin',
    description: 'Everything in the environment',
    privileges: ENVIRONMENT_PRIVILEGES,
  },
  {
    key: 'deployment_manager',
    name: 'Deployment manager',
    description: 'Moves work between environments; reads everything else',
    privileges: [
      'rivers:view',
      'connections:view',
      'activities:view',
      'variables:view',
      'deployments:view',
      'deployments:manage',
    ],
  },
  {
    key: 'developer',
    name: 'Developer',
    description: 'Builds and runs rivers and connections',
    privileges: [
      'rivers:view',
      'rivers:edit',
      'rivers:run',
      'connections:view',
      'connections:edit',
      'activities:view',
      'variables:view',
      'variables:edit',
      'deployments:view',
    ],
  },
  {
    key: 'member',
    name: 'Member',
    description: 'Runs existing rivers and follows their activity',
    privileges: ['rivers:view', 'rivers:run', 'connections:view', 'activities:view', 'variables:view'],
  },
  {
    key: 'viewer',
    name: 'Viewer',
    description: 'Reads everything, changes nothing',
    privileges: ['rivers:view', 'connections:view', 'activities:view', 'variables:view', 'deployments:view'],
  },
  {
    key: 'connection_viewer',
    name: 'Connection viewer',
    description: 'Sees connections only',
    privileges: ['connections:view'],
  },
];

const BUILT_IN_BY_KEY = new Map(BUILT_IN_ROLES.map((role) => [role.key, role]));

export function findBuiltInRole(key: string): BuiltInRole | undefined {
  return BUILT_IN_BY_KEY.get(key);
}
