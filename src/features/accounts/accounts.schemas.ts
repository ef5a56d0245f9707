import { Type, type Static } from 'typebox';
import { TimestampSchema } from '../../http/schemas.js';
import { toWireTimestamp } from '../../core/time.js';
import { ID_PATTERN } from '../../core/ids.js';
import type { Feature } from '../roles/roles.catalog.js';
import { ACCOUNT_NAME_MAX, toFeatureFlags } from './accounts.rules.js';
import type { AccountView } from './accounts.service.js';

const FEATURE_DESCRIPTIONS = {
  advanced_environment_access: 'Advanced Environment access: who may enter each environment (adds two privileges)',
  data_collection: 'Data collection',
  rss_feeds: 'RSS feeds',
  api_metrics: 'API metrics',
} as const satisfies Record<Feature, string>;

const AccountNameSchema = Type.String({
  minLength: 1,
  maxLength: ACCOUNT_NAME_MAX,
  description: 'The account name; surrounding spaces are dropped',
});

export const AccountParamsSchema = Type.Object(
  { account_id: Type.String({ pattern: ID_PATTERN, description: 'The account id' }) },
  { additionalProperties: false },
);

export const FeaturesSchema = Type.Object(
  {
    advanced_environment_access: Type.Boolean({ description: FEATURE_DESCRIPTIONS.advanced_environment_access }),
    data_collection: Type.Boolean({ description: FEATURE_DESCRIPTIONS.data_collection }),
    rss_feeds: Type.Boolean({ description: FEATURE_DESCRIPTIONS.rss_feeds }),
    api_metrics: Type.Boolean({ description: FEATURE_DESCRIPTIONS.api_metrics }),
  },
  { title: 'AccountFeatures', description: 'Every feature of the catalog: switched on or off' },
);

export const PatchFeaturesBodySchema = Type.Object(
  {
    advanced_environment_access: Type.Optional(
      Type.Boolean({ description: FEATURE_DESCRIPTIONS.advanced_environment_access }),
    ),
    data_collection: Type.Optional(Type.Boolean({ description: FEATURE_DESCRIPTIONS.data_collection })),
    rss_feeds: Type.Optional(Type.Boolean({ description: FEATURE_DESCRIPTIONS.rss_feeds })),
    api_metrics: Type.Optional(Type.Boolean({ description: FEATURE_DESCRIPTIONS.api_metrics })),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'The features to switch: `true` on, `false` off; features not named keep their state',
  },
);
export type PatchFeaturesBody = Static<typeof PatchFeaturesBodySchema>;

const accountFields = {
  account_id: Type.String({ description: 'The account id' }),
  name: Type.String({ description: 'The account name' }),
  features: FeaturesSchema,
  environments: Type.Array(
    Type.Object({
      environment_id: Type.String({ description: 'The environment id' }),
      name: Type.String({ description: 'The environment name' }),
    }),
    { description: 'The account’s environments, by name ignoring case' },
  ),
  created_at: TimestampSchema('When the account was created'),
  updated_at: TimestampSchema('When the account last changed'),
};

export const AccountSchema = Type.Object(accountFields, { title: 'Account' });
export type AccountResponse = Static<typeof AccountSchema>;

export const CreatedAccountSchema = Type.Object(
  {
    ...accountFields,
    admin_user_id: Type.Union([Type.String(), Type.Null()], {
      description: 'The invited first admin’s user id; `null` when no `admin_email` was given',
    }),
  },
  { title: 'CreatedAccount' },
);

export const ListAccountsQuerySchema = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 1_000_000_000, default: 1 }),
    items_per_page: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  },
  { additionalProperties: false },
);

export const AccountListSchema = Type.Object(
  {
    next_page: Type.Union([Type.String(), Type.Null()], { description: 'The next page URL' }),
    previous_page: Type.Union([Type.String(), Type.Null()], { description: 'The previous page URL' }),
    page: Type.Integer({ description: 'The page number' }),
    current_page_size: Type.Integer({ description: 'The current page size' }),
    total_items: Type.Integer({ description: 'The total number of accounts listed' }),
    items: Type.Array(AccountSchema),
  },
  { title: 'AccountList' },
);

export const CreateAccountBodySchema = Type.Object(
  {
    name: AccountNameSchema,
    environments: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        minItems: 1,
        maxItems: 100,
        description: 'The environments to create, unique ignoring case; default `["Production"]`',
      }),
    ),
    admin_email: Type.Optional(
      Type.String({ maxLength: 320, description: 'Invited as the account’s first admin (an invitation mail)' }),
    ),
    admin_name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'The first admin’s name; only with `admin_email`; default: the address before the @',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RenameAccountBodySchema = Type.Object({ name: AccountNameSchema }, { additionalProperties: false });

export function toAccountResponse(view: AccountView): AccountResponse {
  const { account } = view;
  return {
    account_id: account.id,
    name: account.name,
    features: toFeatureFlags(account.features),
    environments: view.environments.map((env) => ({ environment_id: env.id, name: env.name })),
    created_at: toWireTimestamp(account.createdAt),
    updated_at: toWireTimestamp(account.updatedAt),
  };
}
