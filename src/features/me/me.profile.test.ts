import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { toWireTimestamp } from '../../core/time.js';
import { auditEvents } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addUser, createAccount } from '../../../test/factories.js';
import { addMember, invitationTokenFor, type Browser } from '../../../test/sign-in.js';
import type { Invitation } from '../users/users.invite.service.js';
import type { MeResponse } from './me.schemas.js';

const t = useTestApp();

interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** Invites the member's email to the account and accepts with their password, as `userName` there. */
async function join(
  accountId: string,
  member: { email: string; password: string },
  options: { userName?: string; invitation?: Partial<Invitation> } = {},
): Promise<void> {
  await addUser(t, accountId, { ...options.invitation, userEmail: member.email });
  const token = await invitationTokenFor(t, member.email, accountId);
  const res = await t.call({
    method: 'POST',
    url: `/v1/invitations/${token}/accept`,
    body: { user_name: options.userName ?? 'New Member', password: member.password },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function me(browser: Browser): Promise<MeResponse> {
  const res = await browser.call({ method: 'GET', url: '/v1/me' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MeResponse>();
}

async function userNameIn(accountId: string, token: string, userId: string): Promise<string> {
  const res = await t.call({ method: 'GET', url: `/v1/accounts/${accountId}/users/${userId}`, token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ user_name: string }>().user_name;
}

async function auditsOf(accountId: string, action: string) {
  return t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, action)));
}

describe('PATCH /v1/me', () => {
  it('changes name, time zone and preferences, keeps what is omitted, and answers like GET /v1/me', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const res = await member.browser.call({
      method: 'PATCH',
      url: '/v1/me',
      body: { name: '  Ada Lovelace  ', time_zone: 'Europe/Paris', preferences: { landing_page: 'teams' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      user_id: member.userId,
      name: 'Ada Lovelace',
      time_zone: 'Europe/Paris',
      preferences: { landing_page: 'teams', beta_features: false },
      current_account: { account_id: account.accountId },
      csrf_token: member.browser.csrf,
    });

    const again = await member.browser.call({
      method: 'PATCH',
      url: '/v1/me',
      body: { preferences: { beta_features: true } },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(await me(member.browser)).toMatchObject({
      name: 'Ada Lovelace',
      time_zone: 'Europe/Paris',
      preferences: { landing_page: 'teams', beta_features: true },
    });
    const audits = await auditsOf(account.accountId, 'me.update');
    expect(audits).toHaveLength(2);
    expect(audits).toContainEqual(
      expect.objectContaining({
        before: { preferences: { landing_page: 'teams', beta_features: false } },
        after: { preferences: { landing_page: 'teams', beta_features: true } },
      }),
    );
    expect(audits).toContainEqual(
      expect.objectContaining({
        actorId: member.userId,
        targetId: member.userId,
        before: { name: 'New Member', time_zone: 'UTC', preferences: { landing_page: 'users', beta_features: false } },
        after: {
          name: 'Ada Lovelace',
          time_zone: 'Europe/Paris',
          preferences: { landing_page: 'teams', beta_features: false },
        },
      }),
    );
  });

  it('shows the default preferences to someone who never chose any', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    expect((await me(member.browser)).preferences).toEqual({ landing_page: 'users', beta_features: false });
  });

  it('renames the user copies that carried the old name, and keeps a name given in another account', async () => {
    const first = await createAccount(t);
    const second = await createAccount(t);
    const member = await addMember(t, first.accountId);
    await join(second.accountId, member, { userName: 'Dr. Member' });

    const res = await member.browser.call({ method: 'PATCH', url: '/v1/me', body: { name: 'Grace Hopper' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await userNameIn(first.accountId, first.token, member.userId)).toBe('Grace Hopper');
    expect(await userNameIn(second.accountId, second.token, member.userId)).toBe('Dr. Member');
    expect(await auditsOf(first.accountId, 'me.update')).toHaveLength(1);
    expect(await auditsOf(second.accountId, 'me.update')).toHaveLength(0);
  });

  it('audits a rename in every account whose user name changed with it', async () => {
    const first = await createAccount(t);
    const second = await createAccount(t);
    const member = await addMember(t, first.accountId);
    await join(second.accountId, member);
    await member.browser.call({ method: 'PATCH', url: '/v1/me', body: { name: 'Katherine Johnson' } });
    expect(await userNameIn(second.accountId, second.token, member.userId)).toBe('Katherine Johnson');
    const [audit] = await auditsOf(second.accountId, 'me.update');
    expect(audit).toMatchObject({ before: { name: 'New Member' }, after: { name: 'Katherine Johnson' } });
  });

  it('refuses a time zone that is not an IANA name, naming the value, and changes nothing', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const res = await member.browser.call({
      method: 'PATCH',
      url: '/v1/me',
      body: { name: 'Changed', time_zone: 'Mars/Olympus_Mons' },
    });
    expect(res.statusCode).toBe(422);
    const [problem] = res.json<{ detail: Problem[] }>().detail;
    expect(problem?.loc).toEqual(['body', 'time_zone']);
    expect(problem?.msg).toContain('Mars/Olympus_Mons');
    expect(await me(member.browser)).toMatchObject({ name: 'New Member', time_zone: 'UTC' });
  });

  it.each([
    [
      'a landing page not in the list',
      { preferences: { landing_page: 'billing' } },
      ['body', 'preferences', 'landing_page'],
      'enum',
    ],
    [
      'a beta flag that is not a boolean',
      { preferences: { beta_features: 'yes' } },
      ['body', 'preferences', 'beta_features'],
      'bool_type',
    ],
    ['an unknown preference', { preferences: { theme: 'dark' } }, ['body', 'preferences', 'theme'], 'extra_forbidden'],
    ['an unknown field', { nickname: 'Ada' }, ['body', 'nickname'], 'extra_forbidden'],
    ['a blank name', { name: '   ' }, ['body', 'name'], 'value_error'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, ['body', 'name'], 'string_too_long'],
    [
      'an account id that is no id',
      { current_account_id: 'not-an-id' },
      ['body', 'current_account_id'],
      'string_pattern_mismatch',
    ],
  ])('refuses %s with a 422 at its field, and changes nothing', async (_label, body, loc, type) => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const before = await me(member.browser);
    const res = await member.browser.call({ method: 'PATCH', url: '/v1/me', body });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: Problem[] }>().detail).toContainEqual(expect.objectContaining({ loc, type }));
    expect(await me(member.browser)).toEqual(before);
  });

  it('refuses API tokens, and a cookie change without the CSRF header', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const withToken = await t.call({ method: 'PATCH', url: '/v1/me', token: account.token, body: { name: 'X' } });
    expect(withToken.statusCode).toBe(401);
    const withoutCsrf = await member.browser.call({ method: 'PATCH', url: '/v1/me', body: { name: 'X' }, csrf: false });
    expect(withoutCsrf.statusCode).toBe(403);
    expect((await me(member.browser)).name).toBe('New Member');
  });
});

describe('GET /v1/me', () => {
  it('names the account-wide privileges held in the current account: all for an admin, none for a plain member', async () => {
    const account = await createAccount(t);
    const admin = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
    const member = await addMember(t, account.accountId);
    const adminMe = await me(admin.browser);
    expect(adminMe.account_privileges).toEqual(expect.arrayContaining(['users:manage', 'settings:manage']));
    expect((await me(member.browser)).account_privileges).toEqual([]);
  });
});

describe('switching the account a session works in', () => {
  it('switches to another account of the person, for this session, audited there only', async () => {
    const first = await createAccount(t);
    const second = await createAccount(t);
    const member = await addMember(t, first.accountId);
    await join(second.accountId, member);

    const res = await member.browser.call({
      method: 'PATCH',
      url: '/v1/me',
      body: { current_account_id: second.accountId },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MeResponse>().current_account?.account_id).toBe(second.accountId);
    expect((await me(member.browser)).current_account?.account_id).toBe(second.accountId);
    const onboarding = await member.browser.call({ method: 'GET', url: '/v1/me/onboarding' });
    expect(onboarding.json<{ account_id: string }>().account_id).toBe(second.accountId);

    const [audit] = await auditsOf(second.accountId, 'me.update');
    expect(audit?.after).toEqual({ current_account_id: second.accountId });
    expect(await auditsOf(first.accountId, 'me.update')).toHaveLength(0);
  });

  it('answers 404 for an account the person is not an active, accepted member of with this sign-in method', async () => {
    const home = await createAccount(t);
    const member = await addMember(t, home.accountId);
    const foreign = await createAccount(t);
    const invitedOnly = await createAccount(t);
    await addUser(t, invitedOnly.accountId, { userEmail: member.email });
    const deactivated = await createAccount(t);
    await join(deactivated.accountId, member);
    const off = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${deactivated.accountId}/users/${member.userId}/active`,
      token: deactivated.token,
      body: { is_active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    const googleOnly = await createAccount(t);
    await join(googleOnly.accountId, member, { invitation: { allowLoginPassword: false, allowLoginGoogle: true } });

    for (const accountId of [
      foreign.accountId,
      invitedOnly.accountId,
      deactivated.accountId,
      googleOnly.accountId,
      'ffffffffffffffffffffffff',
    ]) {
      const res = await member.browser.call({
        method: 'PATCH',
        url: '/v1/me',
        body: { current_account_id: accountId, name: 'Not Applied' },
      });
      expect(res.statusCode, accountId).toBe(404);
    }
    expect(await me(member.browser)).toMatchObject({
      name: 'New Member',
      current_account: { account_id: home.accountId },
    });
  });
});

describe('onboarding', () => {
  it('shows the steps of the current account and marks one done with the time', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const before = await member.browser.call({ method: 'GET', url: '/v1/me/onboarding' });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({
      account_id: account.accountId,
      onboarding: {
        know_rivery_step: { onboarding_river_types: { status: false, update_time: null } },
        data_connections_step: { onboarding_add_connection: false },
      },
    });

    const res = await member.browser.call({
      method: 'PATCH',
      url: '/v1/me/onboarding',
      body: {
        steps: {
          'know_rivery_step.onboarding_river_types': true,
          'data_connections_step.onboarding_add_connection': true,
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const expected = {
      know_rivery_step: {
        onboarding_river_types: { status: true, update_time: toWireTimestamp(t.clock.now()) },
        onboarding_rivery_introduction: { status: false, update_time: null },
      },
      data_connections_step: { onboarding_add_connection: true },
    };
    expect(res.json()).toMatchObject({ onboarding: expected });
    // The Users API shows the same object.
    const user = await t.call({
      method: 'GET',
      url: `/v1/accounts/${account.accountId}/users/${member.userId}`,
      token: account.token,
    });
    expect(user.json()).toMatchObject({ onboarding: expected });
    expect(await auditsOf(account.accountId, 'me.onboarding')).toHaveLength(1);
  });

  it('refuses a path that names no step, and changes nothing', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const res = await member.browser.call({
      method: 'PATCH',
      url: '/v1/me/onboarding',
      body: { steps: { 'data_connections_step.onboarding_add_connection': true, 'no_such_step.x': true } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: Problem[] }>().detail.map((p) => p.loc)).toEqual([['body', 'steps', 'no_such_step.x']]);
    const after = await member.browser.call({ method: 'GET', url: '/v1/me/onboarding' });
    expect(after.json()).toMatchObject({ onboarding: { data_connections_step: { onboarding_add_connection: false } } });
  });

  it('answers 403 when the account of the session no longer lets the person in', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const off = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/${member.userId}`,
      token: account.token,
      body: { allow_login_password: false, allow_login_google: true },
    });
    expect(off.statusCode, off.body).toBe(200);
    const res = await member.browser.call({ method: 'GET', url: '/v1/me/onboarding' });
    expect(res.statusCode, res.body).toBe(403);
    const alerts = await member.browser.call({ method: 'GET', url: '/v1/me/alerts' });
    expect(alerts.statusCode, alerts.body).toBe(403);
  });
});
