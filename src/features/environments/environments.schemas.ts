import { Type, type Static } from 'typebox';
import { TimestampSchema } from '../../http/schemas.js';
import { ID_PATTERN } from '../../core/ids.js';
import { toWireTimestamp } from '../../core/time.js';
import type { DeletedEnvironment } from './environments.service.js';
import type { EnvironmentRow } from './environments.store.js';

export const EnvironmentParamsSchema = Type.Object(
  {
    account_id: Type.String({ description: 'The account id' }),
    env_id: Type.String({ pattern: ID_PATTERN, description: 'The environment id' }),
  },
  { additionalProperties: false },
);
export type EnvironmentParams = Static<typeof EnvironmentParamsSchema>;

const NameSchema = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'The environment name, unique in the account (compared case-insensitively)',
});

export const CreateEnvironmentBodySchema = Type.Object({ name: NameSchema }, { additionalProperties: false });

export const PatchEnvironmentBodySchema = Type.Object({ name: NameSchema }, { additionalProperties: false });

export const EnvironmentSchema = Type.Object(
  {
    environment_id: Type.String({ description: 'The environment id' }),
    name: Type.String({ description: 'The environment name' }),
    created_at: TimestampSchema('When the environment was created'),
    updated_at: TimestampSchema('When the environment was last renamed'),
  },
  { title: 'Environment' },
);
export type EnvironmentResponse = Static<typeof EnvironmentSchema>;

export const EnvironmentListSchema = Type.Object(
  {
    account_id: Type.String({ description: 'The account id' }),
    items: Type.Array(EnvironmentSchema, { description: 'Every environment of the account, oldest first' }),
  },
  { title: 'EnvironmentList' },
);

export const DeletedEnvironmentSchema = Type.Object(
  {
    environment_id: Type.String({ description: 'The deleted environment id' }),
    users_updated: Type.Integer({ description: 'Users who had a role in the environment and lost it' }),
    teams_updated: Type.Integer({ description: 'Teams that had a role in the environment and lost it' }),
  },
  { title: 'DeletedEnvironment' },
);

export function toEnvironmentResponse(row: EnvironmentRow): EnvironmentResponse {
  return {
    environment_id: row.id,
    name: row.name,
    created_at: toWireTimestamp(row.createdAt),
    updated_at: toWireTimestamp(row.updatedAt),
  };
}

export function toDeletedEnvironmentResponse(deleted: DeletedEnvironment): Static<typeof DeletedEnvironmentSchema> {
  return {
    environment_id: deleted.environmentId,
    users_updated: deleted.usersUpdated,
    teams_updated: deleted.teamsUpdated,
  };
}
