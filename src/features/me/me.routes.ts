import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { sessionOf } from '../../http/auth.js';
import { sessionCookieOf } from '../../http/cookies.js';
import { errorResponses } from '../../http/schemas.js';
import { csrfTokenFor } from '../sessions/sessions.service.js';
import { MeSchema, toMeResponse } from './me.schemas.js';
import { getMe } from './me.service.js';

const TAGS = ['My settings'];

/** The signed-in person's own settings, under /v1/me. */
export function meRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/me', {
      config: { auth: 'session', duringEnrolment: true },
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
  };
}
