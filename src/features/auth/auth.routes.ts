import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.js';
import {
  clearSessionCookies,
  pendingCookieOf,
  sessionCookieOf,
  setPendingCookie,
  setSessionCookie,
} from '../../http/cookies.js';
import { errorResponses } from '../../http/schemas.js';
import { LoginBodySchema, SignInResultSchema } from './auth.schemas.js';
import { signInWithPassword, signOut, type SignInResult } from './auth.service.js';
import type { SignInThrottle } from '../sign-in-throttle/sign-in-throttle.service.js';
import type { FastifyReply } from 'fastify';

const TAGS = ['Sign-in'];

/** Signing in and out, under /v1/auth. */
export function authRoutes(deps: Deps, throttle: SignInThrottle): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/auth/login', {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'login',
        summary: 'Sign In',
        description:
          'Signs in with email and password and sets the session cookie (HttpOnly, SameSite=Lax, Secure when ' +
          '`PUBLIC_URL` is https). A wrong email and a wrong password get the same 401. With two-factor ' +
          'authentication on, the answer is `{"second_factor_required": true}` and a pending cookie instead. ' +
          'After too many failures for one email or from one address, 429 with `Retry-After` (seconds) until ' +
          'the lock ends, whether or not the email has an account.',
        body: LoginBodySchema,
        response: { 200: SignInResultSchema, ...errorResponses(401, 403, 422, 429) },
      },
      handler: async (req, reply) => {
        const result = await signInWithPassword(deps, throttle, req.ctx, {
          email: req.body.email,
          password: req.body.password,
          userAgent: req.headers['user-agent'] ?? null,
        });
        return answerSignIn(deps, reply, result);
      },
    });

    app.post('/auth/logout', {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'logout',
        summary: 'Sign Out',
        description: 'Ends the session of the cookie, if any, and clears the cookies. Always 204.',
        response: { 204: Type.Null({ description: 'Signed out' }) },
      },
      handler: async (req, reply) => {
        await signOut(deps, sessionCookieOf(req), pendingCookieOf(req));
        clearSessionCookies(reply, deps.config);
        return reply.code(204).send(null);
      },
    });
  };
}

/** Sets the cookie a sign-in earned and answers whether a second step must follow. */
export function answerSignIn(deps: Deps, reply: FastifyReply, result: SignInResult) {
  if (result.stage === 'second_factor') {
    setPendingCookie(reply, deps.config, result.pendingToken);
    return { second_factor_required: true };
  }
  setSessionCookie(reply, deps.config, result.sessionToken);
  return { second_factor_required: false, user_id: result.identityId, account_id: result.accountId };
}
