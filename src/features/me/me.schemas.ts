import { Type, type Static } from 'typebox';
import { toWireTimestamp } from '../../core/time.js';
import { Nullable } from '../../http/schemas.js';
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

export const MeSchema = Type.Object(
  {
    user_id: Type.String({ description: 'Your identity id: the same `user_id` in every account' }),
    email: Type.String(),
    name: Type.String(),
    is_super_admin: Type.Boolean(),
    time_zone: Type.String({ description: 'An IANA time zone name' }),
    preferences: Type.Record(Type.String(), Type.Unknown()),
    two_factor_enabled: Type.Boolean(),
    must_enrol_two_factor: Type.Boolean({
      description: 'An account you work in requires 2FA and you have none: enrol before anything else',
    }),
    password_changed_at: Nullable(Type.String()),
    memberships: Type.Array(MembershipSchema),
    current_account: Nullable(MembershipSchema, { description: 'The account this session works in' }),
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
    preferences: identity.preferences,
    two_factor_enabled: identity.totpEnabledAt !== null,
    must_enrol_two_factor: me.mustEnrolTwoFactor,
    password_changed_at: identity.passwordChangedAt === null ? null : toWireTimestamp(identity.passwordChangedAt),
    memberships: me.memberships.map(toMembershipResponse),
    current_account: me.currentAccount === null ? null : toMembershipResponse(me.currentAccount),
    csrf_token: csrfToken,
  };
}
