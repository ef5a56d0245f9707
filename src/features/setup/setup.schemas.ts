import { Type, type Static } from 'typebox';
import { TimestampSchema } from '../../http/schemas.js';

export const SetupParamsSchema = Type.Object(
  { token: Type.String({ maxLength: 200, description: 'The token of the setup link Steward logged at start' }) },
  { additionalProperties: false },
);
export type SetupParams = Static<typeof SetupParamsSchema>;

export const SetupLinkSchema = Type.Object(
  { expires_at: TimestampSchema('When the link stops working (a restart logs a new one)') },
  { title: 'SetupLink' },
);

export const SetupBodySchema = Type.Object(
  {
    account_name: Type.String({ minLength: 1, maxLength: 200, description: 'The first account’s name' }),
    environment_names: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      minItems: 1,
      maxItems: 100,
      description: 'The environments to create in it, unique ignoring case, such as `["Production", "Staging"]`',
    }),
    admin_email: Type.String({ maxLength: 320, description: 'Your email: you become the account’s first admin' }),
    admin_name: Type.String({ minLength: 1, maxLength: 200, description: 'Your name' }),
    password: Type.String({
      maxLength: 1024,
      description: 'Your password: at least 12 characters, not your email nor a commonly used password',
    }),
  },
  { additionalProperties: false },
);
export type SetupBody = Static<typeof SetupBodySchema>;

export const SetupDoneSchema = Type.Object(
  {
    account_id: Type.String({ description: 'The new account' }),
    user_id: Type.String({ description: 'You, its first admin (a super admin)' }),
  },
  { title: 'SetupDone' },
);
