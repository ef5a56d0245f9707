import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, sessions } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { createAccount, issueToken, type TestAccount } from '../../../test/factories.js';
import {
  addMember,
  browserWith,
  cookiesOf,
  GOOD_PASSWORD,
  invitationTokenFor,
  signIn,
  type Browser,
} from '../../../test/sign-in.js';

const t = useTestApp();
const MINUTE = 60_000;

async function setSecurity(account: TestAccount, body: Record<string, unknown>): Promise<void> {
  const res = await t.call({
    method: 'PATCH',
    url: `/v1/accounts/${account.accountId}/settings/security`,
    token: account.token,
    body,
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function status(browser: Browser): Promise<number> {
  return (await browser.call({ method: 'GET', url: '/v1/me' })).statusCode;
}

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Lax, and only a keyed hash of it is stored', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const res = await t.call({
      method: 'POST',
      url: '/v1/auth/login',
      body: { email: member.email, password: GOOD_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'steward_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const rows = await t.db.select().from(sessions).where(eq(sessions.identityId, member.userId));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.tokenHash).not.toContain(cookie?.value ?? '');
  });

  it('reaches only the accounts the person is an active member of (another account answers 404)', async () => {
    const home = await createAccount(t);
    const other = await createAccount(t);
    const member = await addMember(t, home.accountId, { invitation: { isAdmin: true } });
    const own = await member.browser.call({ method: 'GET', url: `/v1/accounts/${home.accountId}/users` });
    expect(own.statusCode).toBe(200);
    const foreign = await member.browser.call({ method: 'GET', url: `/v1/accounts/${other.accountId}/users` });
    expect(foreign.statusCode).toBe(404);
  });

  it('acts with the member’s own privileges, not every scope', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const res = await member.browser.call({ method: 'GET', url: `/v1/accounts/${account.accountId}/users` });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain('users:view');
  });
});

describe('Secure cookies', () => {
  const https = useTestApp({ PUBLIC_URL: 'https://steward.example.com' });

  it('are marked Secure when PUBLIC_URL is https', async () => {
    const account = await createAccount(https);
    const member = await addMember(https, account.accountId);
    const res = await https.call({
      method: 'POST',
      url: '/v1/auth/login',
      body: { email: member.email, password: GOOD_PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'steward_session')?.secure).toBe(true);
  });
});

describe('my sessions', () => {
  it('lists them, ends one, and ends all others', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    t.clock.advance(1_000);
    const second = await signIn(t, member.email, GOOD_PASSWORD);
    t.clock.advance(1_000);
    const third = await signIn(t, member.email, GOOD_PASSWORD);

    const listed = await third.call({ method: 'GET', url: '/v1/me/sessions' });
    expect(listed.statusCode).toBe(200);
    const items = listed.json<{ items: { session_id: string; current: boolean; method: string }[] }>().items;
    expect(items).toHaveLength(3);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items.every((s) => s.method === 'password')).toBe(true);

    const firstId = items[0]?.session_id ?? '';
    expect((await third.call({ method: 'DELETE', url: `/v1/me/sessions/${firstId}` })).statusCode).toBe(204);
    expect(await status(member.browser)).toBe(401);
    expect(await status(second)).toBe(200);

    const ended = await third.call({ method: 'DELETE', url: '/v1/me/sessions' });
    expect(ended.json()).toEqual({ ended_sessions: 1 });
    expect(await status(second)).toBe(401);
    expect(await status(third)).toBe(200);
  });

  it("cannot end someone else's session (404), and changes nothing", async () => {
    const account = await createAccount(t);
    const alice = await addMember(t, account.accountId);
    const bob = await addMember(t, account.accountId);
    const bobs = (await bob.browser.call({ method: 'GET', url: '/v1/me/sessions' })).json<{
      items: { session_id: string }[];
    }>().items;
    const res = await alice.browser.call({ method: 'DELETE', url: `/v1/me/sessions/${bobs[0]?.session_id ?? ''}` });
    expect(res.statusCode).toBe(404);
    expect(await status(bob.browser)).toBe(200);
  });

  it('refuses API tokens on /v1/me routes', async () => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'GET', url: '/v1/me/sessions', token: account.token });
    expect(res.statusCode).toBe(401);
  });
});

describe('the session cap', () => {
  it('ends the oldest session when a new sign-in passes the cap', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    await setSecurity(account, { max_sessions_per_user: 2 });
    t.clock.advance(1_000);
    const second = await signIn(t, member.email, GOOD_PASSWORD);
    t.clock.advance(1_000);
    const third = await signIn(t, member.email, GOOD_PASSWORD);
    expect(await status(member.browser)).toBe(401);
    expect(await status(second)).toBe(200);
    expect(await status(third)).toBe(200);
  });

  it('holds under concurrent sign-ins', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    await setSecurity(account, { max_sessions_per_user: 2 });
    const logins = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.call({ method: 'POST', url: '/v1/auth/login', body: { email: member.email, password: GOOD_PASSWORD } }),
      ),
    );
    expect(
      logins.map((res) => res.statusCode),
      logins[0]?.body,
    ).toEqual([200, 200, 200, 200, 200, 200]);
    const open = await t.db.select().from(sessions).where(eq(sessions.identityId, member.userId));
    expect(open).toHaveLength(2);
  });

  it('takes the smallest cap of the accounts the person works in', async () => {
    const strict = await createAccount(t);
    const lax = await createAccount(t);
    const member = await addMember(t, lax.accountId);
    await setSecurity(strict, { max_sessions_per_user: 1 });
    t.clock.advance(1_000);
    const invited = await t.call({
      method: 'POST',
      url: `/v1/accounts/${strict.accountId}/users/invite`,
      token: strict.token,
      body: { user_email: member.email, user_name: 'Member', environments: {}, allow_login_password: true },
    });
    expect(invited.statusCode, invited.body).toBe(200);
    const accepted = await t.call({
      method: 'POST',
      url: `/v1/invitations/${await invitationTokenFor(t, member.email, strict.accountId)}/accept`,
      body: { user_name: 'Member', password: GOOD_PASSWORD },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const latest = await browserWith(t, cookiesOf(accepted));
    expect(await status(latest)).toBe(200);
    expect(await status(member.browser)).toBe(401);
  });
});

describe('the idle timeout', () => {
  it('ends a session left idle longer than the account allows, and not one in use', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    await setSecurity(account, { idle_timeout_minutes: 5 });
    const idle = await signIn(t, member.email, GOOD_PASSWORD);
    for (let minute = 0; minute < 12; minute += 3) {
      t.clock.advance(3 * MINUTE);
      expect(await status(member.browser)).toBe(200);
    }
    expect(await status(idle)).toBe(401);
  });

  it('applies the default of 60 minutes', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    t.clock.advance(59 * MINUTE);
    expect(await status(member.browser)).toBe(200);
    t.clock.advance(61 * MINUTE);
    expect(await status(member.browser)).toBe(401);
  });

  it('ends any session 7 days after sign-in, however busy', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    await setSecurity(account, { idle_timeout_minutes: 43_200 });
    t.clock.advance(7 * 24 * 60 * MINUTE - MINUTE);
    expect(await status(member.browser)).toBe(200);
    t.clock.advance(2 * MINUTE);
    expect(await status(member.browser)).toBe(401);
  });
});

describe("a member's sessions, for admins", () => {
  it('lists and ends them, audited; the member is signed out at once', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const url = `/v1/accounts/${account.accountId}/users/${member.userId}/sessions`;
    const listed = await t.call({ method: 'GET', url, token: account.token });
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ items: unknown[] }>().items).toHaveLength(1);

    const ended = await t.call({ method: 'DELETE', url, token: account.token });
    expect(ended.json()).toEqual({ ended_sessions: 1 });
    expect(await status(member.browser)).toBe(401);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'session.end_all'));
    expect(audit.some((e) => e.targetId === member.userId && e.accountId === account.accountId)).toBe(true);
  });

  it('answers 403 to a member without users:manage and 404 for someone not in the account', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const url = `/v1/accounts/${account.accountId}/users/${account.adminId}/sessions`;
    expect((await member.browser.call({ method: 'GET', url })).statusCode).toBe(403);
    const foreign = `/v1/accounts/${account.accountId}/users/${other.adminId}/sessions`;
    expect((await t.call({ method: 'GET', url: foreign, token: account.token })).statusCode).toBe(404);
  });
});

describe('deactivating or removing a member', () => {
  it('ends their sessions and stops their tokens at once', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
    const admin = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
    const token = await issueToken(t, account.accountId, member.userId, ['user:list']);
    const usersUrl = `/v1/accounts/${account.accountId}/users`;
    expect((await t.call({ method: 'GET', url: usersUrl, token })).statusCode).toBe(200);

    const res = await admin.browser.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/${member.userId}/active`,
      body: { is_active: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await status(member.browser)).toBe(401);
    expect((await t.call({ method: 'GET', url: usersUrl, token })).statusCode).toBe(401);
  });

  it('ends them on removal too', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
    const token = await issueToken(t, account.accountId, member.userId, ['user:list']);
    const usersUrl = `/v1/accounts/${account.accountId}/users`;
    expect((await t.call({ method: 'GET', url: usersUrl, token })).statusCode).toBe(200);
    const res = await t.call({ method: 'DELETE', url: `${usersUrl}/${member.userId}`, token: account.token });
    expect(res.statusCode).toBe(200);
    expect(await status(member.browser)).toBe(401);
    expect((await t.call({ method: 'GET', url: usersUrl, token })).statusCode).toBe(401);
  });
});
