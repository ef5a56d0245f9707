import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { AccountParamsSchema, errorResponses } from '../../http/schemas.js';
import {
  CreateRoleBodySchema,
  DeletedRoleSchema,
  DeleteRoleQuerySchema,
  PatchRoleBodySchema,
  privilegeCatalog,
  PrivilegeListSchema,
  RoleListSchema,
  RoleParamsSchema,
  RoleSchema,
  toDeletedRoleResponse,
  toRoleResponse,
  type RoleParams,
} from './roles.schemas.js';
import { createRole, deleteRole, getRole, listRoles, updateRole, type RoleRef } from './roles.service.js';

const TAGS = ['Roles'];
const toRef = (params: RoleParams): RoleRef => ({ accountId: params.account_id, key: params.role_key });

/** Built-in and custom roles, under /v1/accounts/:account_id. */
export function roleRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/roles', {
      config: { scope: 'account:read' },
      schema: {
        tags: TAGS,
        operationId: 'list_roles',
        summary: 'List Roles',
        description: 'Every role usable in the account: the built-in roles first, then custom roles, oldest first.',
        params: AccountParamsSchema,
        response: { 200: RoleListSchema, ...errorResponses(401, 403, 404) },
      },
      handler: async (req) => ({
        account_id: req.params.account_id,
        items: (await listRoles(deps, req.params.account_id)).map(toRoleResponse),
      }),
    });

    app.post('/roles', {
      config: { scope: 'role:edit' },
      schema: {
        tags: TAGS,
        operationId: 'create_role',
        summary: 'Create Role',
        description:
          'Create a custom role from privileges of `GET /v1/privileges`. A privilege that does not exist, or whose ' +
          'feature the account lacks, answers 422; a key already used in the account, or a built-in key, answers 409.',
        params: AccountParamsSchema,
        body: CreateRoleBodySchema,
        response: { 201: RoleSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req, reply) => {
        const { body } = req;
        const role = await createRole(deps, req.ctx, req.params.account_id, {
          key: body.key,
          name: body.name,
          description: body.description ?? '',
          privileges: body.privileges,
        });
        return reply.code(201).send(toRoleResponse(role));
      },
    });

    app.get('/roles/:role_key', {
      config: { scope: 'account:read' },
      schema: {
        tags: TAGS,
        operationId: 'get_role',
        summary: 'Get Role',
        description: 'Get a built-in or custom role by key.',
        params: RoleParamsSchema,
        response: { 200: RoleSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => toRoleResponse(await getRole(deps, toRef(req.params))),
    });

    app.patch('/roles/:role_key', {
      config: { scope: 'role:edit' },
      schema: {
        tags: TAGS,
        operationId: 'update_role',
        summary: 'Update Role',
        description:
          'Change a custom role’s name, description or privileges (which replace the whole list). Its holders’ ' +
          'permissions change with the next request. Built-in roles cannot change: 409.',
        params: RoleParamsSchema,
        body: PatchRoleBodySchema,
        response: { 200: RoleSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req) => toRoleResponse(await updateRole(deps, req.ctx, toRef(req.params), req.body)),
    });

    app.delete('/roles/:role_key', {
      config: { scope: 'role:edit' },
      schema: {
        tags: TAGS,
        operationId: 'delete_role',
        summary: 'Delete Role',
        description:
          'Delete a custom role. While users or teams hold it the answer is 409, naming them, unless `reassign_to` ' +
          'names another role of the account: then every holder moves to it first, in the same transaction. ' +
          'Built-in roles cannot be deleted: 409.',
        params: RoleParamsSchema,
        querystring: DeleteRoleQuerySchema,
        response: { 200: DeletedRoleSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req) =>
        toDeletedRoleResponse(await deleteRole(deps, req.ctx, toRef(req.params), req.query.reassign_to ?? null)),
    });
  };
}

/** The privilege catalog, under /v1. */
export function privilegeRoutes(): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/privileges', {
      config: { scope: 'account:read' },
      schema: {
        tags: TAGS,
        operationId: 'list_privileges',
        summary: 'List Privileges',
        description:
          'Every privilege a role can give: whether it is held account-wide or per environment, and the account ' +
          'feature it needs, if any.',
        response: { 200: PrivilegeListSchema, ...errorResponses(401, 403) },
      },
      handler: async () => privilegeCatalog(),
    });
  };
}
