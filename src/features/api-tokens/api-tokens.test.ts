import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.js';
import { keyedHash } from '../../core/secrets.js';
import { apiTokens, auditEvents } from '../../db/schema/index.js';
import { TEST_SECRET, useTestApp } from '../../../test/app.js';
import { addUser, createAccount, issueToken, type TestAccount } from '../../../test/factories.js';
import type { ApiTokenResponse } from './api-tokens.schemas.js';
import { SCOPES } from './api-tokens.scopes.js';

const t = useTestApp();

/** A well-formed id that names nothing. */
const MISSING_ID = 'ffffffffffffffffffffffff';

interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}
interface TokenList {
  next_page: string | null;
  previous_page: string | null;
  page: number;
  current_page_size: number;
  total_items: number;
  account_id: string;
  items: ApiTokenResponse[];
}
type Created = ApiTokenResponse & { token: string };

const tokensUrl = (accountId: string, rest = ''): string => `/v1/accounts/${accountId}/tokens${rest}`;

const createToken = (accountId: string, token: string, body: unknown) =>
  t.call({ method: 'POST', url: tokensUrl(accountId), token, body });
const listTokens = (accountId: string, token: string, query = '') =>
  t.call({ method: 'GET', url: tokensUrl(accountId, query), token });
const revokeToken = (accountId: string, token: string, tokenId: string) =>
  t.call({ method: 'DELETE', url: tokensUrl(accountId, `/${tokenId}`), token });

function createdOf(res: LightMyRequestResponse): Created {
  expect(res.statusCode).toBe(201);
  return res.json<Created>();
}

function listOf(res: LightMyRequestResponse): TokenList {
  expect(res.statusCode).toBe(200);
  return res.json<TokenList>();
}

function problemsOf(res: LightMyRequestResponse): Problem[] {
  expect(res.statusCode).toBe(422);
  return res.json<{ detail: Problem[] }>().detail;
}

function detailOf(res: LightMyRequestResponse, status: number): string {
  expect(res.statusCode).toBe(status);
  return res.json<{ detail: string }>().detail;
}

/**
 * What a refused request must leave as it was: the account's tokens and audit log. Last use
 * is left out: the calling token records its own use, refused or not.
 */
async function tokenState(accountId: string) {
  const tokens = await t.db
    .select({ ...getTableColumns(apiTokens), lastUsedAt: sql`null`, lastUsedIp: sql`null` })
    .from(apiTokens)
    .where(eq(apiTokens.accountId, accountId))
    .orderBy(asc(apiTokens.id));
  const audit = await t.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.accountId, accountId));
  return { tokens, audit: audit.length };
}

async function auditOf(accountId: string, action: string) {
  return t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.id));
}

async function storedToken(accountId: string, tokenId: string) {
  const [row] = await t.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.accountId, accountId), eq(apiTokens.id, tokenId)));
  return row;
}

/** A member with a token holding the given scopes; members lack `tokens:manage`. */
async function member(account: TestAccount, scopes: string[]) {
  const user = await addUser(t, account.accountId);
  return { ...user, token: await issueToken(t, account.accountId, user.userId, scopes) };
}

let names = 0;
const uniqueName = (): string => `ci token ${String(++names)}`;

describe('GET /v1/scopes', () => {
  it('lists every scope with its description, the privilege it needs and whether only operators may use it', async () => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'GET', url: '/v1/scopes', token: account.token });
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: unknown[] }>();
    expect(items).toEqual(
      SCOPES.map((s) => ({ key: s.key, description: s.description, privilege: s.privilege, operator: s.operator })),
    );
    expect(items).toContainEqual(expect.objectContaining({ key: 'token:list', privilege: null, operator: false }));
    expect(items).toContainEqual(expect.objectContaining({ key: 'account:manage', operator: true }));
    expect(items).toContainEqual(expect.objectContaining({ key: 'user:edit', privilege: 'users:manage' }));
  });

  it('answers 403 to a token without account:read and 401 without a token', async () => {
    const account = await createAccount(t);
    const token = await issueToken(t, account.accountId, account.adminId, ['token:list']);
    expect(detailOf(await t.call({ method: 'GET', url: '/v1/scopes', token }), 403)).toContain('account:read');
    expect((await t.call({ method: 'GET', url: '/v1/scopes' })).statusCode).toBe(401);
  });
});

describe('POST /tokens', () => {
  it('creates a token owned by the caller and shows its secret once; only a hash is stored', async () => {
    const account = await createAccount(t);
    const expiresAt = new Date(t.clock.now().getTime() + 86_400_000);
    const created = createdOf(
      await createToken(account.accountId, account.token, {
        name: '  Nightly export  ',
        scopes: ['user:list', 'token:list', 'user:list'],
        expires_at: expiresAt.toISOString(),
      }),
    );
    expect(created).toEqual({
      token_id: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown,
      name: 'Nightly export',
      owner_id: account.adminId,
      owner_email: account.adminEmail,
      scopes: ['user:list', 'token:list'],
      created_at: `${t.clock.now().toISOString().slice(0, 23)}000`,
      expires_at: `${expiresAt.toISOString().slice(0, 23)}000`,
      last_used_at: null,
      last_used_ip: null,
      token: expect.stringMatching(new RegExp(`^stw_${account.accountId}_`)) as unknown,
    });

    const row = await storedToken(account.accountId, created.token_id);
    expect(row?.tokenHash).toBe(keyedHash(TEST_SECRET, 'api-token', created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row?.nameKey).toBe('nightly export');

    const list = listOf(await listTokens(account.accountId, created.token));
    expect(list.items.map((i) => i.token_id)).toContain(created.token_id);
  });

  it('audits the creation without the secret or its hash', async () => {
    const account = await createAccount(t);
    const created = createdOf(
      await createToken(account.accountId, account.token, { name: 'audited', scopes: ['user:list'] }),
    );
    const events = await auditOf(account.accountId, 'token.create');
    const event = events.find((e) => e.targetId === created.token_id);
    expect(event).toMatchObject({
      actorType: 'token',
      actorId: account.adminId,
      targetType: 'api_token',
      after: { name: 'audited', owner_id: account.adminId, scopes: ['user:list'], expires_at: null },
    });
    const hash = keyedHash(TEST_SECRET, 'api-token', created.token);
    for (const e of events) {
      expect(JSON.stringify(e)).not.toContain(created.token);
      expect(JSON.stringify(e)).not.toContain(hash);
    }
  });

  it('accepts an expiry without a zone as UTC, and the token stops working once it passes', async () => {
    const account = await createAccount(t);
    const expiresAt = new Date(t.clock.now().getTime() + 3_600_000);
    const created = createdOf(
      await createToken(account.accountId, account.token, {
        name: uniqueName(),
        scopes: ['token:list'],
        expires_at: expiresAt.toISOString().slice(0, 19),
      }),
    );
    expect(created.expires_at).toBe(`${expiresAt.toISOString().slice(0, 19)}.000000`);
    expect((await listTokens(account.accountId, created.token)).statusCode).toBe(200);
    t.clock.advance(3_600_000);
    expect((await listTokens(account.accountId, created.token)).statusCode).toBe(401);
  });

  it('refuses a name already used in the account, whatever its case (409), and creates nothing', async () => {
    const account = await createAccount(t);
    createdOf(await createToken(account.accountId, account.token, { name: 'Deploy bot', scopes: ['user:list'] }));
    const before = await tokenState(account.accountId);
    const res = await createToken(account.accountId, account.token, { name: ' deploy BOT ', scopes: ['user:list'] });
    expect(detailOf(res, 409)).toContain('already exists');
    expect(await tokenState(account.accountId)).toEqual(before);
  });

  it('lets another account use the same name', async () => {
    const first = await createAccount(t);
    const second = await createAccount(t);
    createdOf(await createToken(first.accountId, first.token, { name: 'shared name', scopes: ['user:list'] }));
    createdOf(await createToken(second.accountId, second.token, { name: 'shared name', scopes: ['user:list'] }));
  });

  it.each([
    ['an empty name', { name: '', scopes: ['user:list'] }, ['body', 'name']],
    ['a blank name', { name: '   ', scopes: ['user:list'] }, ['body', 'name']],
    ['a name over 100 characters', { name: 'x'.repeat(101), scopes: ['user:list'] }, ['body', 'name']],
    ['a missing name', { scopes: ['user:list'] }, ['body', 'name']],
    ['no scopes', { name: 'n', scopes: [] }, ['body', 'scopes']],
    ['missing scopes', { name: 'n' }, ['body', 'scopes']],
    ['an unknown scope, at its index', { name: 'n', scopes: ['user:list', 'users:everything'] }, ['body', 'scopes', 1]],
    ['a scope that is not a string', { name: 'n', scopes: [7] }, ['body', 'scopes', 0]],
    [
      'an expiry in the past',
      { name: 'n', scopes: ['user:list'], expires_at: '2020-01-01T00:00:00Z' },
      ['body', 'expires_at'],
    ],
    [
      'an expiry that is not a date',
      { name: 'n', scopes: ['user:list'], expires_at: 'tomorrow' },
      ['body', 'expires_at'],
    ],
    [
      'a date that does not exist',
      { name: 'n', scopes: ['user:list'], expires_at: '2099-02-30T00:00:00Z' },
      ['body', 'expires_at'],
    ],
    ['an unknown field', { name: 'n', scopes: ['user:list'], owner_id: MISSING_ID }, ['body', 'owner_id']],
  ])('refuses %s with 422 and creates nothing', async (_case, body, loc) => {
    const account = await createAccount(t);
    const before = await tokenState(account.accountId);
    const problems = problemsOf(await createToken(account.accountId, account.token, body));
    expect(problems.map((p) => p.loc)).toContainEqual(loc);
    expect(await tokenState(account.accountId)).toEqual(before);
  });

  it('refuses an expiry at this very instant', async () => {
    const account = await createAccount(t);
    const problems = problemsOf(
      await createToken(account.accountId, account.token, {
        name: uniqueName(),
        scopes: ['user:list'],
        expires_at: t.clock.now().toISOString(),
      }),
    );
    expect(problems).toEqual([
      { loc: ['body', 'expires_at'], msg: 'The expiry must be in the future', type: 'value_error' },
    ]);
  });

  it('never lets a token mint one with a scope it lacks (403), and creates nothing', async () => {
    const account = await createAccount(t);
    const caller = await member(account, ['token:edit', 'token:list']);
    const before = await tokenState(account.accountId);
    const res = await createToken(account.accountId, caller.token, {
      name: uniqueName(),
      scopes: ['token:list', 'user:edit'],
    });
    expect(detailOf(res, 403)).toContain('user:edit');
    expect(await tokenState(account.accountId)).toEqual(before);

    const allowed = createdOf(
      await createToken(account.accountId, caller.token, { name: uniqueName(), scopes: ['token:list'] }),
    );
    expect(allowed.owner_id).toBe(caller.userId);
  });

  it('answers 403 to a token without token:edit', async () => {
    const account = await createAccount(t);
    const token = await issueToken(t, account.accountId, account.adminId, ['token:list', 'user:list']);
    const before = await tokenState(account.accountId);
    const res = await createToken(account.accountId, token, { name: uniqueName(), scopes: ['user:list'] });
    expect(detailOf(res, 403)).toContain('token:edit');
    expect(await tokenState(account.accountId)).toEqual(before);
  });

  it("answers 404 for another account's id", async () => {
    const home = await createAccount(t);
    const other = await createAccount(t);
    const before = await tokenState(other.accountId);
    const res = await createToken(other.accountId, home.token, { name: uniqueName(), scopes: ['user:list'] });
    expect(res.statusCode).toBe(404);
    expect(await tokenState(other.accountId)).toEqual(before);
  });
});

describe('GET /tokens', () => {
  it('shows a member their own tokens only, never a secret or hash', async () => {
    const account = await createAccount(t);
    const alice = await member(account, ['token:list', 'token:edit']);
    const bob = await member(account, ['token:list']);
    t.clock.advance(1_000);
    const second = createdOf(
      await createToken(account.accountId, alice.token, { name: 'alice 2', scopes: ['token:list'] }),
    );

    const res = await listTokens(account.accountId, alice.token);
    const list = listOf(res);
    expect(list.total_items).toBe(2);
    expect(list.account_id).toBe(account.accountId);
    expect(list.items.every((i) => i.owner_id === alice.userId && i.owner_email === alice.email)).toBe(true);
    expect(list.items[0]?.token_id).toBe(second.token_id);
    for (const item of list.items) {
      expect(Object.keys(item).sort()).toEqual([
        'created_at',
        'expires_at',
        'last_used_at',
        'last_used_ip',
        'name',
        'owner_email',
        'owner_id',
        'scopes',
        'token_id',
      ]);
    }
    const rows = await tokenState(account.accountId);
    for (const row of rows.tokens) expect(res.body).not.toContain(row.tokenHash);
    expect(res.body).not.toContain(alice.token);
    expect(res.body).not.toContain(second.token);

    expect(listOf(await listTokens(account.accountId, bob.token)).items.map((i) => i.owner_id)).toEqual([bob.userId]);
  });

  it('shows an admin every token of the account, with owners, newest first', async () => {
    const account = await createAccount(t);
    t.clock.advance(1_000);
    const alice = await member(account, ['token:list']);
    t.clock.advance(1_000);
    const mine = createdOf(
      await createToken(account.accountId, account.token, { name: uniqueName(), scopes: ['user:list'] }),
    );

    const list = listOf(await listTokens(account.accountId, account.token));
    expect(list.total_items).toBe(3);
    expect(list.items.map((i) => i.owner_id)).toEqual([account.adminId, alice.userId, account.adminId]);
    expect(list.items[0]?.token_id).toBe(mine.token_id);
    expect(list.items.find((i) => i.owner_id === alice.userId)?.owner_email).toBe(alice.email);
  });

  it('filters by owner_id: an admin sees that owner’s tokens, a member only ever their own', async () => {
    const account = await createAccount(t);
    t.clock.advance(1_000);
    const alice = await member(account, ['token:list']);
    const aliceOnly = listOf(await listTokens(account.accountId, account.token, `?owner_id=${alice.userId}`));
    expect(aliceOnly.total_items).toBe(1);
    expect(aliceOnly.items.map((i) => i.owner_id)).toEqual([alice.userId]);

    const own = listOf(await listTokens(account.accountId, alice.token, `?owner_id=${alice.userId}`));
    expect(own.items.map((i) => i.owner_id)).toEqual([alice.userId]);
    const others = listOf(await listTokens(account.accountId, alice.token, `?owner_id=${account.adminId}`));
    expect(others).toMatchObject({ total_items: 0, items: [] });
  });

  it('pages with page and items_per_page, with links to the neighbours', async () => {
    const account = await createAccount(t);
    for (let i = 0; i < 4; i++) {
      t.clock.advance(1_000);
      createdOf(
        await createToken(account.accountId, account.token, { name: `paged ${String(i)}`, scopes: ['user:list'] }),
      );
    }
    const all = listOf(await listTokens(account.accountId, account.token)).items.map((i) => i.token_id);
    expect(all).toHaveLength(5);

    const second = listOf(await listTokens(account.accountId, account.token, '?page=2&items_per_page=2'));
    expect(second).toMatchObject({ page: 2, current_page_size: 2, total_items: 5 });
    expect(second.items.map((i) => i.token_id)).toEqual(all.slice(2, 4));
    expect(second.next_page).toContain('page=3');
    expect(second.previous_page).toContain('page=1');

    const last = listOf(await listTokens(account.accountId, account.token, '?page=3&items_per_page=2'));
    expect(last.items.map((i) => i.token_id)).toEqual(all.slice(4));
    expect(last.next_page).toBeNull();
  });

  it.each([['?page=0'], ['?items_per_page=201'], ['?items_per_page=abc'], ['?sort=name'], ['?owner_id=nope']])(
    'refuses the query %s with 422',
    async (query) => {
      const account = await createAccount(t);
      expect(problemsOf(await listTokens(account.accountId, account.token, query))[0]?.loc[0]).toBe('query');
    },
  );

  it('answers 403 to a token without token:list', async () => {
    const account = await createAccount(t);
    const token = await issueToken(t, account.accountId, account.adminId, ['token:edit']);
    expect(detailOf(await listTokens(account.accountId, token), 403)).toContain('token:list');
  });

  it("answers 404 for another account's id", async () => {
    const home = await createAccount(t);
    const other = await createAccount(t);
    expect((await listTokens(other.accountId, home.token)).statusCode).toBe(404);
  });
});

describe('DELETE /tokens/{token_id}', () => {
  it('revokes the caller’s own token at once and audits it', async () => {
    const account = await createAccount(t);
    const alice = await member(account, ['token:list', 'token:edit']);
    const spare = createdOf(
      await createToken(account.accountId, alice.token, { name: uniqueName(), scopes: ['token:list'] }),
    );
    expect((await listTokens(account.accountId, spare.token)).statusCode).toBe(200);

    const res = await revokeToken(account.accountId, alice.token, spare.token_id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ account_id: account.accountId, token_id: spare.token_id, deleted: true });
    // No clock move: the verdict cached a moment ago is dropped on this process.
    expect((await listTokens(account.accountId, spare.token)).statusCode).toBe(401);
    expect(await storedToken(account.accountId, spare.token_id)).toBeUndefined();

    const [event] = await auditOf(account.accountId, 'token.revoke');
    expect(event).toMatchObject({
      actorId: alice.userId,
      targetId: spare.token_id,
      before: { name: spare.name, owner_id: alice.userId, scopes: ['token:list'] },
    });
    expect(JSON.stringify(event)).not.toContain(spare.token);
    expect(JSON.stringify(event)).not.toContain(keyedHash(TEST_SECRET, 'api-token', spare.token));
  });

  it('lets a token revoke itself', async () => {
    const account = await createAccount(t);
    const alice = await member(account, ['token:list', 'token:edit']);
    const [own] = listOf(await listTokens(account.accountId, alice.token)).items;
    expect((await revokeToken(account.accountId, alice.token, own?.token_id ?? '')).statusCode).toBe(200);
    expect((await listTokens(account.accountId, alice.token)).statusCode).toBe(401);
  });

  it("answers 404 to a member revoking someone else's token, which keeps working", async () => {
    const account = await createAccount(t);
    const alice = await member(account, ['token:edit']);
    const bob = await member(account, ['token:list']);
    const [bobs] = listOf(await listTokens(account.accountId, bob.token)).items;
    const before = await tokenState(account.accountId);
    const res = await revokeToken(account.accountId, alice.token, bobs?.token_id ?? '');
    expect(detailOf(res, 404)).toBe('API token not found');
    expect(await tokenState(account.accountId)).toEqual(before);
    expect((await listTokens(account.accountId, bob.token)).statusCode).toBe(200);
  });

  it("lets an admin (tokens:manage) revoke anyone's token", async () => {
    const account = await createAccount(t);
    const bob = await member(account, ['token:list']);
    const [bobs] = listOf(await listTokens(account.accountId, bob.token)).items;
    expect((await revokeToken(account.accountId, account.token, bobs?.token_id ?? '')).statusCode).toBe(200);
    expect((await listTokens(account.accountId, bob.token)).statusCode).toBe(401);
    const [event] = await auditOf(account.accountId, 'token.revoke');
    expect(event).toMatchObject({ actorId: account.adminId, before: { owner_id: bob.userId } });
  });

  it('stops the token at once on another server process, told by the database', async () => {
    // Another process: its own app, verifier and listening connection over the same database.
    // The test clock does not move, so the other verifier's cached verdict could only go
    // because the revocation's NOTIFY reached it.
    const otherProcess = await buildApp({ ...t.deps }, { database: t.database });
    try {
      const account = await createAccount(t);
      const created = createdOf(
        await createToken(account.accountId, account.token, { name: uniqueName(), scopes: ['token:list'] }),
      );
      const callThere = () =>
        otherProcess.inject({
          method: 'GET',
          url: tokensUrl(account.accountId),
          headers: { authorization: `Bearer ${created.token}` },
        });
      expect((await callThere()).statusCode).toBe(200);
      expect((await callThere()).statusCode).toBe(200);
      expect((await revokeToken(account.accountId, account.token, created.token_id)).statusCode).toBe(200);
      // Delivery is asynchronous: wait for it, never for a fixed time.
      await vi.waitFor(
        async () => {
          expect((await callThere()).statusCode).toBe(401);
        },
        { timeout: 5_000, interval: 10 },
      );
    } finally {
      await otherProcess.close();
    }
  });

  it('answers 404 for a token that does not exist and 422 for a malformed id', async () => {
    const account = await createAccount(t);
    expect(detailOf(await revokeToken(account.accountId, account.token, MISSING_ID), 404)).toBe('API token not found');
    expect(problemsOf(await revokeToken(account.accountId, account.token, 'not-an-id'))[0]?.loc).toEqual([
      'path',
      'token_id',
    ]);
  });

  it('answers 403 to a token without token:edit, and revokes nothing', async () => {
    const account = await createAccount(t);
    const token = await issueToken(t, account.accountId, account.adminId, ['token:list']);
    const [target] = listOf(await listTokens(account.accountId, token)).items;
    const before = await tokenState(account.accountId);
    expect(detailOf(await revokeToken(account.accountId, token, target?.token_id ?? ''), 403)).toContain('token:edit');
    expect(await tokenState(account.accountId)).toEqual(before);
  });

  it("answers 404 for another account's id or another account's token", async () => {
    const home = await createAccount(t);
    const other = await createAccount(t);
    const [othersToken] = listOf(await listTokens(other.accountId, other.token)).items;
    const before = await tokenState(other.accountId);
    expect((await revokeToken(other.accountId, home.token, othersToken?.token_id ?? '')).statusCode).toBe(404);
    expect((await revokeToken(home.accountId, home.token, othersToken?.token_id ?? '')).statusCode).toBe(404);
    expect(await tokenState(other.accountId)).toEqual(before);
    expect((await listTokens(other.accountId, other.token)).statusCode).toBe(200);
  });
});
