import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema/index.js';
import { ALL_SCOPE_KEYS, findScope } from '../features/api-tokens/api-tokens.scopes.js';
import { useTestApp } from '../../test/app.js';
import { createAccount, issueToken, type TestAccount } from '../../test/factories.js';
import { addMember, type Browser } from '../../test/sign-in.js';

/**
 * Walks every operation of the OpenAPI document, so a route added later is covered without
 * anyone remembering to add it here: with a token lacking the operation's scope it must answer
 * 403, and with another account's token 404 — never anything that touches data.
 */
const t = useTestApp();

interface Operation {
  method: string;
  path: string;
  scope: string;
}

interface OpenApiOperation {
  security?: { bearerAuth?: string[]; sessionCookie?: string[] }[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Operations that name no account: another account's token is just a valid token for them. */
const ACCOUNTLESS = /^\/v1\/(privileges|scopes|accounts)$/;
const FILLER = 'ffffffffffffffffffffffff';

let home: TestAccount;
let other: TestAccount;
let operations: Operation[] = [];
/** Operations on an account's data that declare no scope: there must be none. */
let unguarded: string[] = [];
/** Operations only a signed-in person may call (their own settings). */
let sessionOnly: Operation[] = [];

beforeAll(async () => {
  home = await createAccount(t);
  other = await createAccount(t);
  const document = t.app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const scope = item[method]?.security?.[0]?.bearerAuth?.[0];
      return scope === undefined ? [] : [{ method: method.toUpperCase(), path, scope }];
    }),
  );
  sessionOnly = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const security = item[method]?.security;
      const onlyCookie = security?.length === 1 && security[0]?.sessionCookie !== undefined;
      return onlyCookie ? [{ method: method.toUpperCase(), path, scope: '' }] : [];
    }),
  );
  unguarded = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined && item[method].security === undefined)
      .filter(() => path.startsWith('/v1/accounts') || ACCOUNTLESS.test(path))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
});

function urlOf(operation: Operation, accountId: string): string {
  return operation.path.replace('{account_id}', accountId).replace(/\{[a-z_]+\}/g, FILLER);
}

async function auditCount(): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

describe('every operation of the OpenAPI document', () => {
  it('is guarded by a scope, and the document lists the routes of every feature', () => {
    expect(unguarded).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(30);
    const prefixes = new Set(operations.map((o) => o.path.split('/').slice(0, 5).join('/')));
    for (const expected of [
      '/v1/accounts/{account_id}/users',
      '/v1/accounts/{account_id}/environments',
      '/v1/accounts/{account_id}/roles',
      '/v1/accounts/{account_id}/teams',
      '/v1/accounts/{account_id}/tokens',
      '/v1/accounts/{account_id}/settings',
    ]) {
      expect(prefixes, expected).toContain(expected);
    }
  });

  it('answers 403 to a token of the account’s admin that lacks the operation’s scope, and changes nothing', async () => {
    const before = await auditCount();
    const answers: string[] = [];
    for (const operation of operations) {
      const token = await issueToken(
        t,
        home.accountId,
        home.adminId,
        ALL_SCOPE_KEYS.filter((scope) => scope !== operation.scope),
      );
      const res = await t.call({ method: operation.method, url: urlOf(operation, home.accountId), token, body: {} });
      answers.push(`${operation.method} ${operation.path} → ${String(res.statusCode)}`);
      expect(res.statusCode, `${operation.method} ${operation.path}: ${res.body}`).toBe(403);
      expect(res.json<{ detail: string }>().detail).toContain(operation.scope);
    }
    expect(answers).toHaveLength(operations.length);
    // Issuing the tokens above is audited; nothing else may be.
    expect(await auditCount()).toBe(before + operations.length);
  });

  it('answers 404 to another account’s token with every scope, and changes nothing', async () => {
    const before = await auditCount();
    const scoped = operations.filter((operation) => !ACCOUNTLESS.test(operation.path));
    expect(scoped.length).toBeGreaterThan(0);
    for (const operation of scoped) {
      const res = await t.call({
        method: operation.method,
        url: urlOf(operation, home.accountId),
        token: other.token,
        body: {},
      });
      expect(res.statusCode, `${operation.method} ${operation.path}: ${res.body}`).toBe(404);
    }
    expect(await auditCount()).toBe(before);
  });

  it('names an account in the path of every operation but the catalogs and the operators’ account list', () => {
    for (const operation of operations) {
      expect(
        operation.path.includes('{account_id}') || ACCOUNTLESS.test(operation.path),
        `${operation.method} ${operation.path}`,
      ).toBe(true);
    }
  });

  it('answers 404 to a session of another account’s admin, and changes nothing', async () => {
    const outsider: Browser = (await addMember(t, other.accountId, { invitation: { isAdmin: true } })).browser;
    const before = await auditCount();
    for (const operation of operations.filter((o) => !ACCOUNTLESS.test(o.path))) {
      const res = await outsider.call({
        method: operation.method as Parameters<Browser['call']>[0]['method'],
        url: urlOf(operation, home.accountId),
        body: {},
      });
      expect(res.statusCode, `${operation.method} ${operation.path}: ${res.body}`).toBe(404);
    }
    expect(await auditCount()).toBe(before);
  });

  it('answers 403 to a session of a member without the privilege the operation needs, and changes nothing', async () => {
    const member: Browser = (await addMember(t, home.accountId)).browser;
    const guarded = operations.filter((o) => findScope(o.scope)?.privilege != null || findScope(o.scope)?.operator);
    expect(guarded.length).toBeGreaterThan(10);
    const before = await auditCount();
    for (const operation of guarded) {
      const res = await member.call({
        method: operation.method as Parameters<Browser['call']>[0]['method'],
        url: urlOf(operation, home.accountId),
        body: {},
      });
      expect(res.statusCode, `${operation.method} ${operation.path}: ${res.body}`).toBe(403);
      const privilege = findScope(operation.scope)?.privilege;
      // Said to a person, not to a token: what they lack and whom to ask.
      if (privilege != null)
        expect(res.json<{ detail: string }>().detail).toContain(`needs the privilege ${privilege}`);
    }
    expect(await auditCount()).toBe(before);
  });

  it('refuses API tokens on the operations of a signed-in person (401)', async () => {
    expect(sessionOnly.length).toBeGreaterThan(0);
    for (const operation of sessionOnly) {
      const res = await t.call({
        method: operation.method,
        url: urlOf(operation, home.accountId),
        token: home.token,
        body: {},
      });
      expect(res.statusCode, `${operation.method} ${operation.path}: ${res.body}`).toBe(401);
    }
  });
});
