import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { addTeam, addUser, createAccount, issueToken, type TestAccount } from '../../test/factories.js';

const t = useTestApp();

interface Route {
  name: string;
  scope: 'user:list' | 'user:edit';
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: (account: TestAccount, userId: string) => string;
  body?: (account: TestAccount, userId: string) => unknown;
}

let teamId = '';
const base = (account: TestAccount) => `/v1/accounts/${account.accountId}/users`;
const ROUTES: Route[] = [
  { name: 'list', scope: 'user:list', method: 'GET', url: (a) => base(a) },
  { name: 'get', scope: 'user:list', method: 'GET', url: (a, u) => `${base(a)}/${u}` },
  { name: 'permissions', scope: 'user:list', method: 'GET', url: (a, u) => `${base(a)}/${u}/permissions` },
  {
    name: 'patch',
    scope: 'user:edit',
    method: 'PATCH',
    url: (a, u) => `${base(a)}/${u}`,
    body: () => ({ user_name: 'X' }),
  },
  {
    name: 'source',
    scope: 'user:edit',
    method: 'PATCH',
    url: (a, u) => `${base(a)}/${u}/source`,
    body: () => ({ source: 'active_directory' }),
  },
  {
    name: 'active',
    scope: 'user:edit',
    method: 'PATCH',
    url: (a, u) => `${base(a)}/${u}/active`,
    body: () => ({ is_active: false }),
  },
  {
    name: 'invite',
    scope: 'user:edit',
    method: 'POST',
    url: (a) => `${base(a)}/invite`,
    body: () => ({ user_name: 'N', user_email: 'n@example.com', environments: {}, allow_login_password: true }),
  },
  {
    name: 're_invite',
    scope: 'user:edit',
    method: 'POST',
    url: (a) => `${base(a)}/re_invite`,
    body: () => ({ user_email: 'n@example.com' }),
  },
  { name: 'delete', scope: 'user:edit', method: 'DELETE', url: (a, u) => `${base(a)}/${u}` },
  {
    name: 'attach/detach',
    scope: 'user:edit',
    method: 'PATCH',
    url: (a) => `${base(a)}/teams`,
    body: (_a, u) => ({ operation: 'attach', team_id: teamId, user_ids: [u] }),
  },
];

let home: TestAccount;
let other: TestAccount;
let target = '';

beforeAll(async () => {
  home = await createAccount(t);
  other = await createAccount(t);
  teamId = await addTeam(t, home.accountId);
  target = (await addUser(t, home.accountId, { userName: 'Target' })).userId;
});

const send = (route: Route, token: string | undefined, account = home, body?: unknown) =>
  t.call({
    method: route.method,
    url: route.url(account, target),
    ...(token === undefined ? {} : { token }),
    ...(route.body === undefined && body === undefined ? {} : { body: body ?? route.body?.(account, target) }),
  });

async function targetSnapshot(): Promise<string> {
  const res = await t.call({ method: 'GET', url: `${base(home)}/${target}`, token: home.token });
  return res.body;
}

describe.each(ROUTES)('$name ($method, $scope)', (route) => {
  it('answers 401 without a token or with a bad one', async () => {
    const none = await send(route, undefined);
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.json()).toEqual({ detail: 'Not authenticated' });
    for (const token of ['garbage', `stw_${home.accountId}_${'A'.repeat(43)}`]) {
      const bad = await send(route, token);
      expect(bad.statusCode).toBe(401);
      expect(typeof bad.json<{ detail: unknown }>().detail).toBe('string');
    }
  });

  it("answers 404 with another account's token, exactly as for an unknown account, and changes nothing", async () => {
    const before = await targetSnapshot();
    const crossed = await send(route, other.token);
    const unknown = await send(route, home.token, { ...home, accountId: 'ffffffffffffffffffffffff' });
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json()).toEqual({ detail: 'Account not found' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual(crossed.json());
    const invalidBody = await send(route, other.token, home, { unexpected: true });
    expect(invalidBody.statusCode).toBe(404);
    expect(await targetSnapshot()).toBe(before);
  });

  it('answers 403 naming the scope when the token lacks it', async () => {
    const otherScope = route.scope === 'user:list' ? 'user:edit' : 'user:list';
    const token = await issueToken(t, home.accountId, home.adminId, [otherScope]);
    const before = await targetSnapshot();
    const res = await send(route, token);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain(route.scope);
    expect(await targetSnapshot()).toBe(before);
  });

  it('answers 403 when the token has the scope but its owner is not an admin', async () => {
    const member = await addUser(t, home.accountId);
    const token = await issueToken(t, home.accountId, member.userId, ['user:list', 'user:edit']);
    const res = await send(route, token);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain(route.scope);
  });
});

describe('a token follows its owner', () => {
  it('stops working within a second of the owner being deactivated', async () => {
    const account = await createAccount(t);
    const second = await addUser(t, account.accountId, { isAdmin: true });
    const token = await issueToken(t, account.accountId, second.userId, ['user:list']);
    const list = () => t.call({ method: 'GET', url: base(account), token });
    expect((await list()).statusCode).toBe(200);
    const off = await t.call({
      method: 'PATCH',
      url: `${base(account)}/${second.userId}/active`,
      token: account.token,
      body: { is_active: false },
    });
    expect(off.statusCode).toBe(200);
    t.clock.advance(1_001);
    expect((await list()).statusCode).toBe(401);
  });

  it('loses admin-only power within a second of the owner being demoted', async () => {
    const account = await createAccount(t);
    const second = await addUser(t, account.accountId, { isAdmin: true });
    const token = await issueToken(t, account.accountId, second.userId, ['user:list']);
    expect((await t.call({ method: 'GET', url: base(account), token })).statusCode).toBe(200);
    await t.call({
      method: 'PATCH',
      url: `${base(account)}/${second.userId}`,
      token: account.token,
      body: { is_admin: false },
    });
    t.clock.advance(1_001);
    expect((await t.call({ method: 'GET', url: base(account), token })).statusCode).toBe(403);
  });

  it('checks credentials before validating input', async () => {
    const res = await t.call({ method: 'GET', url: `${base(home)}?page=zero` });
    expect(res.statusCode).toBe(401);
    const scoped = await issueToken(t, home.accountId, home.adminId, ['user:list']);
    const forbidden = await t.call({
      method: 'PATCH',
      url: `${base(home)}/${target}`,
      token: scoped,
      body: { nope: 1 },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
