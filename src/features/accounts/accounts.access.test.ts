import { asc, count } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, environments, mailOutbox, memberships } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addUser, createAccount, issueToken, type TestAccount } from '../../../test/factories.js';

const t = useTestApp();
const MISSING_ID = 'ffffffffffffffffffffffff';

let counter = 0;

let operator: TestAccount;
let home: TestAccount;
let other: TestAccount;
/** a member of `home` whose token has every scope, but who holds no privilege */
let memberToken = '';

/** Everything an accounts call could change, in every account. */
async function everything(): Promise<unknown> {
  const [accountRows, envs, members, audits, mail] = await Promise.all([
    t.db.select().from(accounts).orderBy(asc(accounts.id)),
    t.db.select().from(environments).orderBy(asc(environments.accountId), asc(environments.id)),
    t.db.select().from(memberships).orderBy(asc(memberships.accountId), asc(memberships.userId)),
    t.db.select({ n: count() }).from(auditEvents),
    t.db.select({ n: count() }).from(mailOutbox),
  ]);
  return { accountRows, envs, members, audits, mail };
}

/** Sends the request and checks that it changed nothing anywhere. */
async function refused(request: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  const before = await everything();
  const res = await request();
  expect(await everything()).toEqual(before);
  return res;
}

beforeAll(async () => {
  operator = await createAccount(t, { superAdmin: true, environments: ['Production'] });
  home = await createAccount(t);
  other = await createAccount(t);
  const member = await addUser(t, home.accountId);
  memberToken = await issueToken(t, home.accountId, member.userId, ['account:read', 'account:manage', 'settings:read']);
});

interface Route {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  scope: string;
  url: (accountId: string) => string;
  body?: () => unknown;
}

const ROUTES: Route[] = [
  {
    name: 'get',
    method: 'GET',
    scope: 'account:read',
    url: (a) => `/v1/accounts/${a}`,
  },
  {
    name: 'rename',
    method: 'PATCH',
    scope: 'account:manage',
    url: (a) => `/v1/accounts/${a}`,
    body: () => ({ name: `Renamed ${String(++counter)}` }),
  },
  {
    name: 'get features',
    method: 'GET',
    scope: 'settings:read',
    url: (a) => `/v1/accounts/${a}/features`,
  },
  {
    name: 'patch features',
    method: 'PATCH',
    scope: 'account:manage',
    url: (a) => `/v1/accounts/${a}/features`,
    body: () => ({ rss_feeds: counter++ % 2 === 0 }),
  },
];

function send(route: Route, accountId: string, token: string): Promise<LightMyRequestResponse> {
  const body = route.body?.();
  return t.call({ method: route.method, url: route.url(accountId), token, ...(body === undefined ? {} : { body }) });
}

describe.each(ROUTES)('$name ($method, $scope)', (route) => {
  it("lets a super admin name any account, and answers 404 for one that doesn't exist", async () => {
    const res = await send(route, home.accountId, operator.token);
    expect(res.statusCode, res.body).toBe(200);
    const missing = await refused(() => send(route, MISSING_ID, operator.token));
    expect(missing.statusCode, missing.body).toBe(404);
    expect(missing.json()).toEqual({ detail: 'Account not found' });
  });

  it('answers 404 to anyone else naming another account, whatever their scopes', async () => {
    const res = await refused(() => send(route, other.accountId, home.token));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ detail: 'Account not found' });
    expect((await refused(() => send(route, other.accountId, memberToken))).statusCode).toBe(404);
  });

  it('answers 403 to a super admin’s token that lacks the scope', async () => {
    const scopes = ['account:read', 'account:manage', 'settings:read'].filter((s) => s !== route.scope);
    const token = await issueToken(t, operator.accountId, operator.adminId, scopes);
    const res = await refused(() => send(route, home.accountId, token));
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain(route.scope);
  });

  it('answers 401 without a token', async () => {
    const body = route.body?.();
    const res = await refused(() =>
      t.call({ method: route.method, url: route.url(home.accountId), ...(body === undefined ? {} : { body }) }),
    );
    expect(res.statusCode).toBe(401);
  });
});

describe('an account admin and a member in their own account', () => {
  it('may both read the account', async () => {
    for (const token of [home.token, memberToken]) {
      const res = await t.call({ method: 'GET', url: `/v1/accounts/${home.accountId}`, token });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ account_id: string }>().account_id).toBe(home.accountId);
    }
  });

  it('lets the admin read the features, not the member (no settings:manage)', async () => {
    const url = `/v1/accounts/${home.accountId}/features`;
    expect((await t.call({ method: 'GET', url, token: home.token })).statusCode).toBe(200);
    const res = await t.call({ method: 'GET', url, token: memberToken });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain('settings:manage');
  });

  it('refuses both renaming and switching features with 403, even holding account:manage', async () => {
    for (const token of [home.token, memberToken]) {
      const rename = await refused(() =>
        t.call({ method: 'PATCH', url: `/v1/accounts/${home.accountId}`, token, body: { name: 'Mine now' } }),
      );
      expect(rename.statusCode).toBe(403);
      expect(rename.json<{ detail: string }>().detail).toContain('super admins');
      const features = await refused(() =>
        t.call({
          method: 'PATCH',
          url: `/v1/accounts/${home.accountId}/features`,
          token,
          body: { api_metrics: true },
        }),
      );
      expect(features.statusCode).toBe(403);
    }
  });

  it('refuses creating an account with 403, even holding account:manage', async () => {
    for (const token of [home.token, memberToken]) {
      const res = await refused(() =>
        t.call({ method: 'POST', url: '/v1/accounts', token, body: { name: 'Side business' } }),
      );
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('create and list', () => {
  it('lets a super admin create an account', async () => {
    const res = await t.call({ method: 'POST', url: '/v1/accounts', token: operator.token, body: { name: 'New' } });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses a super admin’s token without account:manage', async () => {
    const token = await issueToken(t, operator.accountId, operator.adminId, ['account:read']);
    const res = await refused(() => t.call({ method: 'POST', url: '/v1/accounts', token, body: { name: 'New' } }));
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain('account:manage');
  });

  it('refuses listing to a token without account:read', async () => {
    const token = await issueToken(t, home.accountId, home.adminId, ['user:list']);
    const res = await t.call({ method: 'GET', url: '/v1/accounts', token });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain('account:read');
  });

  it('shows a member only their own account, and a super admin every account', async () => {
    const mine = await t.call({ method: 'GET', url: '/v1/accounts', token: memberToken });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<{ items: { account_id: string }[] }>().items.map((a) => a.account_id)).toEqual([home.accountId]);
    const all = await t.call({ method: 'GET', url: '/v1/accounts?items_per_page=200', token: operator.token });
    const [total] = await t.db.select({ n: count() }).from(accounts);
    expect(all.json<{ total_items: number }>().total_items).toBe(total?.n);
  });
});
