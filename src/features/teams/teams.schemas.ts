import { Type, type Static } from 'typebox';
import { Nullable, TimestampSchema } from '../../http/schemas.js';
import { ID_PATTERN } from '../../core/ids.js';
import { toWireTimestamp } from '../../core/time.js';
import { EnvironmentRoleSchema, EnvironmentsSchema, ListUsersQuerySchema } from '../users/users.schemas.js';
import { USER_SOURCES } from '../users/users.rules.js';
import type { TeamRecord } from './teams.store.js';

const NAME_MAX = 200;
const DESCRIPTION_MAX = 2000;
/** As in the Users API's environments map. */
const ENVIRONMENTS_MAX = 500;

export const TeamParamsSchema = Type.Object(
  {
    account_id: Type.String({ description: 'The account id' }),
    team_id: Type.String({ pattern: ID_PATTERN, description: 'The team id' }),
  },
  { additionalProperties: false },
);
export type TeamParams = Static<typeof TeamParamsSchema>;

const Page = Type.Integer({ minimum: 1, maximum: 1_000_000_000, default: 1, description: 'The page number' });
const ItemsPerPage = Type.Integer({ minimum: 1, maximum: 200, default: 20, description: 'Items per page' });

export const ListTeamsQuerySchema = Type.Object(
  { page: Page, items_per_page: ItemsPerPage },
  { additionalProperties: false },
);

const { email, name, page, items_per_page, sort_by, sort_order } = ListUsersQuerySchema.properties;
/** The Users list's query, less `team_id`: the team is in the path. */
export const TeamUsersQuerySchema = Type.Object(
  { email, name, page, items_per_page, sort_by, sort_order },
  { additionalProperties: false },
);

const TeamName = Type.String({
  minLength: 1,
  maxLength: NAME_MAX,
  description: 'The team name: unique in the account (case-insensitively), surrounding spaces trimmed',
});
const Description = Type.String({ maxLength: DESCRIPTION_MAX, description: 'What the team is for' });
const Source = Type.Enum(USER_SOURCES, {
  title: 'GroupOrUserSourceEnum',
  description: 'Who manages the team: `rivery` (here) or `active_directory`',
});

export const CreateTeamBodySchema = Type.Object(
  {
    name: TeamName,
    description: Type.Optional(Description),
    environments: Type.Optional(EnvironmentsSchema),
    source: Type.Optional(Source),
  },
  { additionalProperties: false },
);
export type CreateTeamBody = Static<typeof CreateTeamBodySchema>;

export const PatchTeamBodySchema = Type.Object(
  {
    name: Type.Optional(TeamName),
    description: Type.Optional(Description),
    environments: Type.Optional(
      Type.Record(Type.String(), EnvironmentRoleSchema, {
        description: 'Roles per environment: `{environment_id: {"role": role_key}}` (replaces the whole map)',
        maxProperties: ENVIRONMENTS_MAX,
      }),
    ),
    source: Type.Optional(Source),
  },
  { additionalProperties: false },
);
export type PatchTeamBody = Static<typeof PatchTeamBodySchema>;

export const TeamSchema = Type.Object(
  {
    team_id: Type.String({ description: 'The team id' }),
    name: Type.String({ description: 'The team name' }),
    description: Type.String({ description: 'What the team is for' }),
    environments: Type.Record(Type.String(), Type.Object({ role: Type.String() }), {
      description: 'The role the team gives its members in each environment: `{environment_id: {"role": key}}`',
    }),
    source: Type.String({ description: 'Who manages the team: `rivery` or `active_directory`' }),
    user_count: Type.Integer({ description: 'How many users are in the team' }),
    created_at: TimestampSchema('When the team was created'),
    updated_at: TimestampSchema('When the team last changed'),
  },
  { title: 'Team' },
);
export type TeamResponse = Static<typeof TeamSchema>;

export const TeamListSchema = Type.Object(
  {
    next_page: Nullable(Type.String(), { description: 'The next page URL' }),
    previous_page: Nullable(Type.String(), { description: 'The previous page URL' }),
    page: Type.Integer({ description: 'The page number' }),
    current_page_size: Type.Integer({ description: 'The current page size' }),
    total_items: Type.Integer({ description: "The number of the account's teams" }),
    account_id: Type.String({ description: 'The account id' }),
    items: Type.Array(TeamSchema, { description: 'The teams, by name' }),
  },
  { title: 'TeamList' },
);

export const DeleteTeamResultSchema = Type.Object(
  {
    account_id: Type.String(),
    team_id: Type.String(),
    deleted: Type.Boolean({ description: 'Always true: the team is gone' }),
    user_count: Type.Integer({ description: 'How many users were in the team and lost its roles' }),
  },
  { title: 'DeleteTeamResult' },
);

export function toTeamResponse(team: TeamRecord): TeamResponse {
  return {
    team_id: team.id,
    name: team.name,
    description: team.description,
    environments: Object.fromEntries(Object.entries(team.environments).map(([env, role]) => [env, { role }])),
    source: team.source,
    user_count: team.userCount,
    created_at: toWireTimestamp(team.createdAt),
    updated_at: toWireTimestamp(team.updatedAt),
  };
}
