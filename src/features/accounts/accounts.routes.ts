import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { principalOf } from '../../http/auth.js';
import { pageEnvelope } from '../../http/pagination.js';
import { errorResponses } from '../../http/schemas.js';
import {
  AccountListSchema,
  AccountParamsSchema,
  AccountSchema,
  CreateAccountBodySchema,
  CreatedAccountSchema,
  FeaturesSchema,
  ListAccountsQuerySchema,
  PatchFeaturesBodySchema,
  RenameAccountBodySchema,
  toAccountResponse,
} from './accounts.schemas.js';
import {
  createAccount,
  getAccountFeatures,
  getAccountView,
  listAccounts,
  renameAccount,
  setAccountFeatures,
} from './accounts.service.js';

const TAGS = ['Accounts'];

/** Accounts and their features: operators run them, members read their own. Under /v1. */
export function accountRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/accounts', {
      config: { scope: 'account:read' },
      schema: {
        tags: TAGS,
        operationId: 'list_accounts',
        summary: 'List Accounts',
        description:
          'Super admins see every account; anyone else the accounts where they are an active member. ' +
          'Sorted by name (byte order), then id.',
        querystring: ListAccountsQuerySchema,
        response: { 200: AccountListSchema, ...errorResponses(401, 403, 422) },
      },
      handler: async (req) => {
        const { query } = req;
        const result = await listAccounts(deps, principalOf(req), {
          page: query.page,
          itemsPerPage: query.items_per_page,
        });
        return {
          ...pageEnvelope(req, query.page, query.items_per_page, result.items.length, result.totalItems),
          items: result.items.map(toAccountResponse),
        };
      },
    });

    app.post('/accounts', {
      config: { scope: 'account:manage' },
      schema: {
        tags: TAGS,
        operationId: 'create_account',
        summary: 'Create Account',
        description:
          'Create an account with its environments (`Production` when none are named). With `admin_email`, that ' +
          'person is invited as the first admin and mailed a link, in the same transaction. Super admins only.',
        body: CreateAccountBodySchema,
        response: { 201: CreatedAccountSchema, ...errorResponses(401, 403, 422) },
      },
      handler: async (req, reply) => {
        const { body } = req;
        const { view, adminUserId } = await createAccount(deps, req.ctx, {
          name: body.name,
          environmentNames: body.environments ?? [],
          adminEmail: body.admin_email ?? null,
          adminName: body.admin_name ?? null,
        });
        return reply.code(201).send({ ...toAccountResponse(view), admin_user_id: adminUserId });
      },
    });

    app.get('/accounts/:account_id', {
      config: { scope: 'account:read', operator: 'any-account' },
      schema: {
        tags: TAGS,
        operationId: 'get_account',
        summary: 'Get Account',
        description: 'The account, its features and its environments. Super admins may name any account.',
        params: AccountParamsSchema,
        response: { 200: AccountSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => toAccountResponse(await getAccountView(deps, req.params.account_id)),
    });

    app.patch('/accounts/:account_id', {
      config: { scope: 'account:manage', operator: 'any-account' },
      schema: {
        tags: TAGS,
        operationId: 'rename_account',
        summary: 'Rename Account',
        description: 'Rename the account. Super admins only.',
        params: AccountParamsSchema,
        body: RenameAccountBodySchema,
        response: { 200: AccountSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) =>
        toAccountResponse(await renameAccount(deps, req.ctx, req.params.account_id, req.body.name)),
    });

    app.get('/accounts/:account_id/features', {
      config: { scope: 'settings:read', operator: 'any-account' },
      schema: {
        tags: TAGS,
        operationId: 'get_account_features',
        summary: 'Get Account Features',
        description: "The account's features, each on or off. Readable by the account's admins and by super admins.",
        params: AccountParamsSchema,
        response: { 200: FeaturesSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => getAccountFeatures(deps, req.params.account_id),
    });

    app.patch('/accounts/:account_id/features', {
      config: { scope: 'account:manage', operator: 'any-account' },
      schema: {
        tags: TAGS,
        operationId: 'patch_account_features',
        summary: 'Patch Account Features',
        description:
          'Switch features on (`true`) or off (`false`); features not named keep their state. A privilege of a ' +
          'feature switched off stays in custom roles but is held by nobody until the feature is on again. ' +
          'Super admins only.',
        params: AccountParamsSchema,
        body: PatchFeaturesBodySchema,
        response: { 200: FeaturesSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => setAccountFeatures(deps, req.ctx, req.params.account_id, req.body),
    });
  };
}
