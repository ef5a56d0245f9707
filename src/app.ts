import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from './deps.js';
import type { DatabaseHandle } from './db/client.js';
import { isSchemaCurrent } from './db/migrate.js';
import { openRedis } from './db/redis.js';
import { TokenVerifier } from './features/api-tokens/api-tokens.verifier.js';
import { accountRoutes } from './features/accounts/accounts.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { googleSignInRoutes } from './features/google-sign-in/google-sign-in.routes.js';
import { invitationRoutes } from './features/invitations/invitations.routes.js';
import { meRoutes } from './features/me/me.routes.js';
import { eventRoutes, myAlertRoutes } from './features/alerts/alerts.routes.js';
import { passwordRoutes } from './features/passwords/passwords.routes.js';
import { scopeRoutes, tokenRoutes } from './features/api-tokens/api-tokens.routes.js';
import { environmentRoutes } from './features/environments/environments.routes.js';
import { privilegeRoutes, roleRoutes } from './features/roles/roles.routes.js';
import { memberSessionRoutes, mySessionRoutes } from './features/sessions/sessions.routes.js';
import { settingsRoutes } from './features/settings/settings.routes.js';
import { setupRoutes } from './features/setup/setup.routes.js';
import { createSignInThrottle } from './features/sign-in-throttle/sign-in-throttle.service.js';
import { teamRoutes } from './features/teams/teams.routes.js';
import { twoFactorRoutes } from './features/two-factor/two-factor.routes.js';
import { userRoutes } from './features/users/users.routes.js';
import { installAuth } from './http/auth.js';
import { installConsole } from './http/console.js';
import { badUrlHandler, installErrorHandling } from './http/error-handler.js';
import { installAuthRateLimit, installCors, installSecurityHeaders, pagePolicy } from './http/hardening.js';
import { installMetrics } from './http/metrics.js';
import { installApiReference, installOpenApi } from './http/openapi.js';
import { installValidators } from './http/validation.js';

export interface AppOptions {
  database: Pick<DatabaseHandle, 'poolStats' | 'withSession' | 'listen'>;
  /** The process logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
  /** The built console to serve at `/` (when it exists); without one the app is the API alone (tests). */
  consoleDir?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const packageVersion = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Builds the HTTP application; never listens (main.ts and tests decide that). */
export async function buildApp(deps: Deps, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger === undefined ? { logger: false } : { loggerInstance: options.logger }),
    // A caller's request id is kept when it is plain, so logs line up across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    frameworkErrors: badUrlHandler,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // The API speaks JSON only; any other body is a 415, not a string handed to validation.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyCookie);
  await installSecurityHeaders(app, deps.config);
  await installCors(app, deps.config);
  installErrorHandling(app);
  installValidators(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  const metrics = installMetrics(app, options.database.poolStats);
  await installOpenApi(app, packageVersion);

  await app.register(async (infra) => {
    infra.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
    infra.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
      const ready = await isSchemaCurrent(options.database).catch(() => false);
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready' });
    });
    infra.get('/metrics', { schema: { hide: true } }, async (_req, reply) =>
      reply.type(metrics.contentType).send(await metrics.metrics()),
    );
    infra.get(
      '/openapi.json',
      { schema: { hide: true, response: { 200: Type.Object({}, { additionalProperties: true }) } } },
      async () => app.swagger(),
    );
    await installApiReference(infra, pagePolicy(deps.config));
  });

  const redis = deps.config.redisUrl === null ? null : await openRedis(deps.config.redisUrl, deps.log);
  if (redis !== null) {
    app.addHook('onClose', async () => {
      await redis.quit();
    });
  }
  await installAuthRateLimit(app, deps.config, redis);
  const throttle = createSignInThrottle(deps, redis);

  const verifier = new TokenVerifier(deps);
  const stopFollowingRevocations = await verifier.followRevocations(options.database);
  app.addHook('onClose', stopFollowingRevocations);
  await app.register(
    async (api) => {
      installAuth(api, deps, verifier);
      await api.register(privilegeRoutes());
      await api.register(scopeRoutes());
      await api.register(authRoutes(deps, throttle));
      await api.register(invitationRoutes(deps));
      await api.register(setupRoutes(deps));
      await api.register(meRoutes(deps, throttle));
      await api.register(myAlertRoutes(deps));
      await api.register(googleSignInRoutes(deps));
      await api.register(twoFactorRoutes(deps, throttle));
      await api.register(passwordRoutes(deps, throttle));
      await api.register(mySessionRoutes(deps));
      await api.register(accountRoutes(deps));
      await api.register(
        async (account) => {
          await account.register(userRoutes(deps, verifier));
          await account.register(environmentRoutes(deps));
          await account.register(roleRoutes(deps));
          await account.register(teamRoutes(deps));
          await account.register(tokenRoutes(deps, verifier));
          await account.register(settingsRoutes(deps));
          await account.register(eventRoutes(deps));
          await account.register(memberSessionRoutes(deps));
        },
        { prefix: '/accounts/:account_id' },
      );
    },
    { prefix: '/v1' },
  );
  if (options.consoleDir !== undefined && !(await installConsole(app, deps.config, options.consoleDir))) {
    deps.log.warn(
      { consoleDir: options.consoleDir },
      'No built console: serving the API only (npm run build builds it)',
    );
  }

  return app;
}
