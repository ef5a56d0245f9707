import { Type } from 'typebox';

export const GoogleStartQuerySchema = Type.Object(
  {
    return_to: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'A path of the console to land on once signed in, such as `/accounts`; other sites are refused',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * What the provider sends back. Google adds parameters of its own (`authuser`, `hd`, `prompt`,
 * `scope`) and may add more, so unknown ones are allowed here: refusing them would break
 * sign-in, and openid-client checks the ones that matter.
 */
export const GoogleCallbackQuerySchema = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 4096, description: 'The authorization code' })),
    state: Type.Optional(Type.String({ maxLength: 512, description: 'Echoes the state Steward sent' })),
    iss: Type.Optional(Type.String({ maxLength: 2048, description: 'The issuer that answers (RFC 9207)' })),
    error: Type.Optional(Type.String({ maxLength: 256, description: 'Set when the provider refused' })),
    error_description: Type.Optional(Type.String({ maxLength: 4096 })),
  },
  { additionalProperties: true },
);

export const SignInMethodsSchema = Type.Object(
  {
    password: Type.Boolean({ description: 'Email and password: always offered' }),
    google: Type.Boolean({
      description: 'Sign in with Google: offered when this server has a Google OAuth client configured',
    }),
  },
  { title: 'SignInMethods' },
);

export const RedirectSchema = (description: string) =>
  Type.Null({ description: `Redirect (\`Location\`): ${description}` });
