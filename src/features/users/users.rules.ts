import { ACCOUNT_PRIVILEGES, BUILT_IN_ROLES, PRIVILEGES } from '../roles/roles.catalog.js';

export const SORT_KEYS = [
  'user_name',
  'created_at',
  'last_login',
  'user_email',
  'invited_by',
  'is_admin',
  'source',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

export const USER_SOURCES = ['rivery', 'active_directory'] as const;
export type UserSource = (typeof USER_SOURCES)[number];

/** Hours an invitation link stays valid. */
export const INVITATION_TTL_HOURS = 72;

/** The onboarding object of a new user: the reference's six steps, nothing done yet. */
export function defaultOnboarding(): Record<string, unknown> {
  const notDone = { status: false, update_time: null };
  return {
    know_rivery_step: {
      onboarding_river_types: { ...notDone },
      onboarding_rivery_introduction: { ...notDone },
    },
    data_connections_step: { onboarding_add_connection: false },
    data_pipeline_step: { onboarding_create_s2t: false, onboarding_view_activities: false },
    transform_and_orchestrate_step: null,
    pre_built_solutions_step: null,
    invite_member_step: null,
  };
}

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Keys are compared lower-cased (in JavaScript, so every PostgreSQL build agrees). */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** Accepts what mail systems deliver in practice; anything stranger is refused, not guessed at. */
export function isValidEmail(email: string): boolean {
  if (email.length > 254) return false;
  const at = email.lastIndexOf('@');
  if (at < 1 || at > 64) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return (
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local) &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/.test(domain)
  );
}

export interface EnvironmentPermission {
  role: string | null;
  roles: string[];
  privileges: string[];
}

export interface PermissionInput {
  isAdmin: boolean;
  isActive: boolean;
  environmentIds: string[];
  /** environment id → the user's own role */
  ownRoles: Record<string, string>;
  /** the roles the user's teams give, per environment */
  teamRoles: { environmentId: string; roleKey: string }[];
  /** privileges of every role in play, by role key */
  rolePrivileges: Map<string, readonly string[]>;
  /** the account's features: a privilege of a feature the account lacks is held by nobody */
  features: readonly string[];
}

export interface EffectivePermissions {
  accountPrivileges: string[];
  environments: Record<string, EnvironmentPermission>;
}

const ADMIN_ROLE = BUILT_IN_ROLES.find((role) => role.key === 'admin');
const ACCOUNT_PRIVILEGE_SET: ReadonlySet<string> = new Set(ACCOUNT_PRIVILEGES);
const ADMIN_ONLY: ReadonlySet<string> = new Set(PRIVILEGES.filter((p) => p.adminOnly).map((p) => p.key));
const PRIVILEGE_FEATURES: ReadonlyMap<string, string | null> = new Map(PRIVILEGES.map((p) => [p.key, p.feature]));
/** Per-environment privileges that exist only with a feature: admins hold them once it is on. */
const FEATURE_PRIVILEGES = PRIVILEGES.filter((p) => p.level === 'environment' && p.feature !== null).map((p) => p.key);

/**
 * What a user may do: the union of their own role and their teams' roles per environment, and
 * account-wide the account privileges of any role they hold. Account admins hold every
 * privilege everywhere; an inactive user holds nothing. A privilege of a feature the account
 * has switched off is held by nobody, so switching a feature off takes effect at once.
 */
export function effectivePermissions(input: PermissionInput): EffectivePermissions {
  if (!input.isActive) return { accountPrivileges: [], environments: {} };
  const available = (privilege: string): boolean => {
    const feature = PRIVILEGE_FEATURES.get(privilege);
    return feature === null || (feature !== undefined && input.features.includes(feature));
  };
  // Custom roles cannot carry admin-only privileges; one stored before that rule gives nothing.
  const grantable = (privilege: string): boolean => available(privilege) && !ADMIN_ONLY.has(privilege);
  if (input.isAdmin) {
    const adminPrivileges = [...(ADMIN_ROLE?.privileges ?? []), ...FEATURE_PRIVILEGES].filter(available).sort();
    const environments: Record<string, EnvironmentPermission> = {};
    for (const environmentId of input.environmentIds) {
      environments[environmentId] = { role: 'admin', roles: ['admin'], privileges: adminPrivileges };
    }
    return { accountPrivileges: [...ACCOUNT_PRIVILEGES], environments };
  }
  const rolesByEnvironment = new Map<string, Set<string>>();
  const give = (environmentId: string, roleKey: string): void => {
    const set = rolesByEnvironment.get(environmentId) ?? new Set<string>();
    set.add(roleKey);
    rolesByEnvironment.set(environmentId, set);
  };
  for (const [environmentId, roleKey] of Object.entries(input.ownRoles)) give(environmentId, roleKey);
  for (const { environmentId, roleKey } of input.teamRoles) give(environmentId, roleKey);

  const environments: Record<string, EnvironmentPermission> = {};
  const accountPrivileges = new Set<string>();
  for (const environmentId of input.environmentIds) {
    const roles = rolesByEnvironment.get(environmentId);
    if (roles === undefined) continue;
    const privileges = new Set<string>();
    for (const roleKey of roles) {
      for (const p of (input.rolePrivileges.get(roleKey) ?? []).filter(grantable)) {
        // A role's account-wide privileges are held account-wide, whichever environment gives the role.
        if (ACCOUNT_PRIVILEGE_SET.has(p)) accountPrivileges.add(p);
        else privileges.add(p);
      }
    }
    environments[environmentId] = {
      role: input.ownRoles[environmentId] ?? [...roles].sort()[0] ?? null,
      roles: [...roles].sort(),
      privileges: [...privileges].sort(),
    };
  }
  return { accountPrivileges: [...accountPrivileges].sort(), environments };
}
