import { hash } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { auditEvents, identities } from '../../db/schema/index.js';
import { ARGON2_PARAMETERS } from './passwords.hashing.js';
import { useTestApp } from '../../../test/app.js';
import { addUser, createAccount, type TestAccount } from '../../../test/factories.js';
import {
  addMember,
  canSignIn,
  cookiesOf,
  GOOD_PASSWORD,
  invitationTokenFor,
  isPasswordOf,
  signIn,
  type Browser,
} from '../../../test/sign-in.js';

const t = useTestApp();

interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const DAY_MS = 24 * 3_600_000;

async function setPolicy(account: TestAccount, policy: Record<string, unknown>): Promise<void> {
  const res = await t.call({
    method: 'PATCH',
    url: `/v1/accounts/${account.accountId}/settings/security`,
    token: account.token,
    body: { password_policy: policy },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const changePassword = (browser: Browser, current: string, next: string) =>
  browser.call({ method: 'POST', url: '/v1/me/password', body: { current_password: current, new_password: next } });

const problemTypes = (res: LightMyRequestResponse) => res.json<{ detail: Problem[] }>().detail.map((p) => p.type);

async function storedHash(identityId: string): Promise<string | null> {
  const [row] = await t.db
    .select({ hash: identities.passwordHash })
    .from(identities)
    .where(eq(identities.id, identityId));
  return row?.hash ?? null;
}

/** Invites an existing person to another account and accepts with their password. */
async function join(account: TestAccount, email: string, password: string): Promise<void> {
  await addUser(t, account.accountId, { userEmail: email });
  const token = await invitationTokenFor(t, email, account.accountId);
  const res = await t.call({
    method: 'POST',
    url: `/v1/invitations/${token}/accept`,
    body: { user_name: 'Member Of Two', password },
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('POST /v1/me/password', () => {
  it('changes the password, keeps this session and ends every other one', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const other = await signIn(t, member.email, GOOD_PASSWORD);
    const next = 'a brand new passphrase 7';

    const res = await changePassword(member.browser, GOOD_PASSWORD, next);
    expect(res.statusCode, res.body).toBe(204);

    expect((await member.browser.call({ method: 'GET', url: '/v1/me' })).statusCode).toBe(200);
    expect((await other.call({ method: 'GET', url: '/v1/me' })).statusCode).toBe(401);
    expect(await isPasswordOf(t, member.userId, GOOD_PASSWORD)).toBe(false);
    expect(await canSignIn(t, member.email, next)).toBe(true);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.accountId), eq(auditEvents.action, 'password.change')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'identity', actorId: member.userId, targetId: member.userId });
    expect(JSON.stringify(audit)).not.toContain(next);
  });

  it('refuses a wrong current password at body.current_password and changes nothing', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const other = await signIn(t, member.email, GOOD_PASSWORD);
    const before = await storedHash(member.userId);

    const res = await changePassword(member.browser, 'not my password at all', 'a brand new passphrase 7');
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: Problem[] }>().detail).toEqual([
      { loc: ['body', 'current_password'], msg: 'Incorrect password', type: 'value_error.password.incorrect' },
    ]);
    expect(await storedHash(member.userId)).toBe(before);
    expect((await other.call({ method: 'GET', url: '/v1/me' })).statusCode).toBe(200);
  });

  it('counts wrong current passwords like failed sign-ins: after five the email is locked, here and at sign-in', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    for (let i = 0; i < 5; i++) {
      expect(
        (await changePassword(member.browser, `wrong guess number ${String(i)}`, 'a new passphrase 77')).statusCode,
      ).toBe(422);
    }
    const locked = await changePassword(member.browser, GOOD_PASSWORD, 'a new passphrase 77');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    expect(await isPasswordOf(t, member.userId, GOOD_PASSWORD)).toBe(true);
    const login = await t.call({
      method: 'POST',
      url: '/v1/auth/login',
      body: { email: member.email, password: GOOD_PASSWORD },
    });
    expect(login.statusCode).toBe(429);
    const emailChange = await member.browser.call({
      method: 'POST',
      url: '/v1/me/email',
      body: { new_email: 'elsewhere@example.com', current_password: GOOD_PASSWORD },
    });
    expect(emailChange.statusCode).toBe(429);
  });

  it('does not look at the new password while the current one is wrong', async () => {
    const account = await createAccount(t);
    await setPolicy(account, { history_count: 5 });
    const member = await addMember(t, account.accountId);
    // naming a reuse here would confirm an old password to whoever holds the session
    const res = await changePassword(member.browser, 'not my password at all', GOOD_PASSWORD);
    expect(problemTypes(res)).toEqual(['value_error.password.incorrect']);
  });

  it('needs a session with its CSRF header: API tokens and bare cookies are refused', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const body = { current_password: GOOD_PASSWORD, new_password: 'a brand new passphrase 7' };
    const withToken = await t.call({ method: 'POST', url: '/v1/me/password', token: account.token, body });
    expect(withToken.statusCode).toBe(401);
    const withoutCsrf = await member.browser.call({ method: 'POST', url: '/v1/me/password', body, csrf: false });
    expect(withoutCsrf.statusCode).toBe(403);
    const extra = await member.browser.call({ method: 'POST', url: '/v1/me/password', body: { ...body, x: 1 } });
    expect(extra.statusCode).toBe(422);
    expect(await canSignIn(t, member.email, GOOD_PASSWORD)).toBe(true);
  });

  it('names every rule the new password breaks, at body.new_password', async () => {
    const account = await createAccount(t);
    await setPolicy(account, { character_classes: 3 });
    const member = await addMember(t, account.accountId, { invitation: { userEmail: 'qwerty.fan@example.com' } });

    const res = await changePassword(member.browser, GOOD_PASSWORD, 'qwerty');
    expect(res.statusCode).toBe(422);
    const detail = res.json<{ detail: Problem[] }>().detail;
    expect(detail.map((p) => p.type)).toEqual([
      'value_error.password.too_short',
      'value_error.password.contains_email',
      'value_error.password.common',
      'value_error.password.character_classes',
    ]);
    expect(detail.every((p) => p.loc.join('.') === 'body.new_password')).toBe(true);
    expect(await canSignIn(t, member.email, GOOD_PASSWORD)).toBe(true);
  });
});

describe('the policy that binds a person', () => {
  it('follows a minimum length the account raised', async () => {
    const account = await createAccount(t);
    await setPolicy(account, { min_length: 16 });
    const member = await addMember(t, account.accountId);

    const short = await changePassword(member.browser, GOOD_PASSWORD, 'violet harbour!');
    expect(short.statusCode).toBe(422);
    expect(short.json<{ detail: Problem[] }>().detail[0]?.msg).toBe('Password must be at least 16 characters long');
    expect((await changePassword(member.browser, GOOD_PASSWORD, 'violet harbours!')).statusCode).toBe(204);
  });

  it('is the strictest of all the person’s accounts, whichever one they work in', async () => {
    const first = await createAccount(t);
    const second = await createAccount(t);
    await setPolicy(second, { min_length: 20 });
    const member = await addMember(t, first.accountId);
    await join(second, member.email, GOOD_PASSWORD);
    const me = await member.browser.call({ method: 'GET', url: '/v1/me' });
    expect(me.json<{ current_account: { account_id: string } }>().current_account.account_id).toBe(first.accountId);

    const short = await changePassword(member.browser, GOOD_PASSWORD, 'nineteen characters');
    expect(short.statusCode).toBe(422);
    expect(short.json<{ detail: Problem[] }>().detail[0]?.msg).toBe('Password must be at least 20 characters long');
    expect((await changePassword(member.browser, GOOD_PASSWORD, 'twenty-one characters')).statusCode).toBe(204);
    // recorded in the audit of both accounts: each one's admins see their member's sign-in change
    const audited = await t.db
      .select({ accountId: auditEvents.accountId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'password.change'), eq(auditEvents.targetId, member.userId)));
    expect(audited.map((a) => a.accountId).sort()).toEqual([first.accountId, second.accountId].sort());
  });

  it('refuses the last N passwords when the account keeps a history', async () => {
    const account = await createAccount(t);
    await setPolicy(account, { history_count: 2 });
    const member = await addMember(t, account.accountId);
    const second = 'second passphrase of mine';
    const third = 'third passphrase of mine';

    t.clock.advance(1_000);
    expect((await changePassword(member.browser, GOOD_PASSWORD, second)).statusCode).toBe(204);
    t.clock.advance(1_000);
    const reused = await changePassword(member.browser, second, GOOD_PASSWORD);
    expect(problemTypes(reused)).toEqual(['value_error.password.reused']);
    expect(reused.json<{ detail: Problem[] }>().detail[0]?.msg).toBe('Password must differ from your last 2 passwords');
    expect((await changePassword(member.browser, second, third)).statusCode).toBe(204);
    t.clock.advance(1_000);
    // three passwords back is outside a history of two
    expect((await changePassword(member.browser, third, GOOD_PASSWORD)).statusCode).toBe(204);
  });

  it('lets a password be used again when no account keeps a history (the default)', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const second = 'second passphrase of mine';
    t.clock.advance(1_000);
    expect((await changePassword(member.browser, GOOD_PASSWORD, second)).statusCode).toBe(204);
    t.clock.advance(1_000);
    expect((await changePassword(member.browser, second, GOOD_PASSWORD)).statusCode).toBe(204);
  });
});

describe('maximum password age', () => {
  it('sends a person whose password is too old to change it before anything else', async () => {
    const account = await createAccount(t);
    await setPolicy(account, { max_age_days: 30 });
    const member = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
    const usersUrl = `/v1/accounts/${account.accountId}/users`;

    t.clock.advance(29 * DAY_MS);
    const fresh = await signIn(t, member.email, GOOD_PASSWORD);
    expect((await fresh.call({ method: 'GET', url: usersUrl })).statusCode).toBe(200);

    t.clock.advance(2 * DAY_MS);
    const stale = await signIn(t, member.email, GOOD_PASSWORD);
    const me = await stale.call({ method: 'GET', url: '/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ must_change_password: true });
    const blocked = await stale.call({ method: 'GET', url: usersUrl });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ detail: string }>().detail).toContain('POST /v1/me/password');

    // the forced change may not keep the same password, even with no history rule
    const same = await changePassword(stale, GOOD_PASSWORD, GOOD_PASSWORD);
    expect(same.json<{ detail: Problem[] }>().detail).toEqual([
      {
        loc: ['body', 'new_password'],
        msg: 'Password must differ from your current password',
        type: 'value_error.password.reused',
      },
    ]);
    expect((await changePassword(stale, GOOD_PASSWORD, 'a fresh passphrase 2026')).statusCode).toBe(204);
    expect((await stale.call({ method: 'GET', url: usersUrl })).statusCode).toBe(200);
    expect((await stale.call({ method: 'GET', url: '/v1/me' })).json()).toMatchObject({
      must_change_password: false,
    });
  });

  it('lets the person sign out while the change is due', async () => {
    const account = await createAccount(t);
    await setPolicy(account, { max_age_days: 1 });
    const member = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
    t.clock.advance(2 * DAY_MS);
    const stale = await signIn(t, member.email, GOOD_PASSWORD);
    const blocked = await stale.call({ method: 'GET', url: `/v1/accounts/${account.accountId}/users` });
    expect(blocked.statusCode).toBe(403);
    expect((await stale.call({ method: 'POST', url: '/v1/auth/logout' })).statusCode).toBe(204);
    expect((await stale.call({ method: 'GET', url: '/v1/me' })).statusCode).toBe(401);
  });

  it('never expires a password by default', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
    t.clock.advance(3_650 * DAY_MS);
    const browser = await signIn(t, member.email, GOOD_PASSWORD);
    expect((await browser.call({ method: 'GET', url: '/v1/me' })).json()).toMatchObject({
      must_change_password: false,
    });
    expect((await browser.call({ method: 'GET', url: `/v1/accounts/${account.accountId}/users` })).statusCode).toBe(
      200,
    );
  });
});

describe('Unicode passwords', () => {
  it('signs in with the password typed in compatibility forms (full-width letters, ideographic space)', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const fullWidth = GOOD_PASSWORD.replace(/[ -~]/g, (c) =>
      c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    expect(fullWidth).not.toBe(GOOD_PASSWORD);
    expect(await canSignIn(t, member.email, fullWidth)).toBe(true);
  });

  it('accepts a password in any script, and keeps it as typed after NFKC', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const next = 'Пароль — 日本語のパスワード ✓';
    expect((await changePassword(member.browser, GOOD_PASSWORD, next)).statusCode).toBe(204);
    expect(await canSignIn(t, member.email, next)).toBe(true);
  });
});

describe('argon2id parameters', () => {
  it('upgrades a hash made with weaker parameters at the next successful sign-in', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const weak = await hash(GOOD_PASSWORD, { ...ARGON2_PARAMETERS, memoryCost: 4_096, timeCost: 1 });
    await t.db.update(identities).set({ passwordHash: weak }).where(eq(identities.id, member.userId));

    const wrong = await t.call({
      method: 'POST',
      url: '/v1/auth/login',
      body: { email: member.email, password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(await storedHash(member.userId)).toBe(weak);

    const res = await t.call({
      method: 'POST',
      url: '/v1/auth/login',
      body: { email: member.email, password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(cookiesOf(res)).not.toBe('');
    const upgraded = await storedHash(member.userId);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await canSignIn(t, member.email, GOOD_PASSWORD)).toBe(true);
  });
});
