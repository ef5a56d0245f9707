import { Type } from 'typebox';

export const LoginBodySchema = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 320, description: 'The email you were invited with' }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const SignInResultSchema = Type.Object(
  {
    second_factor_required: Type.Boolean({
      description:
        'true: the password was right and two-factor authentication is on; send a code to ' +
        '`POST /v1/auth/login/second-factor` within 5 minutes (a short-lived pending cookie is set). ' +
        'false: signed in, the session cookie is set',
    }),
    user_id: Type.Optional(Type.String({ description: 'Your identity id (once signed in)' })),
    account_id: Type.Optional(Type.String({ description: 'The account the session works in (once signed in)' })),
  },
  { title: 'SignInResult' },
);
