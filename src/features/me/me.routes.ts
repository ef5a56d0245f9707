import type { SignInThrottle } from '../sign-in-throttle/sign-in-throttle.service.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { sessionOf } from '../../http/auth.js';
import { sessionCookieOf } from '../../http/cookies.js';
import { errorResponses } from '../../http/schemas.js';
import { csrfTokenFor } from '../sessions/sessions.service.js';
import { Type } from 'typebox';
import { confirmEmailChange, EMAIL_CHANGE_LINK_HOURS, requestEmailChange } from './me.email.service.js';
import { getOnboarding, markMyOnboardingSteps, updateMe } from './me.profile.service.js';
import {
  ConfirmEmailBodySchema,
  EmailChangeBodySchema,
  fromPatchMeBody,
  MeSchema,
  OnboardingSchema,
  PatchMeBodySchema,
  PatchOnboardingBodySchema,
  toMeResponse,
  toOnboardingResponse,
} from './me.schemas.js';
import { getMe } from './me.service.js';

const TAGS = ['My settings'];

/** The signed-in person's own settings, under /v1/me. */
export function meRoutes(deps: Deps, throttle: SignInThrottle): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/me', {
      config: { auth: 'session', duringEnrolment: true, duringPasswordChange: true },
      schema: {
        tags: TAGS,
        operationId: 'get_me',
        summary: 'Who Am I',
        description: 'Your identity, your memberships, the account this session works in, and the CSRF token.',
        response: { 200: MeSchema, ...errorResponses(401, 403) },
      },
      handler: async (req) =>
        toMeResponse(await getMe(deps, sessionOf(req)), csrfTokenFor(deps, sessionCookieOf(req) ?? '')),
    });

    app.patch('/me', {
      config: { auth: 'session' },
      schema: {
        tags: TAGS,
        operationId: 'patch_me',
        summary: 'Change My Settings',
        description:
          'Change your name, time zone, preferences, or the account this session works in; omitted fields stay ' +
          'as they are. A new name also renames you in each account where your user name was your old name (a ' +
          'name an admin gave you in one account stays). `current_account_id` must be an account where you are ' +
          'an active member allowed to sign in the way this session did (404 otherwise). Answers like `GET /v1/me`.',
        body: PatchMeBodySchema,
        response: { 200: MeSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) =>
        toMeResponse(
          await updateMe(deps, req.ctx, sessionOf(req), fromPatchMeBody(req.body)),
          csrfTokenFor(deps, sessionCookieOf(req) ?? ''),
        ),
    });

    app.post('/me/email', {
      config: { auth: 'session' },
      schema: {
        tags: TAGS,
        operationId: 'request_email_change',
        summary: 'Change My Email',
        description:
          `Mails a single-use link, valid ${String(EMAIL_CHANGE_LINK_HOURS)} hour, to the new address (the console ` +
          'page `{PUBLIC_URL}/confirm-email/{token}`) and a notice to your current one; your email changes only ' +
          'when the link is opened. Needs your current password when you have one (422 when wrong). 409 when the ' +
          'address belongs to a user you can already see (an account where you hold `users:view`); for any other ' +
          'address the answer is 202 either way, so nobody learns from it who else signs in to Steward.',
        body: EmailChangeBodySchema,
        response: {
          202: Type.Null({ description: 'The link is on its way to the new address' }),
          ...errorResponses(401, 403, 409, 422, 429),
        },
      },
      handler: async (req, reply) => {
        await requestEmailChange(deps, throttle, req.ctx, sessionOf(req), {
          newEmail: req.body.new_email,
          currentPassword: req.body.current_password ?? null,
        });
        return reply.code(202).send(null);
      },
    });

    app.post('/me/email/confirm', {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'confirm_email_change',
        summary: 'Confirm My New Email',
        description:
          'Completes an email change with the token of the link mailed to the new address; it works from any ' +
          'browser, signed in or not. Your email changes everywhere at once: sign-in and your user in every ' +
          'account. 404 for an unknown token, 410 once used, replaced by a newer request or expired, 409 when ' +
          'the address was taken in the meantime (nothing changes, and the link is not used up).',
        body: ConfirmEmailBodySchema,
        response: { 204: Type.Null({ description: 'Your email has changed' }), ...errorResponses(404, 409, 410, 422) },
      },
      handler: async (req, reply) => {
        await confirmEmailChange(deps, req.ctx, req.body.token);
        return reply.code(204).send(null);
      },
    });

    app.get('/me/onboarding', {
      config: { auth: 'session' },
      schema: {
        tags: TAGS,
        operationId: 'get_my_onboarding',
        summary: 'Get My Onboarding',
        description:
          'Your onboarding steps in the account this session works in (403 when it works in none); ' +
          'switch accounts with `PATCH /v1/me`.',
        response: { 200: OnboardingSchema, ...errorResponses(401, 403) },
      },
      handler: async (req) => toOnboardingResponse(await getOnboarding(deps, sessionOf(req))),
    });

    app.patch('/me/onboarding', {
      config: { auth: 'session' },
      schema: {
        tags: TAGS,
        operationId: 'patch_my_onboarding',
        summary: 'Mark My Onboarding Steps',
        description:
          'Marks onboarding steps done (`true`) or not done (`false`) in the account this session works in. A step ' +
          'is named by its path, `group.step`; a step shaped `{status, update_time}` gets the time it was marked ' +
          'done. A path that names no step is a 422 and nothing changes.',
        body: PatchOnboardingBodySchema,
        response: { 200: OnboardingSchema, ...errorResponses(401, 403, 422) },
      },
      handler: async (req) =>
        toOnboardingResponse(await markMyOnboardingSteps(deps, req.ctx, sessionOf(req), req.body.steps)),
    });
  };
}
