import { Type, type Static } from 'typebox';
import { Nullable } from '../../http/schemas.js';
import { ID_PATTERN } from '../../core/ids.js';
import { toWireTimestamp, toWireTimestampOrNull } from '../../core/time.js';
import type { EffectivePermissions } from './users.rules.js';
import { SORT_KEYS, USER_SOURCES } from './users.rules.js';
import type { UserRecord } from './users.store.js';

const Id = (description: string) => Type.String({ pattern: ID_PATTERN, description });
const Timestamp = (description: string) =>
  Nullable(Type.String({ description: `${description} (UTC, \`YYYY-MM-DDTHH:MM:SS.ffffff\`)` }), { description });

export const UserParamsSchema = Type.Object(
  { account_id: Type.String({ description: 'The account id' }), user_id: Id('The user id') },
  { additionalProperties: false },
);
export type UserParams = Static<typeof UserParamsSchema>;

export const EnvironmentRoleSchema = Type.Object(
  { role: Type.String({ minLength: 1, maxLength: 100, description: 'The role key, e.g. developer' }) },
  { additionalProperties: false },
);

export const EnvironmentsSchema = Type.Record(Type.String(), EnvironmentRoleSchema, {
  description: 'Roles per environment: `{environment_id: {"role": role_key}}`',
  maxProperties: 500,
});
export type EnvironmentsBody = Static<typeof EnvironmentsSchema>;

const OnboardingStatusSchema = Type.Object({
  status: Type.Boolean(),
  update_time: Nullable(Type.String()),
});

export const OnboardingSchema = Type.Object(
  {
    know_rivery_step: Nullable(
      Type.Object({
        onboarding_river_types: Nullable(OnboardingStatusSchema),
        onboarding_rivery_introduction: Nullable(OnboardingStatusSchema),
      }),
    ),
    data_connections_step: Nullable(Type.Object({ onboarding_add_connection: Nullable(Type.Boolean()) })),
    data_pipeline_step: Nullable(
      Type.Object({
        onboarding_create_s2t: Nullable(Type.Boolean()),
        onboarding_view_activities: Nullable(Type.Boolean()),
      }),
    ),
    transform_and_orchestrate_step: Nullable(Type.Object({}, { additionalProperties: true })),
    pre_built_solutions_step: Nullable(Type.Object({}, { additionalProperties: true })),
    invite_member_step: Nullable(Type.Object({}, { additionalProperties: true })),
  },
  { title: 'UserOnboardingModel' },
);

const userFields = {
  user_id: Type.String({ description: 'The user id' }),
  user_email: Type.String({ description: 'The email of the user' }),
  user_name: Type.String({ description: 'The user name' }),
  environments: Type.Record(Type.String(), Type.Object({ role: Type.String() }), {
    description: 'The user environments and permission',
  }),
  is_admin: Type.Boolean({ description: 'A flag that indicates whether the flag is admin' }),
  status: Type.String({ description: 'The user status: `invited` until the invitation is accepted, then `active`' }),
  created_at: Timestamp('The user creation date'),
  last_login: Timestamp("The user's last login date"),
  updated_at: Timestamp('The user last update date'),
  groups: Type.Array(Type.String(), { description: "The user's groups (team ids)", default: [] }),
  source: Type.String({ description: 'The user source' }),
  invited_by: Nullable(Type.String(), { description: 'The user who invited this user' }),
  is_active: Nullable(Type.Boolean(), { description: 'Indicates if the user is active', default: true }),
  onboarding: Nullable(OnboardingSchema),
};

export const UserListItemSchema = Type.Object(userFields, { title: 'UserListItem' });

export const UserSchema = Type.Object(
  {
    ...userFields,
    is_super_admin: Type.Boolean({ description: 'Indicates if the user is a super admin' }),
    allow_login_password: Type.Boolean({ description: 'Indicates if the user is allowed to login with password' }),
    allow_login_google: Type.Boolean({ description: 'Indicates if the user is allowed to login with google' }),
    allow_login_sso: Type.Boolean({ description: 'Indicates if the user is allowed to login with SSO' }),
  },
  { title: 'User' },
);
export type UserResponse = Static<typeof UserSchema>;

export const ListUsersQuerySchema = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 320, description: 'Query parameter for filtering by email' })),
    name: Type.Optional(
      Type.String({ maxLength: 200, description: 'Query parameter for filtering name in email or user name' }),
    ),
    team_id: Type.Optional(
      Type.Array(Type.String({ pattern: ID_PATTERN }), {
        maxItems: 100,
        description: 'Query parameter for filtering by team id (repeatable: a user in any of them)',
      }),
    ),
    page: Type.Integer({ minimum: 1, maximum: 1_000_000_000, default: 1 }),
    items_per_page: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
    sort_by: Type.Enum(SORT_KEYS, { default: 'created_at', description: 'User sort properties in the UI.' }),
    sort_order: Type.Enum(['desc', 'asc'], {
      default: 'desc',
      description: 'Sorting can be either asc or desc, used in the api-service',
    }),
  },
  { additionalProperties: false },
);
export type ListUsersQuery = Static<typeof ListUsersQuerySchema>;

export const UserListSchema = Type.Object(
  {
    next_page: Nullable(Type.String(), { description: 'The next page URL' }),
    previous_page: Nullable(Type.String(), { description: 'The previous page URL' }),
    page: Type.Integer({ description: 'The page number', default: 1 }),
    current_page_size: Type.Integer({ description: 'The current page size' }),
    total_items: Type.Integer({ description: 'The total number of entities fetched', default: 0 }),
    account_id: Type.String({ description: 'The account id' }),
    items: Type.Array(UserListItemSchema),
  },
  { title: 'UserList' },
);

export const PatchUserBodySchema = Type.Object(
  {
    user_name: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }), { description: 'The user name' })),
    environments: Type.Optional(
      Nullable(EnvironmentsSchema, {
        description: 'Environment dictionary that includes roles per environment (replaces the whole map)',
      }),
    ),
    is_admin: Type.Optional(Nullable(Type.Boolean(), { description: 'Indicate if the user admin' })),
    allow_login_google: Type.Optional(
      Nullable(Type.Boolean(), { description: 'Indicate if allow to the user login with google' }),
    ),
    allow_login_password: Type.Optional(
      Nullable(Type.Boolean(), { description: 'Indicate if allow to the user login with password' }),
    ),
  },
  { additionalProperties: false },
);
export type PatchUserBody = Static<typeof PatchUserBodySchema>;

export const SourceBodySchema = Type.Object(
  {
    source: Type.Enum(USER_SOURCES, {
      title: 'GroupOrUserSourceEnum',
      description:
        'The desired source of the user. For example, if the user should managed by active directory then the source should be active_directory',
    }),
  },
  { additionalProperties: false },
);
export type SourceBody = Static<typeof SourceBodySchema>;

export const PatchActiveBodySchema = Type.Object(
  { is_active: Type.Boolean({ description: 'The user is active flag' }) },
  { additionalProperties: false },
);
export type PatchActiveBody = Static<typeof PatchActiveBodySchema>;

const OptionalFlag = (description: string) => Type.Optional(Nullable(Type.Boolean(), { description, default: false }));

export const InviteBodySchema = Type.Object(
  {
    user_name: Type.String({ minLength: 1, maxLength: 200, description: 'The user name' }),
    user_email: Type.String({ minLength: 3, maxLength: 254, description: 'The user email' }),
    environments: EnvironmentsSchema,
    allow_login_password: Type.Boolean({ description: 'Indicates if the user is allowed to login with password' }),
    is_admin: OptionalFlag('Indicates if the user is a admin'),
    allow_login_google: OptionalFlag('Indicates if the user is allowed to login with google'),
    allow_login_sso: OptionalFlag('Indicates if the user is allowed to login with sso'),
    is_re_invite: OptionalFlag('Indicates if the invitation is a re invite'),
  },
  { additionalProperties: false },
);
export type InviteBody = Static<typeof InviteBodySchema>;

export const ReInviteBodySchema = Type.Object(
  { user_email: Type.String({ minLength: 3, maxLength: 254, description: 'The user email' }) },
  { additionalProperties: false },
);
export type ReInviteBody = Static<typeof ReInviteBodySchema>;

export const AttachDetachBodySchema = Type.Object(
  {
    operation: Type.Enum(['attach', 'detach'], {
      title: 'AttachDetachUserToTeamEnum',
      description: 'Operation if to detach or attache user to a team',
    }),
    team_id: Id('The team id'),
    user_ids: Type.Array(Id('A user id'), { maxItems: 1000, description: 'List of user ids' }),
  },
  { additionalProperties: false },
);
export type AttachDetachBody = Static<typeof AttachDetachBodySchema>;

export const AttachDetachResultSchema = Type.Object(
  {
    account_id: Type.String(),
    team_id: Type.String(),
    operation: Type.String(),
    user_ids: Type.Array(Type.String(), { description: 'The users asked for' }),
    changed_user_ids: Type.Array(Type.String(), {
      description: 'The users whose membership of the team changed (already attached or not a member: unchanged)',
    }),
  },
  { title: 'AttachDetachResult' },
);

export const DeleteResultSchema = Type.Object(
  {
    account_id: Type.String(),
    user_id: Type.String(),
    deleted: Type.Boolean({ description: 'Always true: the membership is gone; the identity stays' }),
  },
  { title: 'DeleteUserResult' },
);

export const PermissionsSchema = Type.Object(
  {
    environments: Type.Record(
      Type.String(),
      Type.Object({
        role: Nullable(Type.String(), { description: "The user's own role here, else the first of their teams'" }),
        roles: Type.Array(Type.String(), { description: 'Every role in effect here: own and through teams' }),
        privileges: Type.Array(Type.String(), { description: 'The union of those roles’ privileges' }),
      }),
      { description: 'Effective access per environment id; environments the user cannot enter are absent' },
    ),
    account_privileges: Type.Array(Type.String(), { description: 'Account-wide privileges (admins)' }),
  },
  { title: 'UserPermissions' },
);

export function toUserResponse(user: UserRecord): UserResponse {
  return {
    user_id: user.userId,
    user_email: user.userEmail,
    user_name: user.userName,
    environments: Object.fromEntries(Object.entries(user.environments).map(([env, role]) => [env, { role }])),
    is_admin: user.isAdmin,
    status: user.status,
    created_at: toWireTimestamp(user.createdAt),
    last_login: toWireTimestampOrNull(user.lastLogin),
    updated_at: toWireTimestamp(user.updatedAt),
    groups: user.groups,
    source: user.source,
    invited_by: user.invitedBy,
    is_active: user.isActive,
    onboarding: user.onboarding as UserResponse['onboarding'],
    is_super_admin: user.isSuperAdmin,
    allow_login_password: user.allowLoginPassword,
    allow_login_google: user.allowLoginGoogle,
    allow_login_sso: user.allowLoginSso,
  };
}

export function toPermissionsResponse(permissions: EffectivePermissions): Static<typeof PermissionsSchema> {
  return { environments: permissions.environments, account_privileges: permissions.accountPrivileges };
}

export function toEnvironmentRoles(environments: EnvironmentsBody): Record<string, string> {
  return Object.fromEntries(Object.entries(environments).map(([env, value]) => [env, value.role]));
}
