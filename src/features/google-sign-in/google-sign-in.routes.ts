import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';
import { DomainError } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { setPendingCookie, setSessionCookie } from '../../http/cookies.js';
import { errorResponses } from '../../http/schemas.js';
import { GoogleProvider } from './google-sign-in.provider.js';
import { FLOW_MINUTES, type GoogleSignInRefusal } from './google-sign-in.rules.js';
import {
  GoogleCallbackQuerySchema,
  GoogleStartQuerySchema,
  RedirectSchema,
  SignInMethodsSchema,
} from './google-sign-in.schemas.js';
import { finishGoogleSignIn, startGoogleSignIn, type GoogleFinish } from './google-sign-in.service.js';

const TAGS = ['Sign-in'];
/** The sealed state, nonce and PKCE verifier of a sign-in under way. */
export const FLOW_COOKIE = 'steward_google_flow';

/**
 * "Sign in with Google" under /v1/auth. The routes exist whether or not Google is configured,
 * so the API document does not depend on the environment; unconfigured, they answer 404 and
 * `GET /v1/auth/methods` says `google: false`, which is what the console asks.
 */
export function googleSignInRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const { config } = deps;
  const provider = config.google === null ? null : new GoogleProvider(config.google, config.publicUrl);
  const configured = (): GoogleProvider => {
    if (provider === null) throw new DomainError('not_found', 'Sign-in with Google is not configured on this server');
    return provider;
  };

  return async (app) => {
    app.get('/auth/methods', {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'list_sign_in_methods',
        summary: 'List Sign-in Methods',
        description:
          'The ways this server offers to sign in, for the login page to show. Whether a method works ' +
          "for a person also depends on their membership's `allow_login_*` flags.",
        response: { 200: SignInMethodsSchema },
      },
      handler: async () => ({ password: true, google: provider !== null }),
    });

    app.get('/auth/google/start', {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'start_google_sign_in',
        summary: 'Start Sign-in With Google',
        description:
          'Sends the browser to Google (scope `openid email profile`, PKCE S256, state and nonce). The values ' +
          `to check on return travel in a sealed, HttpOnly cookie that lasts ${String(FLOW_MINUTES)} minutes. ` +
          'When Google cannot be reached the browser goes to `/login?error=google_unavailable` instead.',
        querystring: GoogleStartQuerySchema,
        response: {
          302: RedirectSchema("Google's authorization page, or the console's login page with an error"),
          ...errorResponses(404, 422),
        },
      },
      handler: async (req, reply) => {
        const start = await startGoogleSignIn(deps, configured(), req.query.return_to);
        if ('refused' in start) return reply.redirect(loginErrorUrl(config, start.refused), 302);
        reply.setCookie(FLOW_COOKIE, start.sealedFlow, flowCookieOptions(config, FLOW_MINUTES * 60));
        return reply.redirect(start.authorizationUrl, 302);
      },
    });

    app.get('/auth/google/callback', {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'finish_google_sign_in',
        summary: 'Finish Sign-in With Google',
        description:
          'Where Google sends the browser back. A verified Google email that belongs to an active member ' +
          'whose membership allows Google sign-in gets the session cookie and goes to the console (or ' +
          '`return_to`); with two-factor authentication on, the pending cookie and `/login/second-factor`. ' +
          'Anything else goes to `/login?error=<code>`; no account is ever created here.',
        querystring: GoogleCallbackQuerySchema,
        response: {
          302: RedirectSchema('the console, its second-factor page, or its login page with an error'),
          ...errorResponses(404, 422),
        },
      },
      handler: async (req, reply) => {
        const google = configured();
        reply.clearCookie(FLOW_COOKIE, flowCookieOptions(config, 0));
        const queryStart = req.url.indexOf('?');
        const finish = await finishGoogleSignIn(deps, req.ctx, google, {
          sealedFlow: req.cookies[FLOW_COOKIE],
          search: queryStart === -1 ? '' : req.url.slice(queryStart),
          userAgent: req.headers['user-agent'] ?? null,
        });
        return reply.redirect(landingUrl(config, reply, finish), 302);
      },
    });
  };
}

/** Sets the cookie the sign-in earned and says where the browser goes next. */
function landingUrl(config: Config, reply: FastifyReply, finish: GoogleFinish): string {
  if ('refused' in finish) return loginErrorUrl(config, finish.refused);
  const { result, returnTo } = finish;
  if (result.stage === 'second_factor') {
    setPendingCookie(reply, config, result.pendingToken);
    const query = returnTo === null ? '' : `?return_to=${encodeURIComponent(returnTo)}`;
    return `${config.publicUrl}/login/second-factor${query}`;
  }
  setSessionCookie(reply, config, result.sessionToken);
  return `${config.publicUrl}${returnTo ?? '/'}`;
}

function loginErrorUrl(config: Config, refusal: GoogleSignInRefusal): string {
  return `${config.publicUrl}/login?error=${refusal}`;
}

function flowCookieOptions(config: Config, maxAgeSeconds: number) {
  return {
    // Only the callback needs it; under a PUBLIC_URL with a path, the browser sees that path first.
    path: `${new URL(config.publicUrl).pathname.replace(/\/+$/, '')}/v1/auth/google`,
    httpOnly: true,
    // Lax: the cookie must come along on Google's top-level redirect back to the callback.
    sameSite: 'lax' as const,
    secure: config.publicUrl.startsWith('https:'),
    maxAge: maxAgeSeconds,
  };
}
