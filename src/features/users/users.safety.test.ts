import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { addUser, createAccount } from '../../../test/factories.js';

const t = useTestApp();

interface Problem {
  loc: (string | number)[];
  type: string;
}

describe('bad input never reaches the database and never answers 500', () => {
  it('refuses malformed, empty and non-object JSON bodies with 422', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId, { userName: 'Unchanged' });
    const url = `/v1/accounts/${account.accountId}/users/${userId}`;
    const cases: [string, string][] = [
      ['{"user_name": ', 'json_invalid'],
      ['', 'missing'],
      ['[1, 2]', 'dict_type'],
      ['"text"', 'dict_type'],
      ['42', 'dict_type'],
      ['null', 'dict_type'],
    ];
    for (const [payload, type] of cases) {
      const res = await t.app.inject({
        method: 'PATCH',
        url,
        headers: { authorization: `Bearer ${account.token}`, 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(422);
      const detail = res.json<{ detail: Problem[] }>().detail;
      expect(detail[0]?.loc[0]).toBe('body');
      expect(
        detail.map((p) => p.type),
        payload,
      ).toContain(type);
      expect(res.body).not.toMatch(/at .*\.(js|ts):\d+/);
    }
    const user = await t.call({ method: 'GET', url, token: account.token });
    expect(user.json<{ user_name: string }>().user_name).toBe('Unchanged');
  });

  it('converts types only in the query string', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId);
    const body = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/${userId}/active`,
      token: account.token,
      body: { is_active: 'false' },
    });
    expect(body.json<{ detail: Problem[] }>().detail).toEqual([
      expect.objectContaining({ loc: ['body', 'is_active'], type: 'bool_type' }),
    ]);
    const query = await t.call({
      method: 'GET',
      url: `/v1/accounts/${account.accountId}/users?page=1&items_per_page=2`,
      token: account.token,
    });
    expect(query.statusCode).toBe(200);
  });

  it('refuses NUL characters and unpaired surrogates anywhere', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId, { userName: 'Clean' });
    const url = `/v1/accounts/${account.accountId}/users/${userId}`;
    for (const payload of ['{"user_name":"bad\\u0000name"}', '{"user_name":"bad\\ud800name"}', '{"bad\\u0000key":1}']) {
      const res = await t.app.inject({
        method: 'PATCH',
        url,
        headers: { authorization: `Bearer ${account.token}`, 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(422);
      expect(res.json<{ detail: Problem[] }>().detail[0]).toMatchObject({ type: 'string_unicode' });
    }
    const query = await t.call({
      method: 'GET',
      url: `/v1/accounts/${account.accountId}/users?name=%00`,
      token: account.token,
    });
    expect(query.statusCode).toBe(422);
    expect(query.json()).toMatchObject({ detail: [{ loc: ['query', 'name'], type: 'string_unicode' }] });
    const user = await t.call({ method: 'GET', url, token: account.token });
    expect(user.json<{ user_name: string }>().user_name).toBe('Clean');
  });

  it('refuses over-long strings and keeps prototype keys harmless', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId);
    const url = `/v1/accounts/${account.accountId}/users/${userId}`;
    const long = await t.call({ method: 'PATCH', url, token: account.token, body: { user_name: 'x'.repeat(201) } });
    expect(long.json()).toMatchObject({ detail: [{ loc: ['body', 'user_name'], type: 'string_too_long' }] });
    const proto = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { authorization: `Bearer ${account.token}`, 'content-type': 'application/json' },
      payload: '{"__proto__": {"is_admin": true}}',
    });
    expect(proto.statusCode).toBeGreaterThanOrEqual(400);
    expect(proto.statusCode).toBeLessThan(500);
    expect(proto.json<{ detail: unknown }>().detail).toBeDefined();
  });
});
