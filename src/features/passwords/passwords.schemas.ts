import { Type } from 'typebox';
import { PASSWORD_MAX_LENGTH } from './passwords.rules.js';

// Longer than any password accepted, so an over-long one is named by the policy's 422 like the other rules.
const PASSWORD_FIELD_MAX = 1024;

const NewPassword = (description: string) =>
  Type.String({
    maxLength: PASSWORD_FIELD_MAX,
    description:
      `${description}: at least 12 characters (or the longer minimum of an account you are in), at most ` +
      `${String(PASSWORD_MAX_LENGTH)}, any characters; not your email nor a commonly used password, plus any ` +
      'stricter rule of your accounts (see `password_policy` in the security settings)',
  });

export const ChangePasswordBodySchema = Type.Object(
  {
    current_password: Type.String({ maxLength: PASSWORD_FIELD_MAX, description: 'Your password now' }),
    new_password: NewPassword('The password to use from now on'),
  },
  { additionalProperties: false },
);

export const ForgotPasswordBodySchema = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 320, description: 'The email you sign in with' }) },
  { additionalProperties: false },
);

export const ForgotPasswordAcceptedSchema = Type.Object(
  { detail: Type.String({ description: 'The same words whether or not the email has an identity' }) },
  { title: 'PasswordResetRequested' },
);

export const ResetPasswordBodySchema = Type.Object(
  {
    token: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The token of the mailed link (after `/reset-password/`)',
    }),
    password: NewPassword('Your new password'),
  },
  { additionalProperties: false },
);

/** What `POST /v1/auth/password/forgot` always answers. */
export const RESET_REQUESTED =
  'If this email belongs to a Steward identity, a link to reset its password is on its way; it works once, for 1 hour';
