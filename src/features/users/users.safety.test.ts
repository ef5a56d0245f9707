import type { LightMyRequestResponse } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditEvents,
  identities,
  invitations,
  mailOutbox,
  membershipRoles,
  memberships,
} from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addUser, createAccount, type TestAccount } from '../../../test/factories.js';

const t = useTestApp();

/** Asymmetric matchers, typed as the values they stand for. */
const anyString: unknown = expect.any(String);
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/**
 * Every refusal is JSON with a `detail`, and nothing of the server's insides: no stack frame,
 * no source path, no driver message.
 */
function expectCleanRefusal(res: LightMyRequestResponse, status: number): unknown {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json<{ detail?: unknown }>();
  expect(body).toHaveProperty('detail');
  expect(Object.keys(body)).toEqual(['detail']);
  expect(res.body).not.toMatch(/\n\s+at |\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+|"stack"|postgres|pglite|SQL/i);
  return body.detail;
}

function problemsOf(res: LightMyRequestResponse): Problem[] {
  const detail = expectCleanRefusal(res, 422);
  expect(Array.isArray(detail)).toBe(true);
  return detail as Problem[];
}

/** Everything a request can write: rows of the account and the global tables it touches. */
async function storedState(accountId: string) {
  const users = await t.db
    .select()
    .from(memberships)
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(memberships.userId));
  const roles = await t.db
    .select()
    .from(membershipRoles)
    .where(eq(membershipRoles.accountId, accountId))
    .orderBy(asc(membershipRoles.userId), asc(membershipRoles.environmentId));
  const people = await t.db.select({ id: identities.id }).from(identities).orderBy(asc(identities.id));
  const links = await t.db.select({ id: invitations.id }).from(invitations).orderBy(asc(invitations.id));
  const mail = await t.db.select({ id: mailOutbox.id }).from(mailOutbox).orderBy(asc(mailOutbox.id));
  const audit = await t.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.accountId, accountId))
    .orderBy(asc(auditEvents.id));
  return { users, roles, people, links, mail, audit };
}

interface Target {
  account: TestAccount;
  userId: string;
  userUrl: string;
  inviteUrl: string;
  listUrl: string;
}

async function target(): Promise<Target> {
  const account = await createAccount(t);
  const user = await addUser(t, account.accountId, { userName: 'Original Name' });
  const base = `/v1/accounts/${account.accountId}/users`;
  return {
    account,
    userId: user.userId,
    userUrl: `${base}/${user.userId}`,
    inviteUrl: `${base}/invite`,
    listUrl: base,
  };
}

/** Sends a raw JSON text, exactly as given. */
const sendRaw = (to: Target, method: 'PATCH' | 'POST', url: string, payload: string) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${to.account.token}`, 'content-type': 'application/json' },
    payload,
  });

const validInvite = { user_name: 'Someone', environments: {}, allow_login_password: true };

describe('bodies that are not a JSON object', () => {
  it('refuses malformed JSON as json_invalid and changes nothing', async () => {
    const to = await target();
    const state = await storedState(to.account.accountId);

    for (const payload of ['{"user_name": ', '{user_name: "x"}', "{'user_name': 'x'}", '{"a":1}}', 'nul']) {
      const res = await sendRaw(to, 'PATCH', to.userUrl, payload);
      expect(problemsOf(res)).toEqual([{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }]);
    }
    expect(await storedState(to.account.accountId)).toEqual(state);
  });

  it('refuses an empty body sent as JSON', async () => {
    const to = await target();
    const state = await storedState(to.account.accountId);

    for (const [method, url] of [
      ['PATCH', to.userUrl],
      ['POST', to.inviteUrl],
    ] as const) {
      const problems = problemsOf(await sendRaw(to, method, url, ''));
      expect(problems).toEqual([{ loc: ['body'], msg: 'Field required', type: 'missing' }]);
    }
    expect(await storedState(to.account.accountId)).toEqual(state);
  });

  it('refuses a body with no content type at all', async () => {
    const to = await target();
    const state = await storedState(to.account.accountId);

    const res = await t.call({ method: 'POST', url: to.inviteUrl, token: to.account.token });

    const problems = problemsOf(res);
    expect(problems.map((p) => p.loc)).toEqual([['body']]);
    expect(['dict_type', 'missing']).toContain(problems[0]?.type);
    expect(await storedState(to.account.accountId)).toEqual(state);
  });

  it('refuses an array, a string, a number, a boolean or null where an object belongs', async () => {
    const to = await target();
    const state = await storedState(to.account.accountId);

    for (const payload of ['[]', '[{"user_name":"x"}]', '"user_name"', '42', 'true', 'null']) {
      for (const [method, url] of [
        ['PATCH', to.userUrl],
        ['POST', to.inviteUrl],
      ] as const) {
        expect(problemsOf(await sendRaw(to, method, url, payload))).toEqual([
          { loc: ['body'], msg: 'Input should be a valid dictionary or object', type: 'dict_type' },
        ]);
      }
    }
    expect(await storedState(to.account.accountId)).toEqual(state);
  });
});

describe('no coercion in bodies, coercion in query strings', () => {
  it('refuses "true" for a boolean in a body', async () => {
    const to = await target();
    const state = await storedState(to.account.accountId);

    expect(
      problemsOf(
        await t.call({
          method: 'PATCH',
          url: `${to.userUrl}/active`,
          token: to.account.token,
          body: { is_active: 'true' },
        }),
      ),
    ).toEqual([{ loc: ['body', 'is_active'], msg: 'Input should be a valid boolean', type: 'bool_type' }]);
    for (const value of ['false', 0, 1, 'yes']) {
      const res = await t.call({
        method: 'PATCH',
        url: to.userUrl,
        token: to.account.token,
        body: { is_admin: value },
      });
      expect(problemsOf(res)).toEqual([
        { loc: ['body', 'is_admin'], msg: 'Input should be a valid boolean', type: 'bool_type' },
      ]);
    }
    const number = await t.call({ method: 'PATCH', url: to.userUrl, token: to.account.token, body: { user_name: 7 } });
    expect(problemsOf(number)).toEqual([
      { loc: ['body', 'user_name'], msg: 'Input should be a valid string', type: 'string_type' },
    ]);
    expect(await storedState(to.account.accountId)).toEqual(state);
  });

  it('reads numbers from the query string', async () => {
    const to = await target();
    const res = await t.call({ method: 'GET', url: `${to.listUrl}?page=2&items_per_page=1`, token: to.account.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ page: 2, current_page_size: 1, total_items: 2 });

    const bad = await t.call({ method: 'GET', url: `${to.listUrl}?page=two`, token: to.account.token });
    expect(problemsOf(bad)).toEqual([{ loc: ['query', 'page'], msg: anyString, type: 'int_parsing' }]);
  });
});

describe('text PostgreSQL cannot store or that is not Unicode', () => {
  it('refuses a NUL character in a body string and writes nothing', async () => {
    const to = await target();
    const state = await storedState(to.account.accountId);

    const patched = await t.call({
      method: 'PATCH',
      url: to.userUrl,
      token: to.account.token,
      body: { user_name: 'Bad\u0000Name' },
    });
    expect(problemsOf(patched)).toEqual([{ loc: ['body', 'user_name'], msg: anyString, type: 'string_unicode' }]);

    const invited = await t.call({
      method: 'POST',
      url: to.inviteUrl,
      token: to.account.token,
      body: { ...validInvite, user_name: 'Nul\u0000', user_email: 'nul@example.com' },
    });
    expect(problemsOf(invited)).toEqual([{ loc: ['body', 'user_name'], msg: anyString, type: 'string_unicode' }]);

    const inEmail = await t.call({
      method: 'POST',
      url: `${to.listUrl}/re_invite`,
      token: to.account.token,
      body: { user_email: 'a\u0000@example.com' },
    });
    expect(problemsOf(inEmail).map((p) => [p.loc, p.type])).toEqual([[['body', 'user_email'], 'string_unicode']]);
    expect(await storedState(to.account.accountId)).toEqual(state);
  });

  it('refuses a NUL character in a key', async () => {
    const to = await target();
    const state = await storedState(to.account.accountId);
    const res = await sendRaw(to, 'PATCH', to.userUrl, '{"environments": {"\\u0000": {"role": "viewer"}}}');
    expect(problemsOf(res).map((p) => [p.loc, p.type])).toEqual([
      [['body', 'environments', '\u0000'], 'string_unicode'],
    ]);
    expect(await storedState(to.account.accountId)).toEqual(state);
  });

  it('refuses a lone surrogate in a JSON string and writes nothing', async () => {
    const to = await target();
    const state = await storedState(to.account.accountId);

    const patched = await sendRaw(to, 'PATCH', to.userUrl, '{"user_name": "x\\ud800y"}');
    expect(problemsOf(patched)).toEqual([{ loc: ['body', 'user_name'], msg: anyString, type: 'string_unicode' }]);

    const lowAlone = await sendRaw(to, 'PATCH', to.userUrl, '{"user_name": "\\udfff"}');
    expect(problemsOf(lowAlone).map((p) => p.type)).toEqual(['string_unicode']);

    const invited = await sendRaw(
      to,
      'POST',
      to.inviteUrl,
      '{"user_name": "Ok", "user_email": "surrogate@example.com", "environments": {}, "allow_login_password": true, "is_admin": false, "allow_login_google": false, "allow_login_sso": false, "is_re_invite": false, "x": "\\ud800"}',
    );
    expect(invited.statusCode).toBe(422);
    expect(problemsOf(invited)).toEqual([{ loc: ['body', 'x'], msg: anyString, type: 'string_unicode' }]);
    expect(await storedState(to.account.accountId)).toEqual(state);
  });

  it('accepts a well-formed surrogate pair', async () => {
    const to = await target();
    const res = await sendRaw(to, 'PATCH', to.userUrl, '{"user_name": "Smile \\ud83d\\ude00"}');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ user_name: string }>().user_name).toBe('Smile 😀');
  });

  it('refuses a NUL character in a query parameter', async () => {
    const to = await target();
    for (const query of ['name=%00', 'email=a%00b%40example.com', 'name=ok&sort_by=%00']) {
      const res = await t.call({ method: 'GET', url: `${to.listUrl}?${query}`, token: to.account.token });
      const problems = problemsOf(res);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]?.loc[0]).toBe('query');
    }
    const res = await t.call({ method: 'GET', url: `${to.listUrl}?name=%00`, token: to.account.token });
    expect(problemsOf(res)).toEqual([{ loc: ['query', 'name'], msg: anyString, type: 'string_unicode' }]);
  });

  it('answers invalid UTF-8 in a query parameter without a 500', async () => {
    const to = await target();
    // Percent-encoded surrogate halves and stray bytes are not UTF-8; they decode to U+FFFD, never to a lone surrogate.
    for (const name of ['%ED%A0%80', '%FF', '%C3']) {
      const res = await t.call({ method: 'GET', url: `${to.listUrl}?name=${name}`, token: to.account.token });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ total_items: 0 });
    }
  });
});

describe('strings that are too long', () => {
  it('refuses them with string_too_long and writes nothing', async () => {
    const to = await target();
    const prod = to.account.environments.Production ?? '';
    const state = await storedState(to.account.accountId);
    const call = (method: 'PATCH' | 'POST', url: string, body: unknown) =>
      t.call({ method, url, token: to.account.token, body });

    const cases: [Promise<LightMyRequestResponse>, (string | number)[]][] = [
      [call('PATCH', to.userUrl, { user_name: 'x'.repeat(201) }), ['body', 'user_name']],
      [
        call('PATCH', to.userUrl, { environments: { [prod]: { role: 'r'.repeat(101) } } }),
        ['body', 'environments', prod, 'role'],
      ],
      [
        call('POST', to.inviteUrl, { ...validInvite, user_name: 'n'.repeat(201), user_email: 'long@example.com' }),
        ['body', 'user_name'],
      ],
      [
        call('POST', to.inviteUrl, { ...validInvite, user_email: `${'e'.repeat(250)}@example.com` }),
        ['body', 'user_email'],
      ],
      [
        call('POST', `${to.listUrl}/re_invite`, { user_email: `${'e'.repeat(250)}@example.com` }),
        ['body', 'user_email'],
      ],
    ];
    for (const [pending, loc] of cases) {
      const problems = problemsOf(await pending);
      expect(problems).toEqual([{ loc, msg: matching(/at most \d+ characters/), type: 'string_too_long' }]);
    }
    const query = await t.call({
      method: 'GET',
      url: `${to.listUrl}?name=${'q'.repeat(201)}`,
      token: to.account.token,
    });
    expect(problemsOf(query)).toEqual([{ loc: ['query', 'name'], msg: anyString, type: 'string_too_long' }]);
    expect(await storedState(to.account.accountId)).toEqual(state);
  });

  it('accepts a name of exactly the longest length', async () => {
    const to = await target();
    const res = await t.call({
      method: 'PATCH',
      url: to.userUrl,
      token: to.account.token,
      body: { user_name: 'x'.repeat(200) },
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses too many environments or user ids', async () => {
    const to = await target();
    const state = await storedState(to.account.accountId);
    const environments = Object.fromEntries(
      Array.from({ length: 501 }, (_, i) => [i.toString(16).padStart(24, '0'), { role: 'viewer' }]),
    );
    const many = await t.call({ method: 'PATCH', url: to.userUrl, token: to.account.token, body: { environments } });
    expect(problemsOf(many)).toEqual([{ loc: ['body', 'environments'], msg: anyString, type: 'too_long' }]);

    const ids = Array.from({ length: 1001 }, (_, i) => i.toString(16).padStart(24, '0'));
    const teams = await t.call({
      method: 'PATCH',
      url: `${to.listUrl}/teams`,
      token: to.account.token,
      body: { operation: 'attach', team_id: 'f'.repeat(24), user_ids: ids },
    });
    expect(problemsOf(teams)).toEqual([{ loc: ['body', 'user_ids'], msg: anyString, type: 'too_long' }]);
    expect(await storedState(to.account.accountId)).toEqual(state);
  });
});

describe('hostile JSON', () => {
  it('answers a __proto__ key with a JSON 4xx, not a 500, and changes nothing', async () => {
    const to = await target();
    const state = await storedState(to.account.accountId);

    for (const [method, url, payload] of [
      ['PATCH', to.userUrl, '{"__proto__": {"is_admin": true}}'],
      ['PATCH', to.userUrl, '{"user_name": "x", "__proto__": {"polluted": true}}'],
      ['PATCH', to.userUrl, '{"environments": {"__proto__": {"role": "admin"}}}'],
      ['PATCH', to.userUrl, '{"constructor": {"prototype": {"polluted": true}}}'],
      [
        'POST',
        to.inviteUrl,
        '{"user_name": "P", "user_email": "proto@example.com", "environments": {}, "allow_login_password": true, "__proto__": {"is_admin": true}}',
      ],
    ] as const) {
      // The parser refuses prototype keys outright: an input error like any unparseable body.
      expect(problemsOf(await sendRaw(to, method, url, payload))).toEqual([
        { loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' },
      ]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).is_admin).toBeUndefined();
    expect(await storedState(to.account.accountId)).toEqual(state);
  });

  it('answers deeply nested JSON with a JSON 4xx, not a 500', async () => {
    const to = await target();
    const state = await storedState(to.account.accountId);
    const depth = 100_000;

    for (const payload of [
      `{"user_name": ${'['.repeat(depth)}${']'.repeat(depth)}}`,
      `{"user_name": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
    ]) {
      const res = await sendRaw(to, 'PATCH', to.userUrl, payload);
      const problems = problemsOf(res);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.loc.slice(0, 2)).toEqual(['body', 'user_name']);
    }
    expect(await storedState(to.account.accountId)).toEqual(state);
  });

  it('still checks every string of a moderately nested body', async () => {
    const to = await target();
    const nested = `${'{"a":'.repeat(20)}"\\u0000"${'}'.repeat(20)}`;
    const problems = problemsOf(await sendRaw(to, 'PATCH', to.userUrl, `{"user_name": ${nested}}`));
    expect(problems.map((p) => p.type)).toEqual(['string_unicode']);
  });

  it('answers duplicate keys, odd numbers and odd ids without a 500', async () => {
    const to = await target();
    for (const [method, url, payload] of [
      ['PATCH', to.userUrl, '{"user_name": "a", "user_name": 5}'],
      ['PATCH', `${to.userUrl}/active`, '{"is_active": 1e999}'],
      [
        'PATCH',
        `${to.listUrl}/teams`,
        '{"operation": "attach", "team_id": "../../etc/passwd", "user_ids": ["\' OR 1=1 --"]}',
      ],
      ['PATCH', `${to.listUrl}/%27%20OR%201%3D1`, '{"user_name": "x"}'],
    ] as const) {
      const res = await sendRaw(to, method, url, payload);
      expect(res.statusCode).toBe(422);
      expectCleanRefusal(res, 422);
    }
    expect((await t.call({ method: 'GET', url: to.userUrl, token: to.account.token })).json()).toMatchObject({
      user_name: 'Original Name',
      is_active: true,
    });
  });
});
