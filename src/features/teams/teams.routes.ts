import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { pageEnvelope } from '../../http/pagination.js';
import { AccountParamsSchema, errorResponses } from '../../http/schemas.js';
import { toEnvironmentRoles, toUserResponse, UserListSchema } from '../users/users.schemas.js';
import { listTeamUsers } from './teams.members.service.js';
import {
  CreateTeamBodySchema,
  DeleteTeamResultSchema,
  ListTeamsQuerySchema,
  PatchTeamBodySchema,
  TeamListSchema,
  TeamParamsSchema,
  TeamSchema,
  TeamUsersQuerySchema,
  toTeamResponse,
  type TeamParams,
} from './teams.schemas.js';
import { createTeam, getTeam, listTeams, patchTeam, removeTeam, type TeamRef } from './teams.service.js';

const TAGS = ['Teams'];
const toRef = (params: TeamParams): TeamRef => ({ accountId: params.account_id, teamId: params.team_id });

/** Teams (account groups): users plus the roles the team gives them, under /v1/accounts/:account_id. */
export function teamRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/teams', {
      config: { scope: 'team:list' },
      schema: {
        tags: TAGS,
        operationId: 'list_teams',
        summary: 'List Teams',
        description: "List the account's teams, by name.",
        params: AccountParamsSchema,
        querystring: ListTeamsQuerySchema,
        response: { 200: TeamListSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => {
        const { query } = req;
        const result = await listTeams(deps, req.params.account_id, {
          page: query.page,
          itemsPerPage: query.items_per_page,
        });
        return {
          ...pageEnvelope(req, query.page, query.items_per_page, result.items.length, result.totalItems),
          account_id: req.params.account_id,
          items: result.items.map(toTeamResponse),
        };
      },
    });

    app.post('/teams', {
      config: { scope: 'team:edit' },
      schema: {
        tags: TAGS,
        operationId: 'create_team',
        summary: 'Create Team',
        description:
          'Create a team. The name is unique in the account, case-insensitively (409). ' +
          '`environments` gives every member a role per environment, on top of their own.',
        params: AccountParamsSchema,
        body: CreateTeamBodySchema,
        response: { 201: TeamSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req, reply) => {
        const { body } = req;
        const team = await createTeam(deps, req.ctx, {
          accountId: req.params.account_id,
          name: body.name,
          description: body.description,
          source: body.source,
          environments: body.environments === undefined ? undefined : toEnvironmentRoles(body.environments),
        });
        return reply.code(201).send(toTeamResponse(team));
      },
    });

    app.get('/teams/:team_id', {
      config: { scope: 'team:list' },
      schema: {
        tags: TAGS,
        operationId: 'get_team',
        summary: 'Get Team',
        description: 'Get a team by id.',
        params: TeamParamsSchema,
        response: { 200: TeamSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => toTeamResponse(await getTeam(deps, toRef(req.params))),
    });

    app.patch('/teams/:team_id', {
      config: { scope: 'team:edit' },
      schema: {
        tags: TAGS,
        operationId: 'patch_team',
        summary: 'Patch Team',
        description:
          'Update a team. Omitted fields stay as they are; `environments` replaces the whole map, ' +
          'and its members hold the new roles at once.',
        params: TeamParamsSchema,
        body: PatchTeamBodySchema,
        response: { 200: TeamSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req) => {
        const { body } = req;
        const team = await patchTeam(deps, req.ctx, toRef(req.params), {
          name: body.name,
          description: body.description,
          source: body.source,
          environments: body.environments === undefined ? undefined : toEnvironmentRoles(body.environments),
        });
        return toTeamResponse(team);
      },
    });

    app.delete('/teams/:team_id', {
      config: { scope: 'team:edit' },
      schema: {
        tags: TAGS,
        operationId: 'delete_team',
        summary: 'Delete Team',
        description: 'Delete a team. Its members stay in the account and lose the roles it gave them at once.',
        params: TeamParamsSchema,
        response: { 200: DeleteTeamResultSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => {
        const team = await removeTeam(deps, req.ctx, toRef(req.params));
        return { account_id: team.accountId, team_id: team.id, deleted: true, user_count: team.userCount };
      },
    });

    app.get('/teams/:team_id/users', {
      config: { scope: 'team:list' },
      schema: {
        tags: TAGS,
        operationId: 'list_team_users',
        summary: 'List Team Users',
        description:
          "List the team's members: the same pages, filters, sorting and user objects as List Users with `team_id`.",
        params: TeamParamsSchema,
        querystring: TeamUsersQuerySchema,
        response: { 200: UserListSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => {
        const { query } = req;
        const result = await listTeamUsers(deps, toRef(req.params), {
          email: query.email ?? null,
          name: query.name ?? null,
          page: query.page,
          itemsPerPage: query.items_per_page,
          sortBy: query.sort_by,
          sortOrder: query.sort_order,
        });
        return {
          ...pageEnvelope(req, query.page, query.items_per_page, result.items.length, result.totalItems),
          account_id: req.params.account_id,
          items: result.items.map(toUserResponse),
        };
      },
    });
  };
}
