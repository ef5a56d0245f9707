import { Type, type Static } from 'typebox';
import { toWireTimestamp } from '../../core/time.js';
import { IdSchema, Nullable } from '../../http/schemas.js';
import type { MePatch, Onboarding } from './me.profile.service.js';
import { LANDING_PAGES, NAME_MAX_LENGTH, preferencesOf } from './me.rules.js';
import type { MembershipSummary } from './me.store.js';
import type { Me } from './me.service.js';

const MembershipSchema = Type.Object(
  {
    account_id: Type.String(),
    account_name: Type.String(),
    is_admin: Type.Boolean(),
    is_active: Type.Boolean({ description: 'false: an admin deactivated you there' }),
    status: Type.Union([Type.Literal('invited'), Type.Literal('active')], {
      description: '`invited`: the invitation is not accepted yet',
    }),
  },
  { title: 'Membership' },
);

const LandingPage = Type.Enum(LANDING_PAGES, { description: 'The console page opened after signing in' });
const BetaFeatures = Type.Boolean({ description: 'Show console features that are still in beta' });

const PreferencesSchema = Type.Object(
  { landing_page: LandingPage, beta_features: BetaFeatures },
  { title: 'Preferences' },
);

export const MeSchema = Type.Object(
  {
    user_id: Type.String({ description: 'Your identity id: the same `user_id` in every account' }),
    email: Type.String(),
    name: Type.String(),
    is_super_admin: Type.Boolean(),
    time_zone: Type.String({ description: 'An IANA time zone name' }),
    preferences: PreferencesSchema,
    two_factor_enabled: Type.Boolean(),
    recovery_codes_left: Type.Integer({
      description: 'Unused two-factor recovery codes; turn two-factor authentication off and on again for new ones',
    }),
    must_enrol_two_factor: Type.Boolean({
      description: 'An account you work in requires 2FA and you have none: enrol before anything else',
    }),
    must_change_password: Type.Boolean({
      description:
        'Your password is older than an account you work in allows: change it at `POST /v1/me/password` ' +
        'before anything else',
    }),
    password_changed_at: Nullable(Type.String()),
    memberships: Type.Array(MembershipSchema),
    current_account: Nullable(MembershipSchema, { description: 'The account this session works in' }),
    account_privileges: Type.Array(Type.String(), {
      description: 'The account-wide privileges you hold in the current account (`users:manage`, …); empty without one',
    }),
    csrf_token: Type.String({
      description: 'Send it as the `X-CSRF-Token` header with every change made with this session cookie',
    }),
  },
  { title: 'Me' },
);
export type MeResponse = Static<typeof MeSchema>;

function toMembershipResponse(m: MembershipSummary) {
  return {
    account_id: m.accountId,
    account_name: m.accountName,
    is_admin: m.isAdmin,
    is_active: m.isActive,
    status: m.status,
  };
}

export function toMeResponse(me: Me, csrfToken: string): MeResponse {
  const { identity } = me;
  return {
    user_id: identity.id,
    email: identity.email,
    name: identity.name,
    is_super_admin: identity.isSuperAdmin,
    time_zone: identity.timeZone,
    preferences: toPreferencesResponse(identity.preferences),
    two_factor_enabled: identity.totpEnabledAt !== null,
    recovery_codes_left: me.recoveryCodesLeft,
    must_enrol_two_factor: me.mustEnrolTwoFactor,
    must_change_password: me.mustChangePassword,
    password_changed_at: identity.passwordChangedAt === null ? null : toWireTimestamp(identity.passwordChangedAt),
    memberships: me.memberships.map(toMembershipResponse),
    current_account: me.currentAccount === null ? null : toMembershipResponse(me.currentAccount),
    account_privileges: me.accountPrivileges,
    csrf_token: csrfToken,
  };
}

function toPreferencesResponse(stored: Record<string, unknown>): Static<typeof PreferencesSchema> {
  const preferences = preferencesOf(stored);
  return { landing_page: preferences.landingPage, beta_features: preferences.betaFeatures };
}

export const PatchMeBodySchema = Type.Object(
  {
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: NAME_MAX_LENGTH,
        description:
          'Your name (trimmed). Your user name in each account changes with it, unless an admin gave you another one there',
      }),
    ),
    time_zone: Type.Optional(
      Type.String({ maxLength: 64, description: 'An IANA time zone name, such as `Europe/Paris`, or `UTC`' }),
    ),
    preferences: Type.Optional(
      Type.Object(
        { landing_page: Type.Optional(LandingPage), beta_features: Type.Optional(BetaFeatures) },
        { additionalProperties: false, description: 'Omitted preferences stay as they are' },
      ),
    ),
    current_account_id: Type.Optional(
      IdSchema('The account this session works in from now on: one where you are an active member'),
    ),
  },
  { additionalProperties: false },
);
export type PatchMeBody = Static<typeof PatchMeBodySchema>;

export function fromPatchMeBody(body: PatchMeBody): MePatch {
  return {
    name: body.name,
    timeZone: body.time_zone,
    preferences:
      body.preferences === undefined
        ? undefined
        : { landingPage: body.preferences.landing_page, betaFeatures: body.preferences.beta_features },
    currentAccountId: body.current_account_id,
  };
}

export const EmailChangeBodySchema = Type.Object(
  {
    new_email: Type.String({ maxLength: 254, description: 'The address to sign in with from now on' }),
    current_password: Type.Optional(
      Type.String({
        maxLength: 1024,
        description: 'Your password; needed when you have one (not when you sign in only with Google or SSO)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type EmailChangeBody = Static<typeof EmailChangeBodySchema>;

export const ConfirmEmailBodySchema = Type.Object(
  { token: Type.String({ maxLength: 200, description: 'The token of the link mailed to the new address' }) },
  { additionalProperties: false },
);

export const OnboardingSchema = Type.Object(
  {
    account_id: Type.String({ description: 'The account this session works in' }),
    onboarding: Type.Record(Type.String(), Type.Unknown(), {
      description: 'Your onboarding steps there, in the shape of the Users API `onboarding` field',
    }),
  },
  { title: 'Onboarding' },
);

export const PatchOnboardingBodySchema = Type.Object(
  {
    steps: Type.Record(Type.String({ maxLength: 200 }), Type.Boolean(), {
      minProperties: 1,
      maxProperties: 50,
      description:
        'Steps by path `group.step` (e.g. `data_connections_step.onboarding_add_connection`): `true` marks it done, ' +
        '`false` not done',
    }),
  },
  { additionalProperties: false },
);

export function toOnboardingResponse(onboarding: Onboarding): Static<typeof OnboardingSchema> {
  return { account_id: onboarding.accountId, onboarding: onboarding.onboarding };
}
