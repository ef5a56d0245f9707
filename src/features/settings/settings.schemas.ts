import { Type, type Static } from 'typebox';
import { toWireTimestampOrNull } from '../../core/time.js';
import { TRUSTED_IPS_MAX } from './settings.rules.js';
import type { SecuritySettings, SecuritySettingsPatch } from './settings.service.js';

export const SettingsParamsSchema = Type.Object(
  { account_id: Type.String({ description: 'The account id' }) },
  { additionalProperties: false },
);

const IdleTimeout = Type.Integer({
  minimum: 5,
  maximum: 43_200,
  description: 'Minutes without a request after which a signed-in session ends (5 to 43,200; default 60)',
});
const MaxSessions = Type.Integer({
  minimum: 1,
  maximum: 100,
  description:
    'How many sessions one person may have at once; signing in once more ends the oldest (1 to 100; default 10)',
});
const RequireTwoFactor = Type.Boolean({
  description: 'Members without two-factor authentication must enrol before they can do anything else',
});
const MinLength = Type.Integer({
  minimum: 8,
  maximum: 64,
  description: 'Shortest password accepted, in characters (8 to 64; default 12)',
});
const CharacterClasses = Type.Integer({
  minimum: 0,
  maximum: 4,
  description:
    'How many of the four character classes (lower case, upper case, digits, symbols) a password must mix; ' +
    '0 (the default): no such rule',
});
const HistoryCount = Type.Integer({
  minimum: 0,
  maximum: 24,
  description: 'How many earlier passwords may not be used again; 0 (the default): no such rule',
});
const MaxAgeDays = Type.Union([Type.Integer({ minimum: 1, maximum: 3650 }), Type.Null()], {
  description: 'Days after which a password must be changed; null (the default): never',
});

const TRUSTED_IPS_DESCRIPTION =
  'IPv4/IPv6 addresses and CIDR ranges API tokens are accepted from; empty: from anywhere';

export const SecuritySettingsSchema = Type.Object(
  {
    idle_timeout_minutes: IdleTimeout,
    max_sessions_per_user: MaxSessions,
    require_two_factor: RequireTwoFactor,
    password_policy: Type.Object(
      {
        min_length: MinLength,
        character_classes: CharacterClasses,
        history_count: HistoryCount,
        max_age_days: MaxAgeDays,
      },
      { title: 'PasswordPolicy' },
    ),
    trusted_ips: Type.Array(Type.String(), { description: TRUSTED_IPS_DESCRIPTION }),
    updated_at: Type.Union([Type.String(), Type.Null()], {
      description: 'When the settings last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null: never, defaults apply',
    }),
  },
  { title: 'SecuritySettings' },
);
export type SecuritySettingsResponse = Static<typeof SecuritySettingsSchema>;

export const PatchSecuritySettingsBodySchema = Type.Object(
  {
    idle_timeout_minutes: Type.Optional(IdleTimeout),
    max_sessions_per_user: Type.Optional(MaxSessions),
    require_two_factor: Type.Optional(RequireTwoFactor),
    password_policy: Type.Optional(
      Type.Object(
        {
          min_length: Type.Optional(MinLength),
          character_classes: Type.Optional(CharacterClasses),
          history_count: Type.Optional(HistoryCount),
          max_age_days: Type.Optional(MaxAgeDays),
        },
        { additionalProperties: false, description: 'Only the rules given change' },
      ),
    ),
    trusted_ips: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        maxItems: TRUSTED_IPS_MAX,
        description:
          'Replaces the list: addresses (`203.0.113.7`, `2001:db8::1`) and CIDR ranges (`203.0.113.0/24`). ' +
          'It must include the address of the request making the change. An empty list accepts tokens from anywhere',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PatchSecuritySettingsBody = Static<typeof PatchSecuritySettingsBodySchema>;

export function toSecuritySettingsResponse(settings: SecuritySettings): SecuritySettingsResponse {
  const policy = settings.passwordPolicy;
  return {
    idle_timeout_minutes: settings.idleTimeoutMinutes,
    max_sessions_per_user: settings.maxSessionsPerUser,
    require_two_factor: settings.requireTwoFactor,
    password_policy: {
      min_length: policy.minLength,
      character_classes: policy.characterClasses,
      history_count: policy.historyCount,
      max_age_days: policy.maxAgeDays,
    },
    trusted_ips: settings.trustedIps,
    updated_at: toWireTimestampOrNull(settings.updatedAt),
  };
}

/** The service's patch from the request body: only the fields given. */
export function fromPatchBody(body: PatchSecuritySettingsBody): SecuritySettingsPatch {
  const policy = body.password_policy;
  return {
    ...(body.idle_timeout_minutes === undefined ? {} : { idleTimeoutMinutes: body.idle_timeout_minutes }),
    ...(body.max_sessions_per_user === undefined ? {} : { maxSessionsPerUser: body.max_sessions_per_user }),
    ...(body.require_two_factor === undefined ? {} : { requireTwoFactor: body.require_two_factor }),
    ...(body.trusted_ips === undefined ? {} : { trustedIps: body.trusted_ips }),
    ...(policy === undefined
      ? {}
      : {
          passwordPolicy: {
            ...(policy.min_length === undefined ? {} : { minLength: policy.min_length }),
            ...(policy.character_classes === undefined ? {} : { characterClasses: policy.character_classes }),
            ...(policy.history_count === undefined ? {} : { historyCount: policy.history_count }),
            ...(policy.max_age_days === undefined ? {} : { maxAgeDays: policy.max_age_days }),
          },
        }),
  };
}
