import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { createAccount } from '../../../test/factories.js';
import { addMember, cookiesOf, GOOD_PASSWORD, signIn } from '../../../test/sign-in.js';

const t = useTestApp();

describe('sign-in with a password', () => {
  it('signs an invited member in after they accept, and out again', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
    const me = await member.browser.call({ method: 'GET', url: '/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email: member.email,
      current_account: { account_id: account.accountId, status: 'active' },
    });

    const browser = await signIn(t, member.email, GOOD_PASSWORD);
    const users = await browser.call({ method: 'GET', url: `/v1/accounts/${account.accountId}/users` });
    expect(users.statusCode).toBe(200);

    const out = await browser.call({ method: 'POST', url: '/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    const after = await browser.call({ method: 'GET', url: '/v1/me' });
    expect(after.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const wrong = await t.call({
      method: 'POST',
      url: '/v1/auth/login',
      body: { email: member.email, password: 'nope nope nope' },
    });
    const unknown = await t.call({
      method: 'POST',
      url: '/v1/auth/login',
      body: { email: 'nobody@example.com', password: 'nope nope nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(cookiesOf(wrong)).toBe('');
  });

  it('refuses a cookie-authenticated change without the CSRF header', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
    const refused = await member.browser.call({
      method: 'POST',
      url: `/v1/accounts/${account.accountId}/teams`,
      body: { name: 'Data' },
      csrf: false,
    });
    expect(refused.statusCode).toBe(403);
    const created = await member.browser.call({
      method: 'POST',
      url: `/v1/accounts/${account.accountId}/teams`,
      body: { name: 'Data' },
    });
    expect(created.statusCode, created.body).toBe(201);
  });
});
