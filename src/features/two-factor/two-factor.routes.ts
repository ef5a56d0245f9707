import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.js';
import { sessionOf } from '../../http/auth.js';
import { pendingCookieOf } from '../../http/cookies.js';
import { errorResponses } from '../../http/schemas.js';
import { answerSignIn } from '../auth/auth.routes.js';
import { SignInResultSchema } from '../auth/auth.schemas.js';
import type { SignInThrottle } from '../sign-in-throttle/sign-in-throttle.service.js';
import {
  ConfirmBodySchema,
  DisableBodySchema,
  EnrolmentSchema,
  RecoveryCodesSchema,
  SecondFactorBodySchema,
  toEnrolmentResponse,
} from './two-factor.schemas.js';
import { confirmEnrolment, disableTwoFactor, startEnrolment, verifySecondFactor } from './two-factor.service.js';

const TAGS = ['Two-factor authentication'];

/** Enrolment in two-factor authentication under /v1/me, and the second step of signing in under /v1/auth. */
export function twoFactorRoutes(deps: Deps, throttle: SignInThrottle): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/me/two-factor', {
      config: { auth: 'session', duringEnrolment: true },
      schema: {
        tags: TAGS,
        operationId: 'start_two_factor_enrolment',
        summary: 'Start Two-Factor Enrolment',
        description:
          'Creates a new TOTP secret for your authenticator app (scan `qr_svg` or type `secret`). It is not in ' +
          'force until `POST /v1/me/two-factor/confirm` receives a first code; calling this again before that ' +
          'replaces it. 409 when two-factor authentication is already on.',
        response: { 200: EnrolmentSchema, ...errorResponses(401, 403, 409) },
      },
      handler: async (req) => toEnrolmentResponse(await startEnrolment(deps, req.ctx, sessionOf(req))),
    });

    app.post('/me/two-factor/confirm', {
      config: { auth: 'session', duringEnrolment: true },
      schema: {
        tags: TAGS,
        operationId: 'confirm_two_factor',
        summary: 'Confirm Two-Factor Enrolment',
        description:
          'Turns two-factor authentication on with a first code from the app, and answers ten single-use ' +
          'recovery codes, shown only this once. A wrong code is a 422 at `body.code`; 409 without an ' +
          'enrolment started, or when it is already on.',
        body: ConfirmBodySchema,
        response: { 200: RecoveryCodesSchema, ...errorResponses(401, 403, 409, 422) },
      },
      handler: async (req) => ({
        recovery_codes: await confirmEnrolment(deps, req.ctx, sessionOf(req), req.body.code),
      }),
    });

    app.delete('/me/two-factor', {
      config: { auth: 'session', duringEnrolment: true },
      schema: {
        tags: TAGS,
        operationId: 'disable_two_factor',
        summary: 'Turn Two-Factor Authentication Off',
        description:
          'Needs a code from the app or an unused recovery code (422 at `body.code` otherwise); deletes the ' +
          'secret and the recovery codes. 409 when it is not on, or while an account you are an active ' +
          'member of requires it.',
        body: DisableBodySchema,
        response: { 204: Type.Null({ description: 'Turned off' }), ...errorResponses(401, 403, 409, 422) },
      },
      handler: async (req, reply) => {
        await disableTwoFactor(deps, req.ctx, sessionOf(req), req.body.code);
        return reply.code(204).send(null);
      },
    });

    app.post('/auth/login/second-factor', {
      config: { auth: 'public' },
      schema: {
        tags: ['Sign-in'],
        operationId: 'login_second_factor',
        summary: 'Sign In: Second Step',
        description:
          'Completes a sign-in that answered `{"second_factor_required": true}`: send, with its pending cookie ' +
          '(valid 5 minutes), either `code` from your authenticator app or `recovery_code`, not both (422). ' +
          'Each code works once. Sets the session cookie. 401 without a pending sign-in, and for a wrong ' +
          'code (the pending sign-in stays open for another try). Wrong codes count with wrong passwords: after ' +
          'too many, 429 with `Retry-After` until the lock ends; also 429 when this address sends too many requests.',
        body: SecondFactorBodySchema,
        response: { 200: SignInResultSchema, ...errorResponses(401, 422, 429) },
      },
      handler: async (req, reply) => {
        const result = await verifySecondFactor(deps, throttle, req.ctx, {
          pendingToken: pendingCookieOf(req),
          code: req.body.code,
          recoveryCode: req.body.recovery_code,
          userAgent: req.headers['user-agent'] ?? null,
        });
        return answerSignIn(deps, reply, result);
      },
    });
  };
}
