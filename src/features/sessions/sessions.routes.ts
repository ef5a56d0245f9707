import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.js';
import { sessionOf } from '../../http/auth.js';
import { clearSessionCookies } from '../../http/cookies.js';
import { errorResponses } from '../../http/schemas.js';
import {
  EndedSessionsSchema,
  MemberParamsSchema,
  SessionListSchema,
  SessionParamsSchema,
  toSessionResponse,
} from './sessions.schemas.js';
import { endMemberSessions, endSession, endSessionsOf, listMemberSessions, listSessions } from './sessions.service.js';

const TAGS = ['Sessions'];

/** The signed-in person's own sessions, under /v1/me. */
export function mySessionRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/me/sessions', {
      config: { auth: 'session', duringEnrolment: true },
      schema: {
        tags: TAGS,
        operationId: 'list_my_sessions',
        summary: 'List My Sessions',
        description: 'Every browser you are signed in with, oldest first; `current` marks this one.',
        response: { 200: SessionListSchema, ...errorResponses(401, 403) },
      },
      handler: async (req) => {
        const session = sessionOf(req);
        const sessions = await listSessions(deps, session.identityId);
        return { items: sessions.map((s) => toSessionResponse(s, session.id)) };
      },
    });

    app.delete('/me/sessions/:session_id', {
      config: { auth: 'session', duringEnrolment: true },
      schema: {
        tags: TAGS,
        operationId: 'end_my_session',
        summary: 'End One Of My Sessions',
        description: 'Signs that browser out. Ending the current session signs this one out.',
        params: SessionParamsSchema,
        response: { 204: Type.Null({ description: 'Ended' }), ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req, reply) => {
        const session = sessionOf(req);
        await endSession(deps, req.ctx, {
          identityId: session.identityId,
          sessionId: req.params.session_id,
          accountId: session.accountId,
        });
        if (req.params.session_id === session.id) clearSessionCookies(reply, deps.config);
        return reply.code(204).send(null);
      },
    });

    app.delete('/me/sessions', {
      config: { auth: 'session', duringEnrolment: true },
      schema: {
        tags: TAGS,
        operationId: 'end_my_other_sessions',
        summary: 'End My Other Sessions',
        description: 'Signs out every browser but this one.',
        response: { 200: EndedSessionsSchema, ...errorResponses(401, 403) },
      },
      handler: async (req) => {
        const session = sessionOf(req);
        return { ended_sessions: await endSessionsOf(deps.db, session.identityId, session.id) };
      },
    });
  };
}

/** A member's sessions for the account's admins, under /v1/accounts/:account_id. */
export function memberSessionRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/users/:user_id/sessions', {
      config: { scope: 'user:edit' },
      schema: {
        tags: TAGS,
        operationId: 'list_user_sessions',
        summary: 'List A Member’s Sessions',
        description: 'The member’s signed-in sessions working in this account, oldest first.',
        params: MemberParamsSchema,
        response: { 200: SessionListSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => {
        const sessions = await listMemberSessions(deps, req.params.account_id, req.params.user_id);
        return { items: sessions.map((s) => toSessionResponse(s, req.principal?.sessionId ?? null)) };
      },
    });

    app.delete('/users/:user_id/sessions', {
      config: { scope: 'user:edit' },
      schema: {
        tags: TAGS,
        operationId: 'end_user_sessions',
        summary: 'End A Member’s Sessions',
        description:
          'Signs the member out of every session working in this account; their next request there answers 401. ' +
          'Audited.',
        params: MemberParamsSchema,
        response: { 200: EndedSessionsSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) => ({
        ended_sessions: await endMemberSessions(deps, req.ctx, req.params.account_id, req.params.user_id),
      }),
    });
  };
}
