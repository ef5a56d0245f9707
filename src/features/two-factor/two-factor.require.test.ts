import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { createAccount } from '../../../test/factories.js';
import { addMember, GOOD_PASSWORD, signIn } from '../../../test/sign-in.js';
import { enrolTwoFactor, nextStep, secondStep, startSignIn, totpCode } from '../../../test/two-factor.js';

const t = useTestApp();

async function requireTwoFactor(account: { accountId: string; token: string }, on: boolean) {
  const res = await t.call({
    method: 'PATCH',
    url: `/v1/accounts/${account.accountId}/settings/security`,
    token: account.token,
    body: { require_two_factor: on },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ require_two_factor: on });
}

describe('an account that requires two-factor authentication', () => {
  it('sends a member without it to enrolment before anything else, and lets them back in after', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
    const usersUrl = `/v1/accounts/${account.accountId}/users`;
    expect((await member.browser.call({ method: 'GET', url: usersUrl })).statusCode).toBe(200);

    await requireTwoFactor(account, true);
    const blocked = await member.browser.call({ method: 'GET', url: usersUrl });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ detail: string }>().detail).toMatch(/enrol at POST \/v1\/me\/two-factor/);
    const change = await member.browser.call({
      method: 'POST',
      url: `/v1/accounts/${account.accountId}/teams`,
      body: { name: 'Ops' },
    });
    expect(change.statusCode).toBe(403);
    const me = await member.browser.call({ method: 'GET', url: '/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ must_enrol_two_factor: true, two_factor_enabled: false });

    // a new sign-in lands in the same place
    const fresh = await signIn(t, member.email, GOOD_PASSWORD);
    expect((await fresh.call({ method: 'GET', url: usersUrl })).statusCode).toBe(403);

    const { secret } = await enrolTwoFactor(t, member.browser);
    expect((await member.browser.call({ method: 'GET', url: usersUrl })).statusCode).toBe(200);
    const after = await member.browser.call({ method: 'GET', url: '/v1/me' });
    expect(after.json()).toMatchObject({ must_enrol_two_factor: false, two_factor_enabled: true });

    nextStep(t);
    const pending = await startSignIn(t, member.email, GOOD_PASSWORD);
    expect((await secondStep(t, pending, { code: totpCode(t, secret) })).statusCode).toBe(200);
  });

  it('leaves members of other accounts alone, and lets go when switched off', async () => {
    const strict = await createAccount(t);
    const relaxed = await createAccount(t);
    const inStrict = await addMember(t, strict.accountId, { invitation: { isAdmin: true } });
    const inRelaxed = await addMember(t, relaxed.accountId, { invitation: { isAdmin: true } });
    await requireTwoFactor(strict, true);

    const relaxedUsers = await inRelaxed.browser.call({
      method: 'GET',
      url: `/v1/accounts/${relaxed.accountId}/users`,
    });
    expect(relaxedUsers.statusCode).toBe(200);
    const strictUsers = `/v1/accounts/${strict.accountId}/users`;
    expect((await inStrict.browser.call({ method: 'GET', url: strictUsers })).statusCode).toBe(403);

    await requireTwoFactor(strict, false);
    expect((await inStrict.browser.call({ method: 'GET', url: strictUsers })).statusCode).toBe(200);
  });
});
