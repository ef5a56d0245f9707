import { Type, type Static } from 'typebox';
import { toWireTimestampOrNull } from '../../core/time.js';
import { TRUSTED_IPS_MAX } from './settings.rules.js';
import type { SecuritySettings } from './settings.service.js';

export const SettingsParamsSchema = Type.Object(
  { account_id: Type.String({ description: 'The account id' }) },
  { additionalProperties: false },
);

export const SecuritySettingsSchema = Type.Object(
  {
    trusted_ips: Type.Array(Type.String(), {
      description: 'IPv4/IPv6 addresses and CIDR ranges API tokens are accepted from; empty: from anywhere',
    }),
    updated_at: Type.Union([Type.String(), Type.Null()], {
      description: 'When the settings last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null: never, defaults apply',
    }),
  },
  { title: 'SecuritySettings' },
);
export type SecuritySettingsResponse = Static<typeof SecuritySettingsSchema>;

export const PatchSecuritySettingsBodySchema = Type.Object(
  {
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
  return { trusted_ips: settings.trustedIps, updated_at: toWireTimestampOrNull(settings.updatedAt) };
}
