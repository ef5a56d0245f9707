import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../../test/app.js';
import { buildApp } from '../app.js';

const t = useTestApp();
const others: FastifyInstance[] = [];

/** Another app on this file's database, configured with `env` on top of the test defaults. */
async function appWith(env: Record<string, string>): Promise<FastifyInstance> {
  const app = await buildApp({ ...t.deps, config: testConfig(env) }, { database: t.database });
  await app.ready();
  others.push(app);
  return app;
}

afterAll(async () => {
  await Promise.all(others.map((app) => app.close()));
});

const CONSOLE = 'https://console.example.com';

function login(app: FastifyInstance, remoteAddress = '192.0.2.10'): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    remoteAddress,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ email: 'nobody@example.com', password: 'not it' }),
  });
}

describe('security headers', () => {
  it('lets an API answer load, frame or submit nothing, and sends no HSTS over plain http', async () => {
    const res = await t.call({ method: 'GET', url: '/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when PUBLIC_URL is https', async () => {
    const app = await appWith({ PUBLIC_URL: 'https://steward.example.com' });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('serves the /docs page with a policy that allows its own scripts and styles, and nothing inline to run', async () => {
    const page = await t.call({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("default-src 'none'");

    // script-src 'self' forbids inline scripts: the page must have none, and what it loads must be there.
    const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/src="/);
      expect(body.trim()).toBe('');
    }
    for (const asset of assets) {
      expect(asset).toMatch(/^\.\//);
      const res = await t.call({ method: 'GET', url: `/docs/${asset.slice(2)}` });
      expect(res.statusCode, asset).toBe(200);
      expect(res.headers['content-security-policy']).toBe(policy);
    }
  });
});

describe('CORS', () => {
  it('is off by default: no origin is allowed', async () => {
    const res = await t.call({ method: 'GET', url: '/healthz', headers: { origin: CONSOLE } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.call({
      method: 'OPTIONS',
      url: '/v1/me',
      headers: { origin: CONSOLE, 'access-control-request-method': 'PATCH' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows the origins of CORS_ORIGINS, with credentials, and no other', async () => {
    const app = await appWith({ CORS_ORIGINS: `${CONSOLE}, https://other-console.example.com` });
    const allowed = await app.inject({ method: 'GET', url: '/v1/me', headers: { origin: CONSOLE } });
    expect(allowed.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');

    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/v1/me',
      headers: {
        origin: CONSOLE,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'x-csrf-token',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('PATCH');
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('x-csrf-token');

    const stranger = await app.inject({ method: 'GET', url: '/v1/me', headers: { origin: 'https://evil.example' } });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();

    // The plugin's catch-all OPTIONS route must not make unknown paths look known.
    const unknown = await app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('request size', () => {
  it('answers a body over 1 MiB with 413 and a plain detail', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/v1/auth/login',
      body: { email: 'someone@example.com', password: 'x'.repeat(1024 * 1024 + 1) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ detail: 'Request body is too large' });
  });
});

describe('auth rate limit', () => {
  it('answers 429 past AUTH_RATE_LIMIT requests a minute from one address, across the auth routes', async () => {
    const app = await appWith({ AUTH_RATE_LIMIT: '3' });
    for (let i = 0; i < 3; i++) expect((await login(app)).statusCode).toBe(401);

    const limited = await login(app);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ detail: 'Too many requests from your address; try again in 60 seconds' });
    expect(limited.headers['retry-after']).toBe('60');
    const invitation = await app.inject({
      method: 'GET',
      url: '/v1/invitations/anything',
      remoteAddress: '192.0.2.10',
    });
    expect(invitation.statusCode).toBe(429);

    expect((await login(app, '192.0.2.11')).statusCode).toBe(401);
    const elsewhere = await app.inject({ method: 'GET', url: '/v1/me', remoteAddress: '192.0.2.10' });
    expect(elsewhere.statusCode).toBe(401);
  });
});
