import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.js';
import { sessionOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { requestPasswordReset, resetPassword } from './passwords.reset.service.js';
import {
  ChangePasswordBodySchema,
  ForgotPasswordAcceptedSchema,
  ForgotPasswordBodySchema,
  RESET_REQUESTED,
  ResetPasswordBodySchema,
} from './passwords.schemas.js';
import type { SignInThrottle } from '../sign-in-throttle/sign-in-throttle.service.js';
import { changePassword } from './passwords.service.js';

/** Changing a password (signed in), and resetting a forgotten one by mail (no credentials). */
export function passwordRoutes(deps: Deps, throttle: SignInThrottle): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/me/password', {
      // Open while a password change or 2FA enrolment is due: the first is what it is for, and
      // without the second a person owing both could do neither.
      config: { auth: 'session', duringPasswordChange: true, duringEnrolment: true },
      schema: {
        tags: ['My settings'],
        operationId: 'change_my_password',
        summary: 'Change My Password',
        description:
          'Needs your current password (422 at `current_password` when it is wrong; wrong ones count like failed ' +
          'sign-ins, and 429 answers while your email is locked); the new one must meet the ' +
          'password policy of every account you are in, and a 422 names every rule it breaks. Every other ' +
          'session of yours ends; this one stays. Recorded in the audit log of each account you are active in.',
        body: ChangePasswordBodySchema,
        response: { 204: Type.Null({ description: 'Changed' }), ...errorResponses(401, 403, 422, 429) },
      },
      handler: async (req, reply) => {
        const session = sessionOf(req);
        await changePassword(deps, throttle, req.ctx, {
          identityId: session.identityId,
          email: session.email,
          sessionId: session.id,
          currentPassword: req.body.current_password,
          newPassword: req.body.new_password,
        });
        return reply.code(204).send(null);
      },
    });

    app.post('/auth/password/forgot', {
      config: { auth: 'public' },
      schema: {
        tags: ['Sign-in'],
        operationId: 'forgot_password',
        summary: 'Forgot Password',
        description:
          'Mails a link to `{PUBLIC_URL}/reset-password/{token}` that resets the password once, within 1 hour; ' +
          'asking again ends the links sent before. Always 202 with the same body, after about the same work, ' +
          'so the answer never tells whether the email has an identity.',
        body: ForgotPasswordBodySchema,
        response: { 202: ForgotPasswordAcceptedSchema, ...errorResponses(422, 429) },
      },
      handler: async (req, reply) => {
        await requestPasswordReset(deps, req.body.email);
        return reply.code(202).send({ detail: RESET_REQUESTED });
      },
    });

    app.post('/auth/password/reset', {
      config: { auth: 'public' },
      schema: {
        tags: ['Sign-in'],
        operationId: 'reset_password',
        summary: 'Reset Password',
        description:
          'Sets a new password with the token of a reset link, checked like any new password (422 naming every ' +
          'rule broken; the link stays usable then). Signs the person out everywhere. 404 for a token no link ' +
          'has; 410 for a link already used, replaced by a newer request, or older than 1 hour.',
        body: ResetPasswordBodySchema,
        response: { 204: Type.Null({ description: 'Password set' }), ...errorResponses(404, 410, 422, 429) },
      },
      handler: async (req, reply) => {
        await resetPassword(deps, req.ctx, { token: req.body.token, password: req.body.password });
        return reply.code(204).send(null);
      },
    });
  };
}
