import { randomBytes } from 'node:crypto';
import { and, count, desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { externalIdentities, identities, memberships, sessions, signInEvents } from '../../db/schema/index.js';
import { TEST_PUBLIC_URL, useTestApp } from '../../../test/app.js';
import { addUser, createAccount } from '../../../test/factories.js';
import { useGoogleStandIn, type GooglePerson } from '../../../test/google-stand-in.js';
import { addMember, browserWith, cookiesOf } from '../../../test/sign-in.js';
import { enrolTwoFactor, nextStep, secondStep, totpCode } from '../../../test/two-factor.js';
import { sessionHash } from '../sessions/sessions.service.js';
import { FLOW_COOKIE } from './google-sign-in.routes.js';

// The stand-in must listen before the app reads its configuration: its beforeAll runs first.
const google = useGoogleStandIn();
const t = useTestApp(google.env);

const LOGIN_ERROR = `${TEST_PUBLIC_URL}/login?error=`;

function personFor(email: string, overrides: Partial<GooglePerson> = {}): GooglePerson {
  return { sub: randomBytes(8).toString('hex'), email, email_verified: true, ...overrides };
}

/** Starts at Steward, signs in at the provider and comes back; the callback's answer. */
async function signInWithGoogle(
  person: GooglePerson | 'decline',
  options: { returnTo?: string; alterCallback?: (url: URL) => void; alterFlow?: (flow: string) => string } = {},
): Promise<{ callback: LightMyRequestResponse; callbackUrl: URL; flow: string }> {
  const query = options.returnTo === undefined ? '' : `?return_to=${encodeURIComponent(options.returnTo)}`;
  const start = await t.call({ method: 'GET', url: `/v1/auth/google/start${query}` });
  expect(start.statusCode, start.body).toBe(302);
  const flow = start.cookies.find((c) => c.name === FLOW_COOKIE)?.value ?? '';
  const callbackUrl = await google.authorize(String(start.headers.location), person);
  options.alterCallback?.(callbackUrl);
  const sentFlow = options.alterFlow?.(flow) ?? flow;
  const callback = await callBack(callbackUrl, sentFlow);
  return { callback, callbackUrl, flow };
}

function callBack(callbackUrl: URL, flow: string): Promise<LightMyRequestResponse> {
  return t.call({
    method: 'GET',
    url: `${callbackUrl.pathname}${callbackUrl.search}`,
    headers: flow === '' ? {} : { cookie: `${FLOW_COOKIE}=${flow}` },
  });
}

function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === 'steward_session' && c.value !== '')?.value;
}

async function identityCount(): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(identities);
  return row?.n ?? 0;
}

/** The newest Google sign-in event of `email` (a password event can share its clock time). */
async function lastGoogleSignIn(email: string) {
  const [row] = await t.db
    .select()
    .from(signInEvents)
    .where(and(eq(signInEvents.email, email), eq(signInEvents.method, 'google')))
    .orderBy(desc(signInEvents.id))
    .limit(1);
  return row;
}

async function googleMember(allowLoginGoogle = true) {
  const account = await createAccount(t);
  const member = await addMember(t, account.accountId, { invitation: { allowLoginGoogle } });
  return { account, member };
}

describe('sign-in with Google', () => {
  it('tells the console that Google sign-in is offered', async () => {
    const res = await t.call({ method: 'GET', url: '/v1/auth/methods' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ password: true, google: true });
  });

  it('sends the browser to the provider with PKCE, state and nonce kept in a sealed short-lived cookie', async () => {
    const res = await t.call({ method: 'GET', url: '/v1/auth/google/start' });
    expect(res.statusCode).toBe(302);
    const location = new URL(String(res.headers.location));
    expect(location.origin).toBe(google.env.GOOGLE_ISSUER);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: google.env.GOOGLE_CLIENT_ID,
      response_type: 'code',
      scope: 'openid email profile',
      redirect_uri: `${TEST_PUBLIC_URL}/v1/auth/google/callback`,
      code_challenge_method: 'S256',
    });
    for (const param of ['state', 'nonce', 'code_challenge'])
      expect(location.searchParams.get(param)).toMatch(/^.{22,}$/);

    const flow = res.cookies.find((c) => c.name === FLOW_COOKIE);
    expect(flow).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/v1/auth/google', maxAge: 600 });
    // The browser cannot read what it carries: neither the state nor the PKCE verifier shows.
    expect(Buffer.from(flow?.value ?? '', 'base64url').toString('latin1')).not.toContain(
      String(location.searchParams.get('state')),
    );
  });

  it('signs in an active member whose membership allows Google, and lands on return_to', async () => {
    const { account, member } = await googleMember();
    const { callback } = await signInWithGoogle(personFor(member.email.toUpperCase()), {
      returnTo: `/accounts/${account.accountId}/users?page=2`,
    });

    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe(`${TEST_PUBLIC_URL}/accounts/${account.accountId}/users?page=2`);
    const flowCleared = callback.cookies.find((c) => c.name === FLOW_COOKIE);
    expect(flowCleared?.value).toBe('');
    const browser = await browserWith(t, cookiesOf(callback));
    const me = await browser.call({ method: 'GET', url: '/v1/me' });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ email: member.email, current_account: { account_id: account.accountId } });
    const [session] = await t.db
      .select({ method: sessions.method })
      .from(sessions)
      .where(eq(sessions.tokenHash, sessionHash(t.deps, sessionCookieOf(callback) ?? '')));
    expect(session?.method).toBe('google');
    expect(await lastGoogleSignIn(member.email)).toMatchObject({ outcome: 'success' });
  });

  it('signs in a member who may use Google only, once they accepted the invitation link, to the console home', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId, {
      invitation: { allowLoginGoogle: true, allowLoginPassword: false },
    });
    const { callback } = await signInWithGoogle(personFor(member.email));
    expect(callback.headers.location).toBe(`${TEST_PUBLIC_URL}/`);
    const me = await t.call({ method: 'GET', url: '/v1/me', headers: { cookie: cookiesOf(callback) } });
    expect(me.statusCode).toBe(200);
  });

  it('links the Google account at the first sign-in: it keeps working after its email changes, and another one with the email is refused', async () => {
    const { member } = await googleMember();
    const first = personFor(member.email);
    expect(sessionCookieOf((await signInWithGoogle(first)).callback)).toBeDefined();
    const [link] = await t.db
      .select({ subject: externalIdentities.subject })
      .from(externalIdentities)
      .where(eq(externalIdentities.identityId, member.userId));
    expect(link?.subject).toBe(first.sub);

    // The same Google account, its email since changed at Google: still this identity.
    const renamed = await signInWithGoogle({
      ...first,
      email: `renamed-${randomBytes(4).toString('hex')}@example.com`,
    });
    const me = await t.call({ method: 'GET', url: '/v1/me', headers: { cookie: cookiesOf(renamed.callback) } });
    expect(me.json<{ email: string }>().email).toBe(member.email);

    // Another Google account showing the identity's email (a recycled address): refused.
    t.clock.advance(1_000); // its record must come after the success above, in the record's order
    const impostor = await signInWithGoogle(personFor(member.email));
    expect(impostor.callback.headers.location).toBe(`${LOGIN_ERROR}google_other_account`);
    expect(sessionCookieOf(impostor.callback)).toBeUndefined();
    expect(await lastGoogleSignIn(member.email)).toMatchObject({ outcome: 'failure', reason: 'other_google_account' });
  });

  it('links nothing when the sign-in is refused', async () => {
    const { member } = await googleMember(false);
    await signInWithGoogle(personFor(member.email));
    const links = await t.db.select().from(externalIdentities).where(eq(externalIdentities.identityId, member.userId));
    expect(links).toEqual([]);
  });

  it('refuses a member whose membership does not allow Google', async () => {
    const { member } = await googleMember(false);
    const { callback } = await signInWithGoogle(personFor(member.email));
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe(`${LOGIN_ERROR}google_not_allowed`);
    expect(sessionCookieOf(callback)).toBeUndefined();
    expect(await lastGoogleSignIn(member.email)).toMatchObject({ outcome: 'failure', reason: 'method_not_allowed' });
  });

  it('does not accept an invitation: an invited person must open the invitation link first', async () => {
    const account = await createAccount(t);
    const invited = await addUser(t, account.accountId, { allowLoginGoogle: true });
    const { callback } = await signInWithGoogle(personFor(invited.email));
    expect(callback.headers.location).toBe(`${LOGIN_ERROR}google_not_allowed`);
    expect(sessionCookieOf(callback)).toBeUndefined();
    const [membership] = await t.db
      .select({ status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.accountId, account.accountId), eq(memberships.userId, invited.userId)));
    expect(membership?.status).toBe('invited');
  });

  it('refuses an email no identity has, and creates none', async () => {
    const before = await identityCount();
    const email = `stranger-${randomBytes(4).toString('hex')}@example.com`;
    const { callback } = await signInWithGoogle(personFor(email));
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe(`${LOGIN_ERROR}google_no_account`);
    expect(sessionCookieOf(callback)).toBeUndefined();
    expect(await identityCount()).toBe(before);
    expect(await lastGoogleSignIn(email)).toMatchObject({ outcome: 'failure', reason: 'no_identity' });
  });

  it('refuses an email the provider has not verified', async () => {
    const { member } = await googleMember();
    const { callback } = await signInWithGoogle(personFor(member.email, { email_verified: false }));
    expect(callback.headers.location).toBe(`${LOGIN_ERROR}google_email_not_verified`);
    expect(sessionCookieOf(callback)).toBeUndefined();
    expect(await lastGoogleSignIn(member.email)).toMatchObject({ outcome: 'failure', reason: 'email_not_verified' });
  });

  it('refuses a callback whose state was changed, though the same answer unchanged would sign in', async () => {
    const { member } = await googleMember();
    const { callback, callbackUrl, flow } = await signInWithGoogle(personFor(member.email), {
      alterCallback: (url) => {
        url.searchParams.set('state', `${String(url.searchParams.get('state'))}x`);
      },
    });
    expect(callback.headers.location).toBe(`${LOGIN_ERROR}google_invalid_state`);
    expect(sessionCookieOf(callback)).toBeUndefined();

    callbackUrl.searchParams.set('state', String(callbackUrl.searchParams.get('state')).slice(0, -1));
    const honest = await callBack(callbackUrl, flow);
    expect(honest.headers.location).toBe(`${TEST_PUBLIC_URL}/`);
    expect(sessionCookieOf(honest)).toBeDefined();
  });

  it('refuses a callback without the flow cookie, with an altered one, or after ten minutes', async () => {
    const { member } = await googleMember();
    const person = personFor(member.email);
    const missing = await signInWithGoogle(person, { alterFlow: () => '' });
    expect(missing.callback.headers.location).toBe(`${LOGIN_ERROR}google_invalid_state`);

    const altered = await signInWithGoogle(person, {
      alterFlow: (flow) => `${flow.slice(0, 30)}${flow[30] === 'A' ? 'B' : 'A'}${flow.slice(31)}`,
    });
    expect(altered.callback.headers.location).toBe(`${LOGIN_ERROR}google_invalid_state`);

    const late = await signInWithGoogle(person, {
      alterCallback: () => {
        t.clock.advance(10 * 60_000 + 1000);
      },
    });
    expect(late.callback.headers.location).toBe(`${LOGIN_ERROR}google_invalid_state`);
    for (const attempt of [missing, altered, late]) expect(sessionCookieOf(attempt.callback)).toBeUndefined();
  });

  it('sends a person who declined at the provider back to the login page', async () => {
    const { callback } = await signInWithGoogle('decline');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe(`${LOGIN_ERROR}google_access_denied`);
  });

  it('refuses an authorization code used twice: the exchange fails at the provider', async () => {
    const { member } = await googleMember();
    const { callback, callbackUrl, flow } = await signInWithGoogle(personFor(member.email));
    expect(sessionCookieOf(callback)).toBeDefined();
    const replay = await callBack(callbackUrl, flow);
    expect(replay.statusCode).toBe(302);
    expect(replay.headers.location).toBe(`${LOGIN_ERROR}google_provider_error`);
    expect(sessionCookieOf(replay)).toBeUndefined();
  });

  it('asks for the second factor when two-factor authentication is on', async () => {
    const { member } = await googleMember();
    const { secret } = await enrolTwoFactor(t, member.browser);
    const { callback } = await signInWithGoogle(personFor(member.email), { returnTo: '/settings' });

    expect(callback.headers.location).toBe(`${TEST_PUBLIC_URL}/login/second-factor?return_to=%2Fsettings`);
    expect(sessionCookieOf(callback)).toBeUndefined();
    const pending = cookiesOf(callback);
    expect(pending).toMatch(/^steward_pending=/);
    expect((await t.call({ method: 'GET', url: '/v1/me', headers: { cookie: pending } })).statusCode).toBe(401);

    nextStep(t);
    const done = await secondStep(t, pending, { code: totpCode(t, secret) });
    expect(done.statusCode, done.body).toBe(200);
    const me = await t.call({ method: 'GET', url: '/v1/me', headers: { cookie: cookiesOf(done) } });
    expect(me.statusCode).toBe(200);
    expect(await lastGoogleSignIn(member.email)).toMatchObject({ outcome: 'success' });
  });

  it('refuses a return_to that leaves the console', async () => {
    for (const returnTo of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'accounts']) {
      const res = await t.call({
        method: 'GET',
        url: `/v1/auth/google/start?return_to=${encodeURIComponent(returnTo)}`,
      });
      expect(res.statusCode, returnTo).toBe(422);
      expect(res.cookies.find((c) => c.name === FLOW_COOKIE)).toBeUndefined();
    }
  });
});
