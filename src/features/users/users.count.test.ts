import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberships } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, type TestAccount } from '../../../test/factories.js';

const t = useTestApp();

async function totalItems(account: TestAccount, query = ''): Promise<number> {
  const res = await t.call({
    method: 'GET',
    url: `/v1/accounts/${account.accountId}/users?${query}`,
    token: account.token,
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ total_items: number }>().total_items;
}

async function rowsInAccount(accountId: string): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(memberships).where(eq(memberships.accountId, accountId));
  return row?.n ?? 0;
}

const invite = (account: TestAccount, email: string, userName = 'Someone') =>
  t.call({
    method: 'POST',
    url: `/v1/accounts/${account.accountId}/users/invite`,
    token: account.token,
    body: { user_name: userName, user_email: email, environments: {}, allow_login_password: true },
  });

describe('total_items stays exact', () => {
  it('follows invites and removals, per account', async () => {
    const a = await createAccount(t);
    const b = await createAccount(t);
    expect(await totalItems(a)).toBe(1);
    const first = await addUser(t, a.accountId);
    await addUser(t, a.accountId);
    await addUser(t, b.accountId);
    expect(await totalItems(a)).toBe(3);
    expect(await totalItems(b)).toBe(2);
    await t.call({ method: 'DELETE', url: `/v1/accounts/${a.accountId}/users/${first.userId}`, token: a.token });
    expect(await totalItems(a)).toBe(2);
    expect(await totalItems(b)).toBe(2);
  });

  it('is exact after concurrent invites and deletes', async () => {
    const account = await createAccount(t);
    const doomed = await Promise.all([1, 2, 3, 4, 5].map(() => addUser(t, account.accountId)));
    const results = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => invite(account, `concurrent-${String(i)}@example.com`)),
      ...doomed.map((user) =>
        t.call({
          method: 'DELETE',
          url: `/v1/accounts/${account.accountId}/users/${user.userId}`,
          token: account.token,
        }),
      ),
    ]);
    expect(results.map((res) => res.statusCode)).toEqual(Array.from({ length: 17 }, () => 200));
    expect(await totalItems(account)).toBe(await rowsInAccount(account.accountId));
    expect(await totalItems(account)).toBe(13);
  });

  it('refreshes a cached name-filter total after every kind of change', async () => {
    const account = await createAccount(t);
    await addUser(t, account.accountId, { userName: 'Zelda One' });
    expect(await totalItems(account, 'name=zelda')).toBe(1);
    expect(await totalItems(account, 'name=zelda')).toBe(1);

    const second = await addUser(t, account.accountId, { userName: 'Zelda Two' });
    expect(await totalItems(account, 'name=zelda')).toBe(2);

    const renamed = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/${second.userId}`,
      token: account.token,
      body: { user_name: 'Link' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await totalItems(account, 'name=zelda')).toBe(1);

    const team = await addTeam(t, account.accountId);
    expect(await totalItems(account, `name=zelda&team_id=${team}`)).toBe(0);
    const [zelda] = (
      await t.call({ method: 'GET', url: `/v1/accounts/${account.accountId}/users?name=zelda`, token: account.token })
    ).json<{ items: { user_id: string }[] }>().items;
    const attached = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/teams`,
      token: account.token,
      body: { operation: 'attach', team_id: team, user_ids: [zelda?.user_id] },
    });
    expect(attached.statusCode).toBe(200);
    expect(await totalItems(account, `name=zelda&team_id=${team}`)).toBe(1);

    await t.call({
      method: 'DELETE',
      url: `/v1/accounts/${account.accountId}/users/${zelda?.user_id ?? ''}`,
      token: account.token,
    });
    expect(await totalItems(account, 'name=zelda')).toBe(0);
    expect(await totalItems(account, `name=zelda&team_id=${team}`)).toBe(0);
  });

  it('counts a user in several of the filtered teams once', async () => {
    const account = await createAccount(t);
    const red = await addTeam(t, account.accountId);
    const blue = await addTeam(t, account.accountId);
    const both = await addUser(t, account.accountId);
    const onlyRed = await addUser(t, account.accountId);
    await addUser(t, account.accountId);
    for (const [team, users] of [
      [red, [both.userId, onlyRed.userId]],
      [blue, [both.userId]],
    ] as const) {
      await t.call({
        method: 'PATCH',
        url: `/v1/accounts/${account.accountId}/users/teams`,
        token: account.token,
        body: { operation: 'attach', team_id: team, user_ids: users },
      });
    }
    expect(await totalItems(account, `team_id=${red}&team_id=${blue}`)).toBe(2);
    expect(await totalItems(account, `team_id=${blue}`)).toBe(1);
  });
});

describe('repeated list calls', () => {
  it('never serve a page older than the database, whoever made the change', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId, { userName: 'First Name' });
    const names = async () =>
      (await t.call({ method: 'GET', url: `/v1/accounts/${account.accountId}/users`, token: account.token })).json<{
        items: { user_id: string; user_name: string; groups: string[] }[];
      }>().items;
    expect((await names()).find((u) => u.user_id === userId)?.user_name).toBe('First Name');
    expect((await names()).find((u) => u.user_id === userId)?.user_name).toBe('First Name');

    // A change made outside this app (another process, or SQL) is seen by the next call.
    await t.db.update(memberships).set({ userName: 'Second Name' }).where(eq(memberships.userId, userId));
    expect((await names()).find((u) => u.user_id === userId)?.user_name).toBe('Second Name');

    const team = await addTeam(t, account.accountId);
    await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/teams`,
      token: account.token,
      body: { operation: 'attach', team_id: team, user_ids: [userId] },
    });
    expect((await names()).find((u) => u.user_id === userId)?.groups).toEqual([team]);
  });
});
