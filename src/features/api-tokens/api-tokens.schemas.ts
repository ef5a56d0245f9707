import { Type, type Static } from 'typebox';
import { IdSchema, Nullable, TimestampSchema } from '../../http/schemas.js';
import { ID_PATTERN } from '../../core/ids.js';
import { toWireTimestamp, toWireTimestampOrNull } from '../../core/time.js';
import type { Scope } from './api-tokens.scopes.js';
import type { ApiTokenRecord } from './api-tokens.store.js';

/** The longest name a token may have, counted after trimming. */
export const TOKEN_NAME_MAX = 100;

export const ScopeCatalogSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          key: Type.String({ description: 'The scope, as given in `scopes` when creating a token' }),
          description: Type.String(),
          privilege: Nullable(Type.String(), {
            description: 'The account privilege the token’s owner must hold for the scope to work; null: any member',
          }),
          operator: Type.Boolean({ description: 'Only super admins’ tokens may use it' }),
        },
        { title: 'Scope' },
      ),
    ),
  },
  { title: 'ScopeCatalog' },
);

export const TokenParamsSchema = Type.Object(
  {
    account_id: Type.String({ description: 'The account id' }),
    token_id: Type.String({ pattern: ID_PATTERN, description: 'The API token id' }),
  },
  { additionalProperties: false },
);

export const CreateTokenBodySchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: TOKEN_NAME_MAX,
      description: 'A name for the token, unique in the account (case-insensitively); spaces around it are dropped',
    }),
    scopes: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      minItems: 1,
      maxItems: 100,
      description: 'Scopes from `GET /v1/scopes`; each must be held by the token making this call',
    }),
    expires_at: Type.Optional(
      Type.String({
        maxLength: 40,
        description:
          'When the token stops working: an ISO 8601 date-time in the future (UTC when it has no zone). Omitted: never',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateTokenBody = Static<typeof CreateTokenBodySchema>;

const tokenFields = {
  token_id: Type.String({ description: 'The API token id' }),
  name: Type.String({ description: 'The token name' }),
  owner_id: Type.String({ description: 'The user the token acts for' }),
  owner_email: Type.String({ description: 'The email of the token’s owner' }),
  scopes: Type.Array(Type.String(), { description: 'What the token may do, within what its owner may do' }),
  created_at: TimestampSchema('When the token was created'),
  expires_at: Nullable(TimestampSchema('When the token stops working'), { description: 'null: never' }),
  last_used_at: Nullable(TimestampSchema('When the token was last used'), {
    description: 'Recorded once a minute at most; null: never used',
  }),
  last_used_ip: Nullable(Type.String(), { description: 'The address the token was last used from' }),
};

export const ApiTokenSchema = Type.Object(tokenFields, { title: 'ApiToken' });
export type ApiTokenResponse = Static<typeof ApiTokenSchema>;

export const CreatedApiTokenSchema = Type.Object(
  {
    ...tokenFields,
    token: Type.String({ description: 'The secret, shown this once: Steward keeps only a hash of it' }),
  },
  { title: 'CreatedApiToken' },
);

export const ListTokensQuerySchema = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 1_000_000_000, default: 1 }),
    items_per_page: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
    owner_id: Type.Optional(
      IdSchema('Only the tokens this user owns; a caller without `tokens:manage` sees only their own anyway'),
    ),
  },
  { additionalProperties: false },
);

export const ApiTokenListSchema = Type.Object(
  {
    next_page: Nullable(Type.String(), { description: 'The next page URL' }),
    previous_page: Nullable(Type.String(), { description: 'The previous page URL' }),
    page: Type.Integer({ description: 'The page number' }),
    current_page_size: Type.Integer({ description: 'The current page size' }),
    total_items: Type.Integer({ description: 'How many tokens the caller may see in all' }),
    account_id: Type.String({ description: 'The account id' }),
    items: Type.Array(ApiTokenSchema, { description: 'Newest first' }),
  },
  { title: 'ApiTokenList' },
);

export const RevokedTokenSchema = Type.Object(
  {
    account_id: Type.String(),
    token_id: Type.String(),
    deleted: Type.Boolean({ description: 'Always true: the token no longer works, on any server' }),
  },
  { title: 'RevokedApiToken' },
);

export function toScopeResponse(scope: Scope): Static<typeof ScopeCatalogSchema>['items'][number] {
  return { key: scope.key, description: scope.description, privilege: scope.privilege, operator: scope.operator };
}

export function toApiTokenResponse(token: ApiTokenRecord): ApiTokenResponse {
  return {
    token_id: token.tokenId,
    name: token.name,
    owner_id: token.ownerId,
    owner_email: token.ownerEmail,
    scopes: token.scopes,
    created_at: toWireTimestamp(token.createdAt),
    expires_at: toWireTimestampOrNull(token.expiresAt),
    last_used_at: toWireTimestampOrNull(token.lastUsedAt),
    last_used_ip: token.lastUsedIp,
  };
}
