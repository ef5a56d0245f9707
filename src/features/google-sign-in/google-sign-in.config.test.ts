import { describe, expect, it } from 'vitest';
import { TEST_PUBLIC_URL, useTestApp } from '../../../test/app.js';
import { FLOW_COOKIE } from './google-sign-in.routes.js';

describe('without a Google OAuth client', () => {
  const t = useTestApp();

  it('offers passwords only', async () => {
    const res = await t.call({ method: 'GET', url: '/v1/auth/methods' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ password: true, google: false });
  });

  it('answers 404 on both Google routes', async () => {
    for (const url of ['/v1/auth/google/start', '/v1/auth/google/callback?code=x&state=y']) {
      const res = await t.call({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual({ detail: 'Sign-in with Google is not configured on this server' });
    }
  });
});

describe('when the provider cannot be used', () => {
  const client = { GOOGLE_CLIENT_ID: 'steward', GOOGLE_CLIENT_SECRET: 'not-used' };
  // Nothing listens on port 1; discovery fails at once.
  const unreachable = useTestApp({ ...client, GOOGLE_ISSUER: 'http://127.0.0.1:1' });
  const plainHttp = useTestApp({ ...client, GOOGLE_ISSUER: 'http://issuer.example' });

  it('sends the browser back to the login page when the provider does not answer', async () => {
    const res = await unreachable.call({ method: 'GET', url: '/v1/auth/google/start' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`${TEST_PUBLIC_URL}/login?error=google_unavailable`);
    expect(res.cookies.find((c) => c.name === FLOW_COOKIE)).toBeUndefined();
  });

  it('refuses to talk to an issuer over plain http unless it runs on this machine', async () => {
    const res = await plainHttp.call({ method: 'GET', url: '/v1/auth/google/start' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`${TEST_PUBLIC_URL}/login?error=google_unavailable`);
  });
});
