import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { ThrottledError } from '../core/errors.js';

/**
 * The routes a guesser would hammer: sign-in, password reset, invitation and setup links, and
 * the changes that ask for a password or a code again.
 */
const AUTH_ROUTE = /^\/v1\/(auth|invitations|setup)\/|^\/v1\/me\/(password|email|two-factor)(\/|$)/;

const isHttps = (config: Config): boolean => config.publicUrl.startsWith('https:');

/**
 * Security headers on every answer. The API answers JSON only, so its policy allows nothing to
 * load, frame or submit; HTML pages set their own policy, see pagePolicy.
 * HSTS only when Steward is served over https: on plain http it would be ignored at best.
 */
export async function installSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: isHttps(config) ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
  });
}

/**
 * The policy of an HTML page Steward serves (the console, the /docs reference): its own scripts,
 * styles and images, nothing from elsewhere, never framed. Inline styles are allowed because
 * both UIs inject style tags; inline scripts are not.
 */
export function pagePolicy(config: Config): string {
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "connect-src 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    ...(isHttps(config) ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * CORS is off unless `CORS_ORIGINS` names origins: then those, and only those, may call from a
 * browser with credentials (the session cookie). Must be registered before the error handling
 * learns the routes: the plugin's catch-all OPTIONS route would otherwise turn every 404 into a 405.
 */
export async function installCors(app: FastifyInstance, config: Config): Promise<void> {
  if (config.corsOrigins.length === 0) return;
  await app.register(fastifyCors, {
    origin: config.corsOrigins.map((origin) => new URL(origin).origin),
    credentials: true,
    // A bare OPTIONS (no Origin) gets the same empty 204 instead of the plugin's text/plain 400.
    strictPreflight: false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-csrf-token', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}

/**
 * `AUTH_RATE_LIMIT` requests a minute per client address (IPv6: per /64) across those routes
 * together, counted before the body is read (on /v1/me routes, once the session is known). With Redis the count is shared
 * by every process; without it, each process counts alone (the sign-in throttle, which matters
 * most, is shared through PostgreSQL either way). Install before the routes: it attaches itself
 * to them as they are declared.
 */
export async function installAuthRateLimit(app: FastifyInstance, config: Config, redis: Redis | null): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis === null ? {} : { redis, nameSpace: 'steward:auth-rate-limit:' }),
  });
  const count = app.createRateLimit({ max: config.authRateLimit, timeWindow: 60_000 });
  const limitAuthRoute: onRequestAsyncHookHandler = async (req) => {
    let verdict: Awaited<ReturnType<typeof count>>;
    try {
      verdict = await count(req);
    } catch (error) {
      // The counters' store is away: let the request through; the sign-in throttle fails closed itself.
      req.log.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'Rate limit store unavailable',
      );
      return;
    }
    if (verdict.isAllowed || !verdict.isExceeded) return;
    const seconds = Math.max(verdict.ttlInSeconds, 1);
    throw new ThrottledError(
      `Too many requests from your address; try again in ${String(seconds)} second${seconds === 1 ? '' : 's'}`,
      seconds,
    );
  };
  app.addHook('onRoute', (route) => {
    if (!AUTH_ROUTE.test(route.url)) return;
    route.onRequest = [...[route.onRequest ?? []].flat(), limitAuthRoute];
  });
}
