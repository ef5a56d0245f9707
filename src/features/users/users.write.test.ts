import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, type TestAccount } from '../../../test/factories.js';

const t = useTestApp();

interface User {
  user_id: string;
  user_name: string;
  environments: Record<string, { role: string }>;
  is_admin: boolean;
  is_active: boolean;
  source: string;
  allow_login_google: boolean;
  allow_login_password: boolean;
  updated_at: string;
  groups: string[];
}

const userUrl = (account: TestAccount, userId: string, suffix = '') =>
  `/v1/accounts/${account.accountId}/users/${userId}${suffix}`;

async function getUser(account: TestAccount, userId: string): Promise<User> {
  const res = await t.call({ method: 'GET', url: userUrl(account, userId), token: account.token });
  expect(res.statusCode).toBe(200);
  return res.json<User>();
}

const patch = (account: TestAccount, userId: string, body: unknown, suffix = '') =>
  t.call({ method: 'PATCH', url: userUrl(account, userId, suffix), token: account.token, body });

function problems(body: string): { loc: (string | number)[]; type: string; msg: string }[] {
  return (JSON.parse(body) as { detail: { loc: (string | number)[]; type: string; msg: string }[] }).detail;
}

describe('patch user', () => {
  it('changes only the given fields; null and omitted stay', async () => {
    const account = await createAccount(t);
    const prod = account.environments.Production ?? '';
    const { userId } = await addUser(t, account.accountId, { userName: 'Before', environments: { [prod]: 'viewer' } });
    const before = await getUser(account, userId);
    t.clock.advance(5_000);
    const res = await patch(account, userId, { user_name: 'After', is_admin: null, allow_login_google: true });
    expect(res.statusCode).toBe(200);
    const after = res.json<User>();
    expect(after).toMatchObject({
      user_name: 'After',
      is_admin: false,
      allow_login_google: true,
      allow_login_password: true,
    });
    expect(after.environments).toEqual({ [prod]: { role: 'viewer' } });
    expect(after.updated_at > before.updated_at).toBe(true);
  });

  it('replaces the whole environments map', async () => {
    const account = await createAccount(t);
    const { Production: prod = '', Staging: staging = '' } = account.environments;
    const { userId } = await addUser(t, account.accountId, { environments: { [prod]: 'viewer' } });
    const res = await patch(account, userId, { environments: { [staging]: { role: 'developer' } } });
    expect(res.json<User>().environments).toEqual({ [staging]: { role: 'developer' } });
    const cleared = await patch(account, userId, { environments: {} });
    expect(cleared.json<User>().environments).toEqual({});
  });

  it('refuses unknown environments and roles with their location, changing nothing', async () => {
    const account = await createAccount(t);
    const prod = account.environments.Production ?? '';
    const { userId } = await addUser(t, account.accountId, { userName: 'Kept', environments: { [prod]: 'viewer' } });
    const foreign = (await createAccount(t)).environments.Production ?? '';
    const res = await patch(account, userId, {
      user_name: 'Changed',
      environments: { [prod]: { role: 'wizard' }, [foreign]: { role: 'viewer' } },
    });
    expect(res.statusCode).toBe(422);
    expect(problems(res.body).map((p) => p.loc)).toEqual(
      expect.arrayContaining([
        ['body', 'environments', prod, 'role'],
        ['body', 'environments', foreign],
      ]),
    );
    expect(await getUser(account, userId)).toMatchObject({
      user_name: 'Kept',
      environments: { [prod]: { role: 'viewer' } },
    });
  });

  it('refuses wrong types and unknown fields', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId);
    const wrong = await patch(account, userId, { user_name: 42, is_admin: 'yes', colour: 'red' });
    expect(wrong.statusCode).toBe(422);
    expect(problems(wrong.body)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ loc: ['body', 'user_name'], type: 'string_type' }),
        expect.objectContaining({ loc: ['body', 'is_admin'], type: 'bool_type' }),
        expect.objectContaining({ loc: ['body', 'colour'], type: 'extra_forbidden' }),
      ]),
    );
  });

  it('answers 409 for a user owned by Active Directory, whose source and active flag still change', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId, { userName: 'Directory' });
    const moved = await patch(account, userId, { source: 'active_directory' }, '/source');
    expect(moved.statusCode).toBe(200);
    expect(moved.json<User>().source).toBe('active_directory');
    const refused = await patch(account, userId, { user_name: 'Local edit' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ detail: string }>().detail).toMatch(/Active Directory/);
    expect((await patch(account, userId, { is_active: false }, '/active')).json<User>().is_active).toBe(false);
    expect((await getUser(account, userId)).user_name).toBe('Directory');
    const badSource = await patch(account, userId, { source: 'ldap' }, '/source');
    expect(problems(badSource.body)).toEqual([expect.objectContaining({ loc: ['body', 'source'], type: 'enum' })]);
  });

  it('answers 404 for an unknown user and 422 for a malformed id', async () => {
    const account = await createAccount(t);
    const missing = await patch(account, '0123456789abcdef01234567', { user_name: 'x' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ detail: 'User not found' });
    const malformed = await patch(account, 'not-an-id', { user_name: 'x' });
    expect(problems(malformed.body)).toEqual([
      expect.objectContaining({ loc: ['path', 'user_id'], type: 'string_pattern_mismatch' }),
    ]);
  });
});

describe('the last active admin', () => {
  it('cannot be demoted, deactivated or removed', async () => {
    const account = await createAccount(t);
    const demote = await patch(account, account.adminId, { is_admin: false });
    const deactivate = await patch(account, account.adminId, { is_active: false }, '/active');
    const remove = await t.call({ method: 'DELETE', url: userUrl(account, account.adminId), token: account.token });
    for (const res of [demote, deactivate, remove]) {
      expect(res.statusCode).toBe(409);
      expect(res.json<{ detail: string }>().detail).toMatch(/active admin/);
    }
    expect(await getUser(account, account.adminId)).toMatchObject({ is_admin: true, is_active: true });
  });

  it('does not count an inactive admin as another one', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId, { isAdmin: true });
    expect((await patch(account, userId, { is_active: false }, '/active')).statusCode).toBe(200);
    expect((await patch(account, account.adminId, { is_admin: false })).statusCode).toBe(409);
  });

  it('can step down once another active admin exists', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId, { isAdmin: true });
    expect((await patch(account, account.adminId, { is_admin: false })).statusCode).toBe(200);
    expect((await getUser(account, userId)).is_admin).toBe(true);
  });

  it('survives two admins demoting each other at the same time', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId, { isAdmin: true });
    const results = await Promise.all([
      patch(account, account.adminId, { is_admin: false }),
      patch(account, userId, { is_admin: false }),
    ]);
    expect(results.map((res) => res.statusCode).sort()).toEqual([200, 409]);
    const admins = [await getUser(account, account.adminId), await getUser(account, userId)].filter((u) => u.is_admin);
    expect(admins).toHaveLength(1);
  });
});

describe('delete user', () => {
  it('removes the membership only; the person stays in their other account', async () => {
    const a = await createAccount(t);
    const b = await createAccount(t);
    const { userId, email } = await addUser(t, a.accountId);
    const again = await addUser(t, b.accountId, { userEmail: email });
    expect(again.userId).toBe(userId);
    const res = await t.call({ method: 'DELETE', url: userUrl(a, userId), token: a.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ account_id: a.accountId, user_id: userId, deleted: true });
    expect((await t.call({ method: 'GET', url: userUrl(a, userId), token: a.token })).statusCode).toBe(404);
    expect((await getUser(b, userId)).user_id).toBe(userId);
  });
});

describe('attach and detach users', () => {
  const teams = (account: TestAccount, body: unknown) =>
    t.call({ method: 'PATCH', url: `/v1/accounts/${account.accountId}/users/teams`, token: account.token, body });

  it('attaches once and detaches only members', async () => {
    const account = await createAccount(t);
    const team = await addTeam(t, account.accountId);
    const { userId } = await addUser(t, account.accountId);
    const first = await teams(account, { operation: 'attach', team_id: team, user_ids: [userId] });
    expect(first.json()).toMatchObject({ changed_user_ids: [userId], user_ids: [userId], team_id: team });
    expect((await getUser(account, userId)).groups).toEqual([team]);
    const twice = await teams(account, { operation: 'attach', team_id: team, user_ids: [userId, userId] });
    expect(twice.json()).toMatchObject({ changed_user_ids: [] });
    const detach = await teams(account, { operation: 'detach', team_id: team, user_ids: [userId, account.adminId] });
    expect(detach.json()).toMatchObject({ changed_user_ids: [userId] });
    expect((await getUser(account, userId)).groups).toEqual([]);
  });

  it('changes nothing and names every unknown id', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const team = await addTeam(t, account.accountId);
    const { userId } = await addUser(t, account.accountId);
    const stranger = await addUser(t, other.accountId);
    const res = await teams(account, {
      operation: 'attach',
      team_id: team,
      user_ids: [userId, stranger.userId, 'ffffffffffffffffffffffff'],
    });
    expect(res.statusCode).toBe(422);
    expect(problems(res.body).map((p) => p.loc)).toEqual([
      ['body', 'user_ids', 1],
      ['body', 'user_ids', 2],
    ]);
    expect(problems(res.body)[0]?.msg).toContain(stranger.userId);
    expect((await getUser(account, userId)).groups).toEqual([]);

    const noTeam = await teams(account, {
      operation: 'attach',
      team_id: 'ffffffffffffffffffffffff',
      user_ids: [userId],
    });
    expect(problems(noTeam.body)).toEqual([expect.objectContaining({ loc: ['body', 'team_id'] })]);
    const badOperation = await teams(account, { operation: 'merge', team_id: team, user_ids: [] });
    expect(problems(badOperation.body)).toEqual([
      expect.objectContaining({ loc: ['body', 'operation'], type: 'enum' }),
    ]);
  });
});

describe('audit', () => {
  it('records each change with actor, target, before/after, request id and address; refusals record nothing', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId, { userName: 'Audited' });
    const eventsFor = () =>
      t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.accountId, account.accountId), eq(auditEvents.targetId, userId)));
    const before = (await eventsFor()).length;
    await t.call({
      method: 'PATCH',
      url: userUrl(account, userId),
      token: account.token,
      body: { user_name: 'Renamed' },
      headers: { 'x-request-id': 'audit-req-1' },
    });
    const events = await eventsFor();
    expect(events).toHaveLength(before + 1);
    const event = events.find((e) => e.requestId === 'audit-req-1');
    expect(event).toMatchObject({
      action: 'user.update',
      actorType: 'token',
      actorId: account.adminId,
      targetType: 'user',
      clientIp: '127.0.0.1',
    });
    expect(event?.tokenId).toMatch(/^[0-9a-f]{24}$/);
    expect(event?.before).toMatchObject({ user_name: 'Audited' });
    expect(event?.after).toMatchObject({ user_name: 'Renamed' });

    await t.call({ method: 'PATCH', url: userUrl(account, userId), token: account.token, body: { user_name: 7 } });
    await t.call({
      method: 'PATCH',
      url: userUrl(account, account.adminId),
      token: account.token,
      body: { is_admin: false },
    });
    expect(await eventsFor()).toHaveLength(before + 1);
  });
});
