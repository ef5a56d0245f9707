import { and, asc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { accountSecuritySettings, auditEvents } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addUser, createAccount, issueToken, type TestAccount } from '../../../test/factories.js';
import type { SecuritySettingsResponse } from './settings.schemas.js';

const t = useTestApp();

/** Where app.inject's requests come from unless told otherwise. */
const INJECT_ADDRESS = '127.0.0.1';
/** Longer than a cached token verdict (which carries the trusted list) lives. */
const PAST_CACHE_MS = 1_001;

interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const settingsUrl = (accountId: string): string => `/v1/accounts/${accountId}/settings/security`;

function request(
  method: 'GET' | 'PATCH',
  accountId: string,
  token: string,
  options: { body?: unknown; remoteAddress?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url: settingsUrl(accountId),
    remoteAddress: options.remoteAddress ?? INJECT_ADDRESS,
    headers: {
      authorization: `Bearer ${token}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }),
  });
}

const getSettings = (account: TestAccount, remoteAddress?: string) =>
  request('GET', account.accountId, account.token, remoteAddress === undefined ? {} : { remoteAddress });
const patchSettings = (account: TestAccount, body: unknown, remoteAddress?: string) =>
  request('PATCH', account.accountId, account.token, {
    body,
    ...(remoteAddress === undefined ? {} : { remoteAddress }),
  });

const DEFAULTS: SecuritySettingsResponse = {
  idle_timeout_minutes: 60,
  max_sessions_per_user: 10,
  require_two_factor: false,
  password_policy: { min_length: 12, character_classes: 0, history_count: 0, max_age_days: null },
  trusted_ips: [],
  updated_at: null,
};

function settingsOf(res: LightMyRequestResponse): SecuritySettingsResponse {
  expect(res.statusCode).toBe(200);
  return res.json<SecuritySettingsResponse>();
}

function problemsOf(res: LightMyRequestResponse): Problem[] {
  expect(res.statusCode).toBe(422);
  return res.json<{ detail: Problem[] }>().detail;
}

async function setTrusted(account: TestAccount, trustedIps: string[]): Promise<void> {
  settingsOf(await patchSettings(account, { trusted_ips: trustedIps }));
  t.clock.advance(PAST_CACHE_MS);
}

/** What a refused request must leave as it was: the settings row and the audit log. */
async function settingsState(accountId: string) {
  const rows = await t.db
    .select()
    .from(accountSecuritySettings)
    .where(eq(accountSecuritySettings.accountId, accountId));
  const audit = await t.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.accountId, accountId));
  return { rows, audit: audit.length };
}

async function settingsAudit(accountId: string) {
  return t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, 'settings.update')))
    .orderBy(asc(auditEvents.id));
}

describe('GET /settings/security', () => {
  it('shows the defaults for an account that never changed them', async () => {
    const account = await createAccount(t);
    expect(settingsOf(await getSettings(account))).toEqual(DEFAULTS);
  });

  it('answers 403 to a token without settings:read, and to a member without settings:manage', async () => {
    const account = await createAccount(t);
    const token = await issueToken(t, account.accountId, account.adminId, ['settings:edit']);
    const res = await request('GET', account.accountId, token);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain('settings:read');

    const user = await addUser(t, account.accountId);
    const memberToken = await issueToken(t, account.accountId, user.userId, ['settings:read']);
    const refused = await request('GET', account.accountId, memberToken);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ detail: string }>().detail).toContain('settings:manage');
  });

  it("answers 404 for another account's id", async () => {
    const home = await createAccount(t);
    const other = await createAccount(t);
    expect((await request('GET', other.accountId, home.token)).statusCode).toBe(404);
  });
});

describe('PATCH /settings/security', () => {
  it('saves trusted_ips trimmed, lower-cased and without repeats, and audits the change', async () => {
    const account = await createAccount(t);
    const saved = settingsOf(
      await patchSettings(account, {
        trusted_ips: [' 203.0.113.0/24', '2001:DB8::/32', '127.0.0.1', '203.0.113.0/24 ', '2001:db8::/32'],
      }),
    );
    expect(saved).toEqual({
      ...DEFAULTS,
      trusted_ips: ['203.0.113.0/24', '2001:db8::/32', '127.0.0.1'],
      updated_at: `${t.clock.now().toISOString().slice(0, 23)}000`,
    });
    expect(settingsOf(await getSettings(account))).toEqual(saved);

    t.clock.advance(PAST_CACHE_MS);
    settingsOf(await patchSettings(account, { trusted_ips: ['127.0.0.0/8'] }));
    const events = await settingsAudit(account.accountId);
    expect(events.map((e) => ({ before: e.before, after: e.after, target: e.targetId, actor: e.actorId }))).toEqual([
      {
        before: { trusted_ips: [] },
        after: { trusted_ips: ['203.0.113.0/24', '2001:db8::/32', '127.0.0.1'] },
        target: account.accountId,
        actor: account.adminId,
      },
      {
        before: { trusted_ips: ['203.0.113.0/24', '2001:db8::/32', '127.0.0.1'] },
        after: { trusted_ips: ['127.0.0.0/8'] },
        target: account.accountId,
        actor: account.adminId,
      },
    ]);
  });

  it('leaves everything as it is when trusted_ips is omitted or unchanged', async () => {
    const account = await createAccount(t);
    expect(settingsOf(await patchSettings(account, {}))).toEqual(DEFAULTS);
    expect(settingsOf(await patchSettings(account, { trusted_ips: [] }))).toEqual(DEFAULTS);
    expect(await settingsState(account.accountId)).toMatchObject({ rows: [] });

    const saved = settingsOf(await patchSettings(account, { trusted_ips: ['127.0.0.1'] }));
    const before = await settingsState(account.accountId);
    t.clock.advance(PAST_CACHE_MS);
    expect(settingsOf(await patchSettings(account, {}))).toEqual(saved);
    expect(settingsOf(await patchSettings(account, { trusted_ips: [' 127.0.0.1', '127.0.0.1'] }))).toEqual(saved);
    expect(await settingsState(account.accountId)).toEqual(before);
  });

  it('clears the list with an empty one: tokens work from anywhere again', async () => {
    const account = await createAccount(t);
    await setTrusted(account, ['127.0.0.1']);
    expect((await getSettings(account, '198.51.100.7')).statusCode).toBe(403);
    expect(settingsOf(await patchSettings(account, { trusted_ips: [] })).trusted_ips).toEqual([]);
    t.clock.advance(PAST_CACHE_MS);
    expect((await getSettings(account, '198.51.100.7')).statusCode).toBe(200);
  });

  it.each([
    [
      'an entry that is not an address, at its index',
      { trusted_ips: ['127.0.0.1', '300.1.1.1'] },
      ['body', 'trusted_ips', 1],
    ],
    ['a prefix too long', { trusted_ips: ['1.2.3.4/33', '127.0.0.1'] }, ['body', 'trusted_ips', 0]],
    ['an empty prefix', { trusted_ips: ['127.0.0.1', '1.2.3.4/'] }, ['body', 'trusted_ips', 1]],
    ['a word', { trusted_ips: ['abc'] }, ['body', 'trusted_ips', 0]],
    ['an entry that is not a string', { trusted_ips: ['127.0.0.1', 7] }, ['body', 'trusted_ips', 1]],
    ['a list that is not a list', { trusted_ips: '127.0.0.1' }, ['body', 'trusted_ips']],
    ['null', { trusted_ips: null }, ['body', 'trusted_ips']],
    [
      'more than 100 entries',
      { trusted_ips: Array.from({ length: 101 }, (_, i) => `10.0.0.${String(i)}`) },
      ['body', 'trusted_ips'],
    ],
    ['an unknown field', { trusted_ips: ['127.0.0.1'], session_timeout: 5 }, ['body', 'session_timeout']],
  ])('refuses %s with 422 and changes nothing', async (_case, body, loc) => {
    const account = await createAccount(t);
    await setTrusted(account, ['127.0.0.0/8']);
    const before = await settingsState(account.accountId);
    expect(problemsOf(await patchSettings(account, body)).map((p) => p.loc)).toContainEqual(loc);
    expect(await settingsState(account.accountId)).toEqual(before);
  });

  it('names every bad entry at once', async () => {
    const account = await createAccount(t);
    const problems = problemsOf(await patchSettings(account, { trusted_ips: ['abc', '127.0.0.1', '1.2.3.4/'] }));
    expect(problems.map((p) => p.loc)).toEqual([
      ['body', 'trusted_ips', 0],
      ['body', 'trusted_ips', 2],
    ]);
    expect(problems[0]?.msg).toContain('"abc" is not an IPv4 or IPv6 address or CIDR range');
  });

  it('refuses a list that leaves out the address of the request making the change, and changes nothing', async () => {
    const account = await createAccount(t);
    const before = await settingsState(account.accountId);
    const problems = problemsOf(await patchSettings(account, { trusted_ips: ['203.0.113.0/24'] }));
    expect(problems).toEqual([
      {
        loc: ['body', 'trusted_ips'],
        msg: expect.stringContaining('does not include 127.0.0.1') as unknown,
        type: 'value_error.lockout',
      },
    ]);
    expect(await settingsState(account.accountId)).toEqual(before);
    t.clock.advance(PAST_CACHE_MS);
    expect((await getSettings(account)).statusCode).toBe(200);

    // From inside the range, the same list is accepted.
    expect(
      settingsOf(await patchSettings(account, { trusted_ips: ['203.0.113.0/24'] }, '203.0.113.9')).trusted_ips,
    ).toEqual(['203.0.113.0/24']);
  });

  it('answers 403 to a token without settings:edit, and changes nothing', async () => {
    const account = await createAccount(t);
    const token = await issueToken(t, account.accountId, account.adminId, ['settings:read']);
    const before = await settingsState(account.accountId);
    const res = await request('PATCH', account.accountId, token, { body: { trusted_ips: ['127.0.0.1'] } });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain('settings:edit');
    expect(await settingsState(account.accountId)).toEqual(before);
  });

  it("answers 404 for another account's id, and changes nothing there", async () => {
    const home = await createAccount(t);
    const other = await createAccount(t);
    const before = await settingsState(other.accountId);
    const res = await request('PATCH', other.accountId, home.token, { body: { trusted_ips: ['127.0.0.1'] } });
    expect(res.statusCode).toBe(404);
    expect(await settingsState(other.accountId)).toEqual(before);
  });
});

describe('trusted IP addresses', () => {
  it('refuses token calls from any other address (403) once the list is not empty', async () => {
    const account = await createAccount(t);
    await setTrusted(account, ['127.0.0.1', '203.0.113.0/24', '2001:db8::/32']);
    const from = async (address: string) => (await getSettings(account, address)).statusCode;

    expect(await from('198.51.100.7')).toBe(403);
    expect(await from('203.0.112.255')).toBe(403);
    expect(await from('2001:db9::1')).toBe(403);
    expect(await from('203.0.113.9')).toBe(200);
    expect(await from('203.0.113.255')).toBe(200);
    expect(await from('::ffff:203.0.113.9')).toBe(200);
    expect(await from('2001:db8::5')).toBe(200);
    expect(await from(INJECT_ADDRESS)).toBe(200);

    const refused = await getSettings(account, '198.51.100.7');
    expect(refused.json<{ detail: string }>().detail).toBe(
      'This account accepts API tokens only from its trusted IP addresses',
    );
  });

  it('applies to every route and token of the account, and to no other account', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    await setTrusted(account, ['127.0.0.1']);
    const user = await addUser(t, account.accountId);
    const token = await issueToken(t, account.accountId, user.userId, ['token:list']);
    const list = await t.app.inject({
      method: 'GET',
      url: `/v1/accounts/${account.accountId}/tokens`,
      remoteAddress: '198.51.100.7',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.statusCode).toBe(403);
    expect((await getSettings(other, '198.51.100.7')).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For when TRUST_PROXY is not set', async () => {
    const account = await createAccount(t);
    await setTrusted(account, ['127.0.0.1', '203.0.113.0/24']);
    const res = await request('GET', account.accountId, account.token, {
      remoteAddress: '198.51.100.7',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('takes effect within a second of the change', async () => {
    const account = await createAccount(t);
    expect((await getSettings(account, '198.51.100.7')).statusCode).toBe(200);
    settingsOf(await patchSettings(account, { trusted_ips: ['127.0.0.1'] }));
    t.clock.advance(PAST_CACHE_MS);
    expect((await getSettings(account, '198.51.100.7')).statusCode).toBe(403);
  });
});
