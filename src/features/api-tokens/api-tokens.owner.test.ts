import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiTokens } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addUser, createAccount, issueToken, type TestAccount } from '../../../test/factories.js';
import type { ApiTokenResponse } from './api-tokens.schemas.js';

const t = useTestApp();

/** Longer than a cached verdict lives: what every other process sees by then. */
const PAST_CACHE_MS = 1_001;

const usersUrl = (account: TestAccount, rest = ''): string => `/v1/accounts/${account.accountId}/users${rest}`;
const tokensUrl = (account: TestAccount): string => `/v1/accounts/${account.accountId}/tokens`;

function callFrom(remoteAddress: string, token: string, url: string) {
  return t.app.inject({ method: 'GET', url, remoteAddress, headers: { authorization: `Bearer ${token}` } });
}

async function adminCall(account: TestAccount, method: 'PATCH' | 'DELETE', url: string, body?: unknown) {
  const res = await t.call({ method, url, token: account.token, ...(body === undefined ? {} : { body }) });
  expect(res.statusCode).toBe(200);
}

async function tokenRows(accountId: string, ownerId: string) {
  return t.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.accountId, accountId), eq(apiTokens.ownerId, ownerId)));
}

describe("a token acts with no more than its owner's standing now", () => {
  it('stops working (401) within a second of its owner being deactivated', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const token = await issueToken(t, account.accountId, user.userId, ['token:list']);
    expect((await t.call({ method: 'GET', url: tokensUrl(account), token })).statusCode).toBe(200);

    await adminCall(account, 'PATCH', usersUrl(account, `/${user.userId}/active`), { is_active: false });
    t.clock.advance(PAST_CACHE_MS);
    expect((await t.call({ method: 'GET', url: tokensUrl(account), token })).statusCode).toBe(401);

    await adminCall(account, 'PATCH', usersUrl(account, `/${user.userId}/active`), { is_active: true });
    t.clock.advance(PAST_CACHE_MS);
    expect((await t.call({ method: 'GET', url: tokensUrl(account), token })).statusCode).toBe(200);
  });

  it('is deleted with its owner when they are removed from the account (401)', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const token = await issueToken(t, account.accountId, user.userId, ['token:list']);
    expect((await t.call({ method: 'GET', url: tokensUrl(account), token })).statusCode).toBe(200);

    await adminCall(account, 'DELETE', usersUrl(account, `/${user.userId}`));
    expect(await tokenRows(account.accountId, user.userId)).toEqual([]);
    t.clock.advance(PAST_CACHE_MS);
    expect((await t.call({ method: 'GET', url: tokensUrl(account), token })).statusCode).toBe(401);
  });

  it('cannot create a token in the second after its owner was removed (401, nothing written)', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const token = await issueToken(t, account.accountId, user.userId, ['token:list', 'token:edit']);
    // The verdict is now cached: for up to a second this process still trusts the token.
    expect((await t.call({ method: 'GET', url: tokensUrl(account), token })).statusCode).toBe(200);
    await adminCall(account, 'DELETE', usersUrl(account, `/${user.userId}`));

    const res = await t.call({
      method: 'POST',
      url: tokensUrl(account),
      token,
      body: { name: 'after removal', scopes: ['token:list'] },
    });
    expect(res.statusCode, res.body).toBe(401);
    expect(await tokenRows(account.accountId, user.userId)).toEqual([]);
  });

  it('cannot create a token that outlives it (422), nor one that never expires', async () => {
    const account = await createAccount(t);
    const expiring = await t.call({
      method: 'POST',
      url: tokensUrl(account),
      token: account.token,
      body: { name: 'short-lived', scopes: ['token:edit'], expires_at: '2030-01-01T00:00:00Z' },
    });
    expect(expiring.statusCode, expiring.body).toBe(201);
    const shortLived = expiring.json<{ token: string }>().token;
    const before = await tokenRows(account.accountId, account.adminId);

    for (const body of [
      { name: 'forever', scopes: ['token:edit'] },
      { name: 'longer', scopes: ['token:edit'], expires_at: '2030-01-01T00:00:01Z' },
    ]) {
      const res = await t.call({ method: 'POST', url: tokensUrl(account), token: shortLived, body });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json<{ detail: { loc: unknown[]; type: string }[] }>().detail).toEqual([
        expect.objectContaining({ loc: ['body', 'expires_at'], type: 'value_error.outlives_caller' }),
      ]);
    }
    expect(await tokenRows(account.accountId, account.adminId)).toHaveLength(before.length);
    const within = await t.call({
      method: 'POST',
      url: tokensUrl(account),
      token: shortLived,
      body: { name: 'within', scopes: ['token:edit'], expires_at: '2029-12-31T00:00:00Z' },
    });
    expect(within.statusCode, within.body).toBe(201);
  });

  it('loses user:edit (403) within a second of its owner losing admin', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const target = await addUser(t, account.accountId);
    await adminCall(account, 'PATCH', usersUrl(account, `/${user.userId}`), { is_admin: true });
    const token = await issueToken(t, account.accountId, user.userId, ['user:edit', 'token:list']);
    const rename = (name: string) =>
      t.call({ method: 'PATCH', url: usersUrl(account, `/${target.userId}`), token, body: { user_name: name } });
    expect((await rename('Renamed once')).statusCode).toBe(200);

    await adminCall(account, 'PATCH', usersUrl(account, `/${user.userId}`), { is_admin: false });
    t.clock.advance(PAST_CACHE_MS);
    const res = await rename('Renamed twice');
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain('users:manage');
    // Scopes that need no privilege keep working: the token is limited, not dead.
    expect((await t.call({ method: 'GET', url: tokensUrl(account), token })).statusCode).toBe(200);
  });

  it('stops seeing other members’ tokens once its owner loses tokens:manage', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    await adminCall(account, 'PATCH', usersUrl(account, `/${user.userId}`), { is_admin: true });
    const token = await issueToken(t, account.accountId, user.userId, ['token:list']);
    const owners = async () => {
      const res = await t.call({ method: 'GET', url: tokensUrl(account), token });
      return new Set(res.json<{ items: ApiTokenResponse[] }>().items.map((i) => i.owner_id));
    };
    expect(await owners()).toEqual(new Set([account.adminId, user.userId]));
    await adminCall(account, 'PATCH', usersUrl(account, `/${user.userId}`), { is_admin: false });
    t.clock.advance(PAST_CACHE_MS);
    expect(await owners()).toEqual(new Set([user.userId]));
  });
});

describe('last use', () => {
  it('shows when and from where a token was last used, written at most once a minute', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const token = await issueToken(t, account.accountId, user.userId, ['token:list']);
    const [row] = await tokenRows(account.accountId, user.userId);
    expect(row?.lastUsedAt).toBeNull();

    const firstUse = t.clock.now();
    expect((await callFrom('203.0.113.5', token, tokensUrl(account))).statusCode).toBe(200);
    const shown = async () => {
      const res = await t.call({ method: 'GET', url: tokensUrl(account), token: account.token });
      return res.json<{ items: ApiTokenResponse[] }>().items.find((i) => i.owner_id === user.userId);
    };
    expect(await shown()).toMatchObject({
      last_used_at: `${firstUse.toISOString().slice(0, 23)}000`,
      last_used_ip: '203.0.113.5',
    });
    const [afterFirst] = await tokenRows(account.accountId, user.userId);

    // A new verdict (the cache has expired) within the minute: no write.
    t.clock.advance(30_000);
    expect((await callFrom('198.51.100.2', token, tokensUrl(account))).statusCode).toBe(200);
    expect(await tokenRows(account.accountId, user.userId)).toEqual([afterFirst]);

    t.clock.advance(30_001);
    const laterUse = t.clock.now();
    expect((await callFrom('198.51.100.2', token, tokensUrl(account))).statusCode).toBe(200);
    expect(await shown()).toMatchObject({
      last_used_at: `${laterUse.toISOString().slice(0, 23)}000`,
      last_used_ip: '198.51.100.2',
    });
  });
});
