import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { principalOf } from '../../http/auth.js';
import { pageEnvelope } from '../../http/pagination.js';
import { AccountParamsSchema, errorResponses } from '../../http/schemas.js';
import {
  ApiTokenListSchema,
  CreatedApiTokenSchema,
  CreateTokenBodySchema,
  ListTokensQuerySchema,
  RevokedTokenSchema,
  ScopeCatalogSchema,
  toApiTokenResponse,
  toScopeResponse,
  TokenParamsSchema,
} from './api-tokens.schemas.js';
import { SCOPES } from './api-tokens.scopes.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.js';
import type { TokenVerifier } from './api-tokens.verifier.js';

const TAGS = ['API tokens'];

/** The auth hook sets the principal on every scoped route; its absence would be a wiring bug, answered as 401. */
/**
 * Create, list and revoke API tokens, under /v1/accounts/:account_id. `verifier` is this
 * app's: a revocation drops its cached verdict at once.
 */
export function tokenRoutes(deps: Deps, verifier: TokenVerifier): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/tokens', {
      config: { scope: 'token:edit' },
      schema: {
        tags: TAGS,
        operationId: 'create_api_token',
        summary: 'Create API Token',
        description:
          'Create an API token owned by the caller. Its scopes must be ones the calling token holds, so a token ' +
          'never mints a more powerful one (403). The secret is in `token`, shown in this answer only. ' +
          'Whatever its scopes, a token never does more than its owner may do at the time of the call.',
        params: AccountParamsSchema,
        body: CreateTokenBodySchema,
        response: { 201: CreatedApiTokenSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
      handler: async (req, reply) => {
        const created = await createApiToken(deps, req.ctx, principalOf(req), {
          accountId: req.params.account_id,
          name: req.body.name,
          scopes: req.body.scopes,
          expiresAt: req.body.expires_at,
        });
        return reply.code(201).send({ ...toApiTokenResponse(created.record), token: created.token });
      },
    });

    app.get('/tokens', {
      config: { scope: 'token:list' },
      schema: {
        tags: TAGS,
        operationId: 'list_api_tokens',
        summary: 'List API Tokens',
        description:
          'List API tokens, newest first: the caller’s own, or every token of the account when the caller’s ' +
          'owner holds `tokens:manage` (admins do). Never the secrets.',
        params: AccountParamsSchema,
        querystring: ListTokensQuerySchema,
        response: { 200: ApiTokenListSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => {
        const { query } = req;
        const result = await listApiTokens(deps, principalOf(req), req.params.account_id, {
          page: query.page,
          itemsPerPage: query.items_per_page,
          ownerId: query.owner_id,
        });
        return {
          ...pageEnvelope(req, query.page, query.items_per_page, result.items.length, result.totalItems),
          account_id: req.params.account_id,
          items: result.items.map(toApiTokenResponse),
        };
      },
    });

    app.delete('/tokens/:token_id', {
      config: { scope: 'token:edit' },
      schema: {
        tags: TAGS,
        operationId: 'revoke_api_token',
        summary: 'Revoke API Token',
        description:
          'Revoke an API token: it stops working at once, on every server. The caller’s own tokens always; ' +
          'others’ only when the caller’s owner holds `tokens:manage` (otherwise 404, as if absent).',
        params: TokenParamsSchema,
        response: { 200: RevokedTokenSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => {
        await revokeApiToken(deps, verifier, req.ctx, principalOf(req), {
          accountId: req.params.account_id,
          tokenId: req.params.token_id,
        });
        return { account_id: req.params.account_id, token_id: req.params.token_id, deleted: true };
      },
    });
  };
}

/** The scope catalog, under /v1. */
export function scopeRoutes(): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/scopes', {
      config: { scope: 'account:read' },
      schema: {
        tags: TAGS,
        operationId: 'list_scopes',
        summary: 'List Scopes',
        description:
          'The scopes an API token may be given. A scope with a `privilege` works only while the token’s owner ' +
          'holds that privilege; an `operator` scope only for super admins’ tokens.',
        response: { 200: ScopeCatalogSchema, ...errorResponses(401, 403) },
      },
      handler: async () => ({ items: SCOPES.map(toScopeResponse) }),
    });
  };
}
