import { Type, type Static, type TSchema } from 'typebox';
import { toWireTimestampOrNull } from '../../core/time.js';
import { PRIVILEGES, FEATURES } from './roles.catalog.js';
import { ROLE_KEY_PATTERN } from './roles.rules.js';
import type { DeletedRole, RoleView } from './roles.service.js';

const Nullable = <T extends TSchema>(schema: T, description: string) =>
  Type.Union([schema, Type.Null()], { description });
const Timestamp = (description: string) =>
  Nullable(Type.String(), `${description} (UTC, \`YYYY-MM-DDTHH:MM:SS.ffffff\`); null for built-in roles`);

const RoleKeySchema = (description: string) => Type.String({ pattern: ROLE_KEY_PATTERN, description });

export const RoleParamsSchema = Type.Object(
  { account_id: Type.String({ description: 'The account id' }), role_key: RoleKeySchema('The role key') },
  { additionalProperties: false },
);
export type RoleParams = Static<typeof RoleParamsSchema>;

export const DeleteRoleQuerySchema = Type.Object(
  {
    reassign_to: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Move every user and team holding the role to this role (built-in or custom) first',
      }),
    ),
  },
  { additionalProperties: false },
);

const NameSchema = Type.String({ minLength: 1, maxLength: 100, description: 'The role name' });
const DescriptionSchema = Type.String({ maxLength: 500, description: 'What the role is for' });
const PrivilegesSchema = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  maxItems: 100,
  uniqueItems: true,
  description: 'Privilege keys from `GET /v1/privileges`',
});

export const CreateRoleBodySchema = Type.Object(
  {
    key: RoleKeySchema('The role key: lower-case letters, digits and `_`, unique in the account'),
    name: NameSchema,
    description: Type.Optional(DescriptionSchema),
    privileges: PrivilegesSchema,
  },
  { additionalProperties: false },
);
export type CreateRoleBody = Static<typeof CreateRoleBodySchema>;

export const PatchRoleBodySchema = Type.Object(
  {
    name: Type.Optional(NameSchema),
    description: Type.Optional(DescriptionSchema),
    privileges: Type.Optional(PrivilegesSchema),
  },
  { additionalProperties: false },
);
export type PatchRoleBody = Static<typeof PatchRoleBodySchema>;

export const RoleSchema = Type.Object(
  {
    key: Type.String({ description: 'The role key, as given in `environments` maps' }),
    name: Type.String({ description: 'The role name' }),
    description: Type.String({ description: 'What the role is for' }),
    privileges: Type.Array(Type.String(), { description: 'The privileges the role gives' }),
    built_in: Type.Boolean({ description: 'Built-in roles are the same in every account and cannot change' }),
    created_at: Timestamp('When the role was created'),
    updated_at: Timestamp('When the role was last changed'),
  },
  { title: 'Role' },
);
export type RoleResponse = Static<typeof RoleSchema>;

export const RoleListSchema = Type.Object(
  {
    account_id: Type.String({ description: 'The account id' }),
    items: Type.Array(RoleSchema, { description: 'Built-in roles first, then custom roles oldest first' }),
  },
  { title: 'RoleList' },
);

export const DeletedRoleSchema = Type.Object(
  {
    key: Type.String({ description: 'The deleted role key' }),
    reassigned_to: Nullable(Type.String(), 'The role its holders were moved to, if any'),
    users_moved: Type.Integer({ description: 'Users moved to `reassigned_to`' }),
    teams_moved: Type.Integer({ description: 'Teams moved to `reassigned_to`' }),
  },
  { title: 'DeletedRole' },
);

export const PrivilegeListSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          key: Type.String({ description: 'The privilege key' }),
          description: Type.String({ description: 'What it allows' }),
          level: Type.Enum(['account', 'environment'], {
            description: '`account`: held account-wide; `environment`: held per environment through a role',
          }),
          feature: Nullable(
            Type.Enum([...FEATURES]),
            'The account feature it needs; custom roles may include it only when the account has that feature',
          ),
          admin_only: Type.Boolean({
            description: 'Held by account admins only: no custom role may include it',
          }),
        },
        { title: 'Privilege' },
      ),
    ),
  },
  { title: 'PrivilegeList' },
);

export function toRoleResponse(role: RoleView): RoleResponse {
  return {
    key: role.key,
    name: role.name,
    description: role.description,
    privileges: [...role.privileges],
    built_in: role.builtIn,
    created_at: toWireTimestampOrNull(role.createdAt),
    updated_at: toWireTimestampOrNull(role.updatedAt),
  };
}

export function toDeletedRoleResponse(deleted: DeletedRole): Static<typeof DeletedRoleSchema> {
  return {
    key: deleted.key,
    reassigned_to: deleted.reassignedTo,
    users_moved: deleted.usersMoved,
    teams_moved: deleted.teamsMoved,
  };
}

export function privilegeCatalog(): Static<typeof PrivilegeListSchema> {
  return {
    items: PRIVILEGES.map((p) => ({
      key: p.key,
      description: p.description,
      level: p.level,
      feature: p.feature,
      admin_only: p.adminOnly,
    })),
  };
}
