import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import type { Deps } from '../../deps.js';
import type { TokenVerifier } from '../api-tokens/api-tokens.verifier.js';
import { AccountParamsSchema, errorResponses } from '../../http/schemas.js';
import { pageEnvelope } from '../../http/pagination.js';
import {
  AttachDetachBodySchema,
  AttachDetachResultSchema,
  DeleteResultSchema,
  InviteBodySchema,
  ListUsersQuerySchema,
  PatchActiveBodySchema,
  PatchUserBodySchema,
  PermissionsSchema,
  ReInviteBodySchema,
  SourceBodySchema,
  toEnvironmentRoles,
  toPermissionsResponse,
  toUserResponse,
  UserListSchema,
  UserParamsSchema,
  UserSchema,
} from './users.schemas.js';
import {
  attachDetachUsers,
  getUser,
  getUserPermissions,
  listUsers,
  patchUser,
  removeUser,
  setUserActive,
  setUserSource,
  usersVersion,
} from './users.service.js';
import { UserPageCache } from './users.cache.js';
import { inviteUser, reInviteUser } from './users.invite.service.js';

const TAGS = ['Users'];
/** Larger pages are rarely polled and would make the cache's memory use grow. */
const CACHED_PAGE_SIZE_LIMIT = 50;
const toRef = (params: { account_id: string; user_id: string }) => ({
  accountId: params.account_id,
  userId: params.user_id,
});

/** The ten Users operations of the reference, under /v1/accounts/:account_id. */
export function userRoutes(deps: Deps, verifier: TokenVerifier): FastifyPluginAsyncTypebox {
  const pageCache = new UserPageCache<Static<typeof UserListSchema>>();
  return async (app) => {
    app.get('/users', {
      config: { scope: 'user:list' },
      schema: {
        tags: TAGS,
        operationId: 'list_users',
        summary: 'List Users',
        description: 'List users',
        params: AccountParamsSchema,
        querystring: ListUsersQuerySchema,
        response: { 200: UserListSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => {
        const { query } = req;
        const accountId = req.params.account_id;
        const cacheKey = `${accountId} ${req.protocol}://${req.host}${req.url}`;
        const version = await usersVersion(deps, accountId);
        const cached = pageCache.get(cacheKey, version);
        if (cached !== undefined) return cached;
        const result = await listUsers(deps, accountId, {
          email: query.email ?? null,
          name: query.name ?? null,
          teamIds: query.team_id ?? [],
          page: query.page,
          itemsPerPage: query.items_per_page,
          sortBy: query.sort_by,
          sortOrder: query.sort_order,
        });
        const page = {
          ...pageEnvelope(req, query.page, query.items_per_page, result.items.length, result.totalItems),
          account_id: accountId,
          items: result.items.map(toUserResponse),
        };
        // Tagged with the version read before the page: if a change slipped in between, the
        // version has moved past this tag and the entry is never served.
        if (query.items_per_page <= CACHED_PAGE_SIZE_LIMIT) pageCache.set(cacheKey, version, page);
        return page;
      },
    });

    app.patch('/users/teams', {
      config: { scope: 'user:edit' },
      schema: {
        tags: TAGS,
        operationId: 'attach_detach_users',
        summary: 'Attach Detach Users',
        description:
          'Attach or detach users from a team. Every id must exist in the account, or nothing changes (422 naming them).',
        params: AccountParamsSchema,
        body: AttachDetachBodySchema,
        response: { 200: AttachDetachResultSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => {
        const { changedUserIds } = await attachDetachUsers(deps, req.ctx, req.params.account_id, {
          operation: req.body.operation,
          teamId: req.body.team_id,
          userIds: req.body.user_ids,
        });
        return {
          account_id: req.params.account_id,
          team_id: req.body.team_id,
          operation: req.body.operation,
          user_ids: req.body.user_ids,
          changed_user_ids: changedUserIds,
        };
      },
    });

    app.post('/users/invite', {
      config: { scope: 'user:edit' },
      schema: {
        tags: TAGS,
        operationId: 'invite_user',
        summary: 'Invite User',
        description:
          'Invite a new user: creates the membership (status `invited`) and mails a single-use link valid for 72 hours. ' +
          'No password is created or mailed. An existing member answers 409 unless `is_re_invite` is true.',
        params: AccountParamsSchema,
        body: InviteBodySchema,
        response: { 200: UserSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req) => {
        const { body } = req;
        const user = await inviteUser(deps, req.ctx, req.params.account_id, {
          userName: body.user_name,
          userEmail: body.user_email,
          environments: toEnvironmentRoles(body.environments),
          allowLoginPassword: body.allow_login_password,
          isAdmin: body.is_admin ?? false,
          allowLoginGoogle: body.allow_login_google ?? false,
          allowLoginSso: body.allow_login_sso ?? false,
          isReInvite: body.is_re_invite ?? false,
        });
        return toUserResponse(user);
      },
    });

    app.post('/users/re_invite', {
      config: { scope: 'user:edit' },
      schema: {
        tags: TAGS,
        operationId: 're_invite_user',
        summary: 'Re Invite User',
        description: 'Re Invite user: mails a new link; the previous one stops working.',
        params: AccountParamsSchema,
        body: ReInviteBodySchema,
        response: { 200: UserSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req) =>
        toUserResponse(await reInviteUser(deps, req.ctx, req.params.account_id, req.body.user_email)),
    });

    app.get('/users/:user_id', {
      config: { scope: 'user:list' },
      schema: {
        tags: TAGS,
        operationId: 'get_user',
        summary: 'Get User',
        description: 'Get user by id',
        params: UserParamsSchema,
        response: { 200: UserSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => toUserResponse(await getUser(deps, toRef(req.params))),
    });

    app.patch('/users/:user_id', {
      config: { scope: 'user:edit' },
      schema: {
        tags: TAGS,
        operationId: 'patch_user',
        summary: 'Patch User',
        description:
          'Update a user. Omitted or null fields stay as they are; `environments` replaces the whole map. ' +
          'Users whose source is `active_directory` are owned by the directory: 409.',
        params: UserParamsSchema,
        body: PatchUserBodySchema,
        response: { 200: UserSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req) => {
        const { body } = req;
        const user = await patchUser(deps, req.ctx, toRef(req.params), {
          userName: body.user_name,
          environments: body.environments == null ? null : toEnvironmentRoles(body.environments),
          isAdmin: body.is_admin,
          allowLoginGoogle: body.allow_login_google,
          allowLoginPassword: body.allow_login_password,
        });
        return toUserResponse(user);
      },
    });

    app.delete('/users/:user_id', {
      config: { scope: 'user:edit' },
      schema: {
        tags: TAGS,
        operationId: 'delete_user_from_account',
        summary: 'Delete User From Account',
        description: 'Delete user from specific account: the membership only; the person keeps their other accounts.',
        params: UserParamsSchema,
        response: { 200: DeleteResultSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req) => {
        await removeUser(deps, req.ctx, toRef(req.params));
        verifier.forgetOwner(req.params.account_id, req.params.user_id);
        return { account_id: req.params.account_id, user_id: req.params.user_id, deleted: true };
      },
    });

    app.get('/users/:user_id/permissions', {
      config: { scope: 'user:list' },
      schema: {
        tags: TAGS,
        operationId: 'get_user_permissions',
        summary: 'Get User Permissions',
        description:
          "Get user permissions: per environment, the union of the user's own role and their teams' roles. Admins hold everything.",
        params: UserParamsSchema,
        response: { 200: PermissionsSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => toPermissionsResponse(await getUserPermissions(deps, toRef(req.params))),
    });

    app.patch('/users/:user_id/source', {
      config: { scope: 'user:edit' },
      schema: {
        tags: TAGS,
        operationId: 'update_user_source',
        summary: 'Update User Source',
        description: 'Update user source',
        params: UserParamsSchema,
        body: SourceBodySchema,
        response: { 200: UserSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => toUserResponse(await setUserSource(deps, req.ctx, toRef(req.params), req.body.source)),
    });

    app.patch('/users/:user_id/active', {
      config: { scope: 'user:edit' },
      schema: {
        tags: TAGS,
        operationId: 'patch_active_user',
        summary: 'Patch Active User',
        description: 'Patch user active. The last active admin cannot be deactivated (409).',
        params: UserParamsSchema,
        body: PatchActiveBodySchema,
        response: { 200: UserSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req) => {
        const user = await setUserActive(deps, req.ctx, toRef(req.params), req.body.is_active);
        // This process forgets at once; the others hear it through the database.
        verifier.forgetOwner(req.params.account_id, req.params.user_id);
        return toUserResponse(user);
      },
    });
  };
}
