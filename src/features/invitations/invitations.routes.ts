import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { toWireTimestamp } from '../../core/time.js';
import type { Deps } from '../../deps.js';
import { setSessionCookie } from '../../http/cookies.js';
import { errorResponses, Nullable, TimestampSchema } from '../../http/schemas.js';
import { acceptInvitation, lookUpInvitation } from './invitations.service.js';

const TAGS = ['Sign-in'];

const TokenParamsSchema = Type.Object(
  { token: Type.String({ maxLength: 200, description: 'The token of the invitation link' }) },
  { additionalProperties: false },
);

const InvitationSchema = Type.Object(
  {
    account_name: Type.String(),
    email: Type.String({ description: 'The email invited' }),
    invited_by_name: Nullable(Type.String(), { description: 'Who invited; null when Steward did (bootstrap, SCIM)' }),
    expires_at: TimestampSchema('When the link stops working'),
    needs_password: Type.Boolean({
      description: 'true: choose a password to accept; false: you have one already, enter it to accept',
    }),
  },
  { title: 'Invitation' },
);

const AcceptBodySchema = Type.Object(
  {
    user_name: Type.String({ minLength: 1, maxLength: 200, description: 'Your name, as the account will show it' }),
    password: Type.Optional(
      Type.String({
        maxLength: 1024,
        description:
          'A new password when `needs_password` is true (checked against the password policy); ' +
          'otherwise your current one',
      }),
    ),
  },
  { additionalProperties: false },
);

const AcceptedSchema = Type.Object(
  {
    account_id: Type.String(),
    user_id: Type.String(),
    signed_in: Type.Boolean({
      description: 'Whether a session cookie was set; false when the membership allows only Google or SSO sign-in',
    }),
  },
  { title: 'AcceptedInvitation' },
);

/** The invitation link's page, under /v1/invitations: no credentials, the link's token is the key. */
export function invitationRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/invitations/:token', {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'get_invitation',
        summary: 'Look Up An Invitation',
        description: 'What an invitation link is for. 410 when it was accepted, replaced by a newer one, or expired.',
        params: TokenParamsSchema,
        response: { 200: InvitationSchema, ...errorResponses(404, 410, 422) },
      },
      handler: async (req) => {
        const invitation = await lookUpInvitation(deps, req.params.token);
        return {
          account_name: invitation.accountName,
          email: invitation.email,
          invited_by_name: invitation.invitedByName,
          expires_at: toWireTimestamp(invitation.expiresAt),
          needs_password: invitation.needsPassword,
        };
      },
    });

    app.post('/invitations/:token/accept', {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'accept_invitation',
        summary: 'Accept An Invitation',
        description:
          'Makes the membership active and signs you in (session cookie). Works once; 410 afterwards, and for ' +
          'a replaced or expired link. A password that breaks the policy gets a 422 naming every rule broken.',
        params: TokenParamsSchema,
        body: AcceptBodySchema,
        response: { 200: AcceptedSchema, ...errorResponses(404, 410, 422, 429) },
      },
      handler: async (req, reply) => {
        const accepted = await acceptInvitation(deps, req.ctx, req.params.token, {
          userName: req.body.user_name,
          password: req.body.password ?? null,
          userAgent: req.headers['user-agent'] ?? null,
        });
        if (accepted.sessionToken !== null) setSessionCookie(reply, deps.config, accepted.sessionToken);
        return { account_id: accepted.accountId, user_id: accepted.userId, signed_in: accepted.sessionToken !== null };
      },
    });
  };
}
