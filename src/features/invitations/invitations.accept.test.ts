import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { addUser, createAccount } from '../../../test/factories.js';
import { addMember, cookiesOf, GOOD_PASSWORD, invitationTokenFor } from '../../../test/sign-in.js';

const t = useTestApp();

async function accept(token: string, body: Record<string, unknown>) {
  return t.call({ method: 'POST', url: `/v1/invitations/${token}/accept`, body });
}

describe('GET /v1/invitations/{token}', () => {
  it('says whose invitation it is and to what, and nothing secret', async () => {
    const account = await createAccount(t, { name: 'Acme Data' });
    const user = await addUser(t, account.accountId);
    const token = await invitationTokenFor(t, user.email, account.accountId);
    const res = await t.call({ method: 'GET', url: `/v1/invitations/${token}` });
    expect(res.statusCode).toBe(200);
    const body = res.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual([
      'account_name',
      'email',
      'expires_at',
      'invited_by_name',
      'needs_password',
    ]);
    expect(body).toMatchObject({ account_name: 'Acme Data', email: user.email, needs_password: true });
  });

  it('answers 404 for a token that is not one, or that no invitation has', async () => {
    const account = await createAccount(t);
    for (const token of ['nonsense', `stwi_${account.accountId}_${'A'.repeat(43)}`]) {
      expect((await t.call({ method: 'GET', url: `/v1/invitations/${token}` })).statusCode).toBe(404);
    }
  });
});

describe('POST /v1/invitations/{token}/accept', () => {
  it('answers 410 once the link has expired, and changes nothing', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const token = await invitationTokenFor(t, user.email, account.accountId);
    t.clock.advanceHours(72);
    const res = await accept(token, { user_name: 'Late', password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(410);
    expect(res.json<{ detail: string }>().detail).toContain('expired');
    const member = await t.call({
      method: 'GET',
      url: `/v1/accounts/${account.accountId}/users/${user.userId}`,
      token: account.token,
    });
    expect(member.json()).toMatchObject({ status: 'invited' });
  });

  it('answers 410 for the older link of a re-invited person, and the new link works', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const older = await invitationTokenFor(t, user.email, account.accountId);
    t.clock.advance(1_000);
    const again = await t.call({
      method: 'POST',
      url: `/v1/accounts/${account.accountId}/users/re_invite`,
      token: account.token,
      body: { user_email: user.email },
    });
    expect(again.statusCode, again.body).toBe(200);
    const newer = await invitationTokenFor(t, user.email, account.accountId);
    expect(newer).not.toBe(older);
    expect((await accept(older, { user_name: 'Old', password: GOOD_PASSWORD })).statusCode).toBe(410);
    expect((await accept(newer, { user_name: 'New', password: GOOD_PASSWORD })).statusCode).toBe(200);
  });

  it('refuses a password that breaks the policy with a 422 naming every rule, and keeps the link usable', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const token = await invitationTokenFor(t, user.email, account.accountId);
    const res = await accept(token, { user_name: 'Weak', password: 'password' });
    expect(res.statusCode).toBe(422);
    const types = res.json<{ detail: { loc: string[]; type: string }[] }>().detail.map((p) => p.type);
    expect(types).toEqual(expect.arrayContaining(['value_error.password.too_short', 'value_error.password.common']));
    expect((await accept(token, { user_name: 'Strong', password: GOOD_PASSWORD })).statusCode).toBe(200);
  });

  it('asks someone who already has a password for it, instead of a new one', async () => {
    const first = await createAccount(t);
    const second = await createAccount(t);
    const member = await addMember(t, first.accountId);
    await addUser(t, second.accountId, { userEmail: member.email });
    const token = await invitationTokenFor(t, member.email, second.accountId);
    expect((await t.call({ method: 'GET', url: `/v1/invitations/${token}` })).json()).toMatchObject({
      needs_password: false,
    });
    const missing = await accept(token, { user_name: 'Member' });
    expect(missing.statusCode).toBe(422);
    const wrong = await accept(token, { user_name: 'Member', password: 'another long passphrase 9' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<{ detail: { loc: string[] }[] }>().detail[0]?.loc).toEqual(['body', 'password']);
    const right = await accept(token, { user_name: 'Member', password: member.password });
    expect(right.statusCode, right.body).toBe(200);
  });

  it('activates a Google-only membership without a session cookie', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId, { allowLoginPassword: false, allowLoginGoogle: true });
    const token = await invitationTokenFor(t, user.email, account.accountId);
    const res = await accept(token, { user_name: 'Googler', password: GOOD_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ signed_in: false });
    expect(cookiesOf(res)).toBe('');
  });
});
