import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toWireTimestamp } from '../../core/time.js';
import type { Deps } from '../../deps.js';
import { setSessionCookie } from '../../http/cookies.js';
import { errorResponses } from '../../http/schemas.js';
import { SetupBodySchema, SetupDoneSchema, SetupLinkSchema, SetupParamsSchema } from './setup.schemas.js';
import { completeSetup, lookUpSetupLink } from './setup.service.js';

const TAGS = ['Setup'];

/** First-run setup under /v1/setup: no credentials, the link Steward logged is the key. */
export function setupRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/setup/:token', {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'get_setup_link',
        summary: 'Look Up The Setup Link',
        description:
          'Whether a first-run setup link still works. While the store has no account, each start of ' +
          '`steward serve` logs one (`{PUBLIC_URL}/setup/{token}`). 404 for a token no link has; 410 once it ' +
          'was used, expired, or an account exists.',
        params: SetupParamsSchema,
        response: { 200: SetupLinkSchema, ...errorResponses(404, 410, 422) },
      },
      handler: async (req) => {
        const link = await lookUpSetupLink(deps, req.params.token);
        return { expires_at: toWireTimestamp(link.expiresAt) };
      },
    });

    app.post('/setup/:token', {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'complete_setup',
        summary: 'Set Up Steward',
        description:
          'Creates the first account, its environments and its first admin (a super admin, with this password), ' +
          'and signs them in (session cookie). Every setup link stops working. 409 when an account exists ' +
          'already; 410 for a used or expired link; a password that breaks the policy gets a 422 at `password`.',
        params: SetupParamsSchema,
        body: SetupBodySchema,
        response: { 201: SetupDoneSchema, ...errorResponses(404, 409, 410, 422) },
      },
      handler: async (req, reply) => {
        const done = await completeSetup(deps, req.ctx, req.params.token, {
          accountName: req.body.account_name,
          environmentNames: req.body.environment_names,
          adminEmail: req.body.admin_email,
          adminName: req.body.admin_name,
          password: req.body.password,
          userAgent: req.headers['user-agent'] ?? null,
        });
        setSessionCookie(reply, deps.config, done.sessionToken);
        return reply.code(201).send({ account_id: done.accountId, user_id: done.userId });
      },
    });
  };
}
