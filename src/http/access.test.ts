import { asc, count } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../core/context.js';
import {
  auditEvents,
  identities,
  invitations,
  mailOutbox,
  membershipRoles,
  memberships,
  teamMembers,
} from '../db/schema/index.js';
import { issueApiTokenIn } from '../features/api-tokens/api-tokens.service.js';
import { useTestApp } from '../../test/app.js';
import { addTeam, addUser, createAccount, issueToken, type TestAccount } from '../../test/factories.js';

const t = useTestApp();
const NO_ACCOUNT = 'ffffffffffffffffffffffff';

type Scope = 'user:list' | 'user:edit';

/** Who a route acts on: an invited member of the home account. */
interface Target {
  userId: string;
  email: string;
}

interface Route {
  name: string;
  scope: Scope;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: (accountId: string, target: Target) => string;
  body?: (target: Target) => unknown;
  /** the same call with input the route refuses with 422 */
  invalid: { url?: (accountId: string, target: Target) => string; body?: unknown };
}

let home: TestAccount;
let other: TestAccount;
let teamId = '';
let counter = 0;

const users = (accountId: string) => `/v1/accounts/${accountId}/users`;
const ROUTES: Route[] = [
  {
    name: 'list',
    scope: 'user:list',
    method: 'GET',
    url: (a) => users(a),
    invalid: { url: (a) => `${users(a)}?page=0` },
  },
  {
    name: 'get',
    scope: 'user:list',
    method: 'GET',
    url: (a, u) => `${users(a)}/${u.userId}`,
    invalid: { url: (a) => `${users(a)}/not-an-id` },
  },
  {
    name: 'permissions',
    scope: 'user:list',
    method: 'GET',
    url: (a, u) => `${users(a)}/${u.userId}/permissions`,
    invalid: { url: (a) => `${users(a)}/not-an-id/permissions` },
  },
  {
    name: 'patch',
    scope: 'user:edit',
    method: 'PATCH',
    url: (a, u) => `${users(a)}/${u.userId}`,
    body: () => ({ user_name: 'Renamed', is_admin: true }),
    invalid: { body: { user_name: 'Renamed', favourite_colour: 'red' } },
  },
  {
    name: 'source',
    scope: 'user:edit',
    method: 'PATCH',
    url: (a, u) => `${users(a)}/${u.userId}/source`,
    body: () => ({ source: 'active_directory' }),
    invalid: { body: { source: 'ldap' } },
  },
  {
    name: 'active',
    scope: 'user:edit',
    method: 'PATCH',
    url: (a, u) => `${users(a)}/${u.userId}/active`,
    body: () => ({ is_active: false }),
    invalid: { body: { is_active: 'no' } },
  },
  {
    name: 'invite',
    scope: 'user:edit',
    method: 'POST',
    url: (a) => `${users(a)}/invite`,
    body: (u) => ({
      user_name: 'Newcomer',
      user_email: `new-${u.userId}@access.example`,
      environments: {},
      allow_login_password: true,
      is_admin: true,
    }),
    invalid: { body: { user_name: 'Newcomer', user_email: 'newcomer@access.example' } },
  },
  {
    name: 're_invite',
    scope: 'user:edit',
    method: 'POST',
    url: (a) => `${users(a)}/re_invite`,
    body: (u) => ({ user_email: u.email }),
    invalid: { body: {} },
  },
  {
    name: 'delete',
    scope: 'user:edit',
    method: 'DELETE',
    url: (a, u) => `${users(a)}/${u.userId}`,
    invalid: { url: (a) => `${users(a)}/not-an-id` },
  },
  {
    name: 'attach/detach',
    scope: 'user:edit',
    method: 'PATCH',
    url: (a) => `${users(a)}/teams`,
    body: (u) => ({ operation: 'attach', team_id: teamId, user_ids: [u.userId] }),
    invalid: { body: { operation: 'merge', team_id: teamId, user_ids: [] } },
  },
];

async function newTarget(): Promise<Target> {
  const { userId, email } = await addUser(t, home.accountId, {
    userEmail: `target-${String(++counter)}@access.example`,
  });
  return { userId, email };
}

interface Send {
  token?: string;
  headers?: Record<string, string>;
  accountId?: string;
  invalid?: boolean;
}

function send(route: Route, target: Target, options: Send = {}): Promise<LightMyRequestResponse> {
  const accountId = options.accountId ?? home.accountId;
  const url = (options.invalid === true ? route.invalid.url : undefined) ?? route.url;
  const body = options.invalid === true && route.invalid.body !== undefined ? route.invalid.body : route.body?.(target);
  return t.call({
    method: route.method,
    url: url(accountId, target),
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(body === undefined ? {} : { body }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  });
}

/** Everything a Users call could change, in every account (token last-use stamps aside). */
async function everything(): Promise<unknown> {
  const [members, roles, teams, invites, audits, people, mail] = await Promise.all([
    t.db.select().from(memberships).orderBy(asc(memberships.accountId), asc(memberships.userId)),
    t.db
      .select()
      .from(membershipRoles)
      .orderBy(asc(membershipRoles.accountId), asc(membershipRoles.userId), asc(membershipRoles.environmentId)),
    t.db
      .select()
      .from(teamMembers)
      .orderBy(asc(teamMembers.accountId), asc(teamMembers.teamId), asc(teamMembers.userId)),
    t.db.select().from(invitations).orderBy(asc(invitations.accountId), asc(invitations.id)),
    t.db.select({ n: count() }).from(auditEvents),
    t.db.select().from(identities).orderBy(asc(identities.id)),
    t.db.select({ n: count() }).from(mailOutbox),
  ]);
  return { members, roles, teams, invites, audits, people, mail };
}

/** Sends the request and checks that it changed nothing anywhere. */
async function refused(request: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  const before = await everything();
  const res = await request();
  expect(await everything()).toEqual(before);
  return res;
}

function expectUnauthenticated(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBe(401);
  expect(res.headers['www-authenticate']).toBe('Bearer');
  const { detail } = res.json<{ detail: unknown }>();
  expect(typeof detail).toBe('string');
  expect(detail).not.toBe('');
}

beforeAll(async () => {
  home = await createAccount(t);
  other = await createAccount(t);
  teamId = await addTeam(t, home.accountId);
});

describe.each(ROUTES)('$name ($method, $scope)', (route) => {
  let target: Target;
  beforeAll(async () => {
    target = await newTarget();
  });

  it('answers 401 with a Bearer challenge when no token is sent, and changes nothing', async () => {
    const res = await refused(() => send(route, target));
    expectUnauthenticated(res);
    expect(res.json()).toEqual({ detail: 'Not authenticated' });
  });

  it('answers 401 to a garbage, malformed or unknown token, and changes nothing', async () => {
    const lookalike = `stw_${home.accountId}_${'A'.repeat(43)}`;
    const flipped = `${home.token.slice(0, -1)}${home.token.endsWith('A') ? 'B' : 'A'}`;
    const movedToOtherAccount = home.token.replace(home.accountId, other.accountId);
    for (const authorization of [
      'Bearer garbage',
      `Bearer ${lookalike}`,
      `Bearer ${flipped}`,
      `Bearer ${movedToOtherAccount}`,
      'Bearer',
      `Basic ${Buffer.from('admin:admin').toString('base64')}`,
      home.token,
      `Token ${home.token}`,
    ]) {
      const res = await refused(() => send(route, target, { headers: { authorization } }));
      expectUnauthenticated(res);
    }
  });

  it('answers 404 to another account’s valid token, exactly as for an account that does not exist, and changes nothing', async () => {
    const crossed = await refused(() => send(route, target, { token: other.token }));
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json()).toEqual({ detail: 'Account not found' });
    expect(crossed.headers['www-authenticate']).toBeUndefined();
    for (const missing of [
      await refused(() => send(route, target, { token: home.token, accountId: NO_ACCOUNT })),
      await refused(() => send(route, target, { token: other.token, accountId: NO_ACCOUNT })),
      await refused(() => send(route, target, { token: home.token, accountId: 'no-such-account' })),
    ]) {
      expect(missing.statusCode).toBe(crossed.statusCode);
      expect(missing.json()).toEqual(crossed.json());
      expect(missing.headers['content-type']).toBe(crossed.headers['content-type']);
    }
  });

  it(`answers 403 naming ${route.scope} to a token without that scope, and changes nothing`, async () => {
    const otherScope: Scope = route.scope === 'user:list' ? 'user:edit' : 'user:list';
    for (const scopes of [[otherScope], []]) {
      const token = await issueToken(t, home.accountId, home.adminId, scopes);
      const res = await refused(() => send(route, target, { token }));
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json<{ detail: string }>().detail).toContain(route.scope);
    }
  });

  it('answers 403 when the token has the scope but its owner is not an admin, and changes nothing', async () => {
    const member = await addUser(t, home.accountId);
    const token = await issueToken(t, home.accountId, member.userId, ['user:list', 'user:edit']);
    const res = await refused(() => send(route, target, { token }));
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain(route.scope);
  });

  it('answers 401 within a second of the token’s owner being deactivated, and changes nothing', async () => {
    const owner = await addUser(t, home.accountId, { isAdmin: true });
    const token = await issueToken(t, home.accountId, owner.userId, ['user:list', 'user:edit']);
    // The verdict on the token is now cached.
    expect((await t.call({ method: 'GET', url: users(home.accountId), token })).statusCode).toBe(200);
    const off = await t.call({
      method: 'PATCH',
      url: `${users(home.accountId)}/${owner.userId}/active`,
      token: home.token,
      body: { is_active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    t.clock.advance(1_001);
    expectUnauthenticated(await refused(() => send(route, target, { token })));
  });

  it('checks the token, then the account, then the scope, and only then the input', async () => {
    const valid = await send(route, target, { token: home.token, invalid: true });
    expect(valid.statusCode, 'the invalid input really is invalid').toBe(422);
    const lacking = await issueToken(t, home.accountId, home.adminId, []);
    const member = await addUser(t, home.accountId);
    const memberToken = await issueToken(t, home.accountId, member.userId, ['user:list', 'user:edit']);
    const expectations: [Send, number][] = [
      [{ invalid: true }, 401],
      [{ invalid: true, accountId: other.accountId }, 401],
      [{ invalid: true, headers: { authorization: 'Bearer garbage' } }, 401],
      [{ invalid: true, token: other.token }, 404],
      [{ invalid: true, token: home.token, accountId: NO_ACCOUNT }, 404],
      [{ invalid: true, token: lacking }, 403],
      [{ invalid: true, token: memberToken }, 403],
    ];
    for (const [options, status] of expectations) {
      const res = await refused(() => send(route, target, options));
      expect(res.statusCode, JSON.stringify(options)).toBe(status);
    }
  });

  it('works for an admin’s token with the scope (so the refusals above are about access)', async () => {
    const fresh = await newTarget();
    const res = await send(route, fresh, { token: home.token });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('HEAD on the read routes', () => {
  it('is guarded like GET: 401 without a token, 404 across accounts', async () => {
    const target = await newTarget();
    for (const url of [users(home.accountId), `${users(home.accountId)}/${target.userId}`]) {
      const none = await t.call({ method: 'HEAD', url });
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect((await t.call({ method: 'HEAD', url, token: other.token })).statusCode).toBe(404);
      expect((await t.call({ method: 'HEAD', url, token: home.token })).statusCode).toBe(200);
    }
  });
});

describe('a token follows its owner', () => {
  const listWith = (account: TestAccount, token: string) =>
    t.call({ method: 'GET', url: users(account.accountId), token });

  it('works again within a second of the owner being reactivated', async () => {
    const account = await createAccount(t);
    const owner = await addUser(t, account.accountId, { isAdmin: true });
    const token = await issueToken(t, account.accountId, owner.userId, ['user:list']);
    const setActive = (isActive: boolean) =>
      t.call({
        method: 'PATCH',
        url: `${users(account.accountId)}/${owner.userId}/active`,
        token: account.token,
        body: { is_active: isActive },
      });
    expect((await setActive(false)).statusCode).toBe(200);
    t.clock.advance(1_001);
    expectUnauthenticated(await listWith(account, token));
    expect((await setActive(true)).statusCode).toBe(200);
    t.clock.advance(1_001);
    expect((await listWith(account, token)).statusCode).toBe(200);
  });

  it('loses admin-only power within a second of the owner being demoted', async () => {
    const account = await createAccount(t);
    const owner = await addUser(t, account.accountId, { isAdmin: true });
    const token = await issueToken(t, account.accountId, owner.userId, ['user:list', 'user:edit']);
    expect((await listWith(account, token)).statusCode).toBe(200);
    const demoted = await t.call({
      method: 'PATCH',
      url: `${users(account.accountId)}/${owner.userId}`,
      token: account.token,
      body: { is_admin: false },
    });
    expect(demoted.statusCode).toBe(200);
    t.clock.advance(1_001);
    const res = await listWith(account, token);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain('user:list');
  });

  it('stops working within a second of the owner being removed from the account', async () => {
    const account = await createAccount(t);
    const owner = await addUser(t, account.accountId, { isAdmin: true });
    const token = await issueToken(t, account.accountId, owner.userId, ['user:list']);
    expect((await listWith(account, token)).statusCode).toBe(200);
    const removed = await t.call({
      method: 'DELETE',
      url: `${users(account.accountId)}/${owner.userId}`,
      token: account.token,
    });
    expect(removed.statusCode).toBe(200);
    t.clock.advance(1_001);
    expectUnauthenticated(await listWith(account, token));
  });

  it('stops working once it expires', async () => {
    const account = await createAccount(t);
    const { token } = await t.db.transaction((tx) =>
      issueApiTokenIn(tx, t.deps, systemContext('test'), {
        accountId: account.accountId,
        ownerId: account.adminId,
        name: 'short-lived',
        scopes: ['user:list'],
        expiresAt: new Date(t.clock.now().getTime() + 60_000),
      }),
    );
    expect((await listWith(account, token)).statusCode).toBe(200);
    t.clock.advance(60_000);
    expectUnauthenticated(await listWith(account, token));
  });

  it('accepts the Bearer scheme in any case', async () => {
    const account = await createAccount(t);
    const res = await t.call({
      method: 'GET',
      url: users(account.accountId),
      headers: { authorization: `bearer ${account.token}` },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('the order of the checks', () => {
  it('answers 401 before 404 and 404 before 422', async () => {
    const invalidBody = { user_name: 42 };
    const url = `${users(home.accountId)}/${home.adminId}`;
    const none = await refused(() => t.call({ method: 'PATCH', url: `${users(NO_ACCOUNT)}/nope`, body: invalidBody }));
    expectUnauthenticated(none);
    const crossed = await refused(() => t.call({ method: 'PATCH', url, token: other.token, body: invalidBody }));
    expect(crossed.statusCode).toBe(404);
    const own = await refused(() => t.call({ method: 'PATCH', url, token: home.token, body: invalidBody }));
    expect(own.statusCode).toBe(422);
    expect(own.json()).toMatchObject({ detail: [{ loc: ['body', 'user_name'], type: 'string_type' }] });
  });

  it('answers 404 for a cross-account token even when the body is not JSON at all', async () => {
    const res = await refused(() =>
      t.call({
        method: 'POST',
        url: `${users(home.accountId)}/invite`,
        token: other.token,
        body: '{not json',
      }),
    );
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ detail: 'Account not found' });
  });

  it('answers 403 before 422 for a token without the scope', async () => {
    const readOnly = await issueToken(t, home.accountId, home.adminId, ['user:list']);
    const res = await refused(() =>
      t.call({
        method: 'PATCH',
        url: `${users(home.accountId)}/not-an-id`,
        token: readOnly,
        body: { nope: 1 },
      }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain('user:edit');
  });
});
