import { Type, type Static } from 'typebox';
import type { Enrolment } from './two-factor.service.js';

const TotpCode = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });

export const EnrolmentSchema = Type.Object(
  {
    secret: Type.String({ description: 'The new secret in base32, for an app that cannot scan the QR code' }),
    otpauth_uri: Type.String({
      description: '`otpauth://totp/…` (SHA1, 6 digits, 30 seconds, issuer Steward); the QR code holds it',
    }),
    qr_svg: Type.String({ description: 'The QR code of `otpauth_uri`, as an SVG document' }),
  },
  { title: 'TwoFactorEnrolment' },
);
export type EnrolmentResponse = Static<typeof EnrolmentSchema>;

export const ConfirmBodySchema = Type.Object(
  { code: TotpCode('The 6-digit code your authenticator app shows for the new secret') },
  { additionalProperties: false },
);

export const RecoveryCodesSchema = Type.Object(
  {
    recovery_codes: Type.Array(Type.String(), {
      minItems: 10,
      maxItems: 10,
      description:
        'Ten single-use codes (`xxxxx-xxxxx`) for when the authenticator app is lost. Shown only now: keep them safe',
    }),
  },
  { title: 'RecoveryCodes' },
);

export const DisableBodySchema = Type.Object(
  { code: TotpCode('A code from your authenticator app, or one of your unused recovery codes') },
  { additionalProperties: false },
);

export const SecondFactorBodySchema = Type.Object(
  {
    code: Type.Optional(TotpCode('The 6-digit code your authenticator app shows')),
    recovery_code: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'One of your unused recovery codes, instead of `code` (case, spaces and dashes do not matter)',
      }),
    ),
  },
  { additionalProperties: false },
);

export function toEnrolmentResponse(enrolment: Enrolment): EnrolmentResponse {
  return { secret: enrolment.secret, otpauth_uri: enrolment.otpauthUri, qr_svg: enrolment.qrSvg };
}
