import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { AccountParamsSchema, errorResponses } from '../../http/schemas.js';
import {
  CreateEnvironmentBodySchema,
  DeletedEnvironmentSchema,
  EnvironmentListSchema,
  EnvironmentParamsSchema,
  EnvironmentSchema,
  PatchEnvironmentBodySchema,
  toDeletedEnvironmentResponse,
  toEnvironmentResponse,
  type EnvironmentParams,
} from './environments.schemas.js';
import {
  createEnvironment,
  getEnvironment,
  listEnvironments,
  removeEnvironment,
  renameEnvironment,
  type EnvironmentRef,
} from './environments.service.js';

const TAGS = ['Environments'];
const toRef = (params: EnvironmentParams): EnvironmentRef => ({
  accountId: params.account_id,
  environmentId: params.env_id,
});

/** The account's environments, under /v1/accounts/:account_id. */
export function environmentRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/environments', {
      config: { scope: 'account:read' },
      schema: {
        tags: TAGS,
        operationId: 'list_environments',
        summary: 'List Environments',
        description: 'Every environment of the account, oldest first.',
        params: AccountParamsSchema,
        response: { 200: EnvironmentListSchema, ...errorResponses(401, 403, 404) },
      },
      handler: async (req) => ({
        account_id: req.params.account_id,
        items: (await listEnvironments(deps, req.params.account_id)).map(toEnvironmentResponse),
      }),
    });

    app.post('/environments', {
      config: { scope: 'environment:edit' },
      schema: {
        tags: TAGS,
        operationId: 'create_environment',
        summary: 'Create Environment',
        description:
          'Create an environment. Names are unique in the account, compared case-insensitively: a taken name answers 409.',
        params: AccountParamsSchema,
        body: CreateEnvironmentBodySchema,
        response: { 201: EnvironmentSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req, reply) => {
        const environment = await createEnvironment(deps, req.ctx, req.params.account_id, req.body.name);
        return reply.code(201).send(toEnvironmentResponse(environment));
      },
    });

    app.get('/environments/:env_id', {
      config: { scope: 'account:read' },
      schema: {
        tags: TAGS,
        operationId: 'get_environment',
        summary: 'Get Environment',
        description: 'Get an environment by id.',
        params: EnvironmentParamsSchema,
        response: { 200: EnvironmentSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => toEnvironmentResponse(await getEnvironment(deps, toRef(req.params))),
    });

    app.patch('/environments/:env_id', {
      config: { scope: 'environment:edit' },
      schema: {
        tags: TAGS,
        operationId: 'rename_environment',
        summary: 'Rename Environment',
        description:
          'Rename an environment. The new name must not be taken by another environment of the account (409).',
        params: EnvironmentParamsSchema,
        body: PatchEnvironmentBodySchema,
        response: { 200: EnvironmentSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req) =>
        toEnvironmentResponse(await renameEnvironment(deps, req.ctx, toRef(req.params), req.body.name)),
    });

    app.delete('/environments/:env_id', {
      config: { scope: 'environment:edit' },
      schema: {
        tags: TAGS,
        operationId: 'delete_environment',
        summary: 'Delete Environment',
        description:
          'Delete an environment. Every user and team loses its role there, in the same transaction; the answer ' +
          'says how many were touched. The account keeps at least one environment: deleting the last answers 409.',
        params: EnvironmentParamsSchema,
        response: { 200: DeletedEnvironmentSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req) => toDeletedEnvironmentResponse(await removeEnvironment(deps, req.ctx, toRef(req.params))),
    });
  };
}
