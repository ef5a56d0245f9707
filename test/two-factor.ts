import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { expect } from 'vitest';
import type { TestApp } from './app.js';
import { browserWith, cookiesOf, type Browser } from './sign-in.js';

/** What an authenticator app shows for `secret` at the test clock's time (SHA1, 6 digits, 30 s). */
export function totpCode(t: Pick<TestApp, 'clock'>, secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: t.clock.now().getTime() });
}

/** Moves the test clock to the next 30-second step, so a new code is shown. */
export function nextStep(t: Pick<TestApp, 'clock'>): void {
  t.clock.advance(30_000);
}

/** Enrols the browser's person in 2FA and confirms it; returns the secret and the recovery codes. */
export async function enrolTwoFactor(
  t: Pick<TestApp, 'clock'>,
  browser: Browser,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await browser.call({ method: 'POST', url: '/v1/me/two-factor' });
  expect(started.statusCode, started.body).toBe(200);
  const { secret } = started.json<{ secret: string }>();
  const confirmed = await browser.call({
    method: 'POST',
    url: '/v1/me/two-factor/confirm',
    body: { code: totpCode(t, secret) },
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret, recoveryCodes: confirmed.json<{ recovery_codes: string[] }>().recovery_codes };
}

/** The first step of a sign-in with 2FA on: the pending cookie. */
export async function startSignIn(t: TestApp, email: string, password: string): Promise<string> {
  const res = await t.call({ method: 'POST', url: '/v1/auth/login', body: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toEqual({ second_factor_required: true });
  return cookiesOf(res);
}

export function secondStep(t: TestApp, pendingCookie: string, body: unknown): Promise<LightMyRequestResponse> {
  return t.call({ method: 'POST', url: '/v1/auth/login/second-factor', body, headers: { cookie: pendingCookie } });
}

/** Signs in with the password and then `body` (`{code}` or `{recovery_code}`); the signed-in browser. */
export async function signInWithSecondFactor(
  t: TestApp,
  email: string,
  password: string,
  body: unknown,
): Promise<Browser> {
  const res = await secondStep(t, await startSignIn(t, email, password), body);
  expect(res.statusCode, res.body).toBe(200);
  return browserWith(t, cookiesOf(res));
}
