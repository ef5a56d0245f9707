import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, type TestAccount } from '../../../test/factories.js';
import { attachDetachUsers } from '../users/users.service.js';
import type { UserResponse } from '../users/users.schemas.js';
import type { TeamResponse } from './teams.schemas.js';

const t = useTestApp();

const MISSING_ID = 'ffffffffffffffffffffffff';

interface Page<T> {
  next_page: string | null;
  previous_page: string | null;
  page: number;
  current_page_size: number;
  total_items: number;
  account_id: string;
  items: T[];
}

interface Problem {
  loc: (string | number)[];
  type: string;
}

const get = (account: TestAccount, path: string): Promise<LightMyRequestResponse> =>
  t.call({ method: 'GET', url: `/v1/accounts/${account.accountId}${path}`, token: account.token });

async function pageOf<T>(account: TestAccount, path: string): Promise<Page<T>> {
  const res = await get(account, path);
  expect(res.statusCode).toBe(200);
  return res.json<Page<T>>();
}

function problemsOf(res: LightMyRequestResponse): Problem[] {
  expect(res.statusCode).toBe(422);
  return res.json<{ detail: Problem[] }>().detail;
}

/** The page number and size a page link points to, on the same path. */
function linkTarget(link: string | null): { path: string; page: string | null; size: string | null } | null {
  if (link === null) return null;
  const url = new URL(link);
  return { path: url.pathname, page: url.searchParams.get('page'), size: url.searchParams.get('items_per_page') };
}

async function attach(account: TestAccount, teamId: string, userIds: string[]): Promise<void> {
  await attachDetachUsers(t.deps, systemContext('test'), account.accountId, { operation: 'attach', teamId, userIds });
}

describe('GET /teams', () => {
  let account: TestAccount;
  const names = ['beta', 'Alpha', 'gamma', 'Delta', 'epsilon'];
  const ids = new Map<string, string>();

  beforeAll(async () => {
    account = await createAccount(t);
    for (const name of names) ids.set(name, await addTeam(t, account.accountId, { name }));
    const other = await createAccount(t);
    await addTeam(t, other.accountId, { name: 'Aardvarks elsewhere' });
  });

  it('lists only the account’s teams, by name whatever the case, with their members counted', async () => {
    const member = await addUser(t, account.accountId);
    const deltaId = ids.get('Delta') ?? '';
    await attach(account, deltaId, [member.userId, account.adminId]);

    const page = await pageOf<TeamResponse>(account, '/teams');
    expect(page).toMatchObject({
      page: 1,
      current_page_size: 5,
      total_items: 5,
      account_id: account.accountId,
      next_page: null,
      previous_page: null,
    });
    expect(page.items.map((team) => team.name)).toEqual(['Alpha', 'beta', 'Delta', 'epsilon', 'gamma']);
    expect(page.items.find((team) => team.team_id === deltaId)?.user_count).toBe(2);
    expect(page.items.filter((team) => team.team_id !== deltaId).map((team) => team.user_count)).toEqual([0, 0, 0, 0]);
  });

  it('pages with links to the neighbouring pages, and past the end answers an empty page', async () => {
    const path = `/v1/accounts/${account.accountId}/teams`;
    const first = await pageOf<TeamResponse>(account, '/teams?items_per_page=2');
    expect(first.items.map((team) => team.name)).toEqual(['Alpha', 'beta']);
    expect(linkTarget(first.next_page)).toEqual({ path, page: '2', size: '2' });
    expect(first.previous_page).toBeNull();

    const last = await pageOf<TeamResponse>(account, '/teams?items_per_page=2&page=3');
    expect(last).toMatchObject({ page: 3, current_page_size: 1, total_items: 5, next_page: null });
    expect(last.items.map((team) => team.name)).toEqual(['gamma']);
    expect(linkTarget(last.previous_page)).toEqual({ path, page: '2', size: '2' });

    const beyond = await pageOf<TeamResponse>(account, '/teams?items_per_page=2&page=9');
    expect(beyond).toMatchObject({ page: 9, current_page_size: 0, total_items: 5, items: [], next_page: null });
    expect(linkTarget(beyond.previous_page)).toEqual({ path, page: '3', size: '2' });

    const wide = await pageOf<TeamResponse>(account, '/teams?items_per_page=200');
    expect(wide.current_page_size).toBe(5);
  });

  it('answers twenty teams a page by default', async () => {
    const crowded = await createAccount(t);
    for (let i = 0; i < 21; i++) await addTeam(t, crowded.accountId, { name: `Team ${String(i).padStart(2, '0')}` });
    const page = await pageOf<TeamResponse>(crowded, '/teams');
    expect(page).toMatchObject({ current_page_size: 20, total_items: 21 });
    expect(page.items.at(-1)?.name).toBe('Team 19');
    expect(linkTarget(page.next_page)?.page).toBe('2');
  });

  it('answers an empty list for an account without teams', async () => {
    const empty = await createAccount(t);
    expect(await pageOf<TeamResponse>(empty, '/teams')).toEqual({
      next_page: null,
      previous_page: null,
      page: 1,
      current_page_size: 0,
      total_items: 0,
      account_id: empty.accountId,
      items: [],
    });
  });

  it('refuses bad paging parameters and unknown ones with 422', async () => {
    const cases: [string, (string | number)[]][] = [
      ['page=0', ['query', 'page']],
      ['page=abc', ['query', 'page']],
      ['items_per_page=0', ['query', 'items_per_page']],
      ['items_per_page=201', ['query', 'items_per_page']],
      ['sort_by=name', ['query', 'sort_by']],
    ];
    for (const [query, loc] of cases) {
      expect(problemsOf(await get(account, `/teams?${query}`)).map((p) => p.loc)).toContainEqual(loc);
    }
  });
});

describe('GET /teams/{team_id}', () => {
  it('answers the team', async () => {
    const account = await createAccount(t);
    const production = account.environments.Production ?? '';
    const teamId = await addTeam(t, account.accountId, { name: 'Readers', environments: { [production]: 'viewer' } });
    const res = await get(account, `/teams/${teamId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      team_id: teamId,
      name: 'Readers',
      environments: { [production]: { role: 'viewer' } },
      user_count: 0,
    });
  });

  it('answers 404 for a missing or foreign team and 422 for a malformed id', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const foreign = await addTeam(t, other.accountId);
    for (const teamId of [MISSING_ID, foreign]) {
      const res = await get(account, `/teams/${teamId}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: 'Team not found' });
    }
    expect(problemsOf(await get(account, '/teams/123')).map((p) => p.loc)).toEqual([['path', 'team_id']]);
  });
});

describe('GET /teams/{team_id}/users', () => {
  let account: TestAccount;
  let teamId = '';
  const members: { userId: string; email: string }[] = [];

  beforeAll(async () => {
    account = await createAccount(t);
    teamId = await addTeam(t, account.accountId, { name: 'Members' });
    for (const name of ['carol', 'alice', 'bob']) {
      members.push(await addUser(t, account.accountId, { userName: name, userEmail: `${name}@team.example.com` }));
      t.clock.advance(1_000);
    }
    await addUser(t, account.accountId, { userName: 'outsider', userEmail: 'outsider@team.example.com' });
    await attach(
      account,
      teamId,
      members.map((m) => m.userId),
    );
  });

  it('lists the members as the Users API lists the team: same items, total and order', async () => {
    const page = await pageOf<UserResponse>(account, `/teams/${teamId}/users`);
    const users = await pageOf<UserResponse>(account, `/users?team_id=${teamId}`);
    expect(page.items).toEqual(users.items);
    expect(page).toMatchObject({ total_items: 3, current_page_size: 3, page: 1, account_id: account.accountId });
    // newest first, as the Users list sorts by default
    expect(page.items.map((u) => u.user_name)).toEqual(['bob', 'alice', 'carol']);
    expect(page.items.every((u) => u.groups.includes(teamId))).toBe(true);
  });

  it('pages, sorts and filters with the Users list’s parameters', async () => {
    const path = `/v1/accounts/${account.accountId}/teams/${teamId}/users`;
    const second = await pageOf<UserResponse>(
      account,
      `/teams/${teamId}/users?sort_by=user_name&sort_order=asc&items_per_page=2&page=2`,
    );
    expect(second).toMatchObject({ page: 2, current_page_size: 1, total_items: 3, next_page: null });
    expect(second.items.map((u) => u.user_name)).toEqual(['carol']);
    expect(linkTarget(second.previous_page)).toEqual({ path, page: '1', size: '2' });

    const byName = await pageOf<UserResponse>(account, `/teams/${teamId}/users?name=AL`);
    expect(byName.items.map((u) => u.user_name)).toEqual(['alice']);
    expect(byName.total_items).toBe(1);
    const byEmail = await pageOf<UserResponse>(account, `/teams/${teamId}/users?email=BOB@team.example.com`);
    expect(byEmail.items.map((u) => u.user_name)).toEqual(['bob']);
    const outsider = await pageOf<UserResponse>(account, `/teams/${teamId}/users?email=outsider@team.example.com`);
    expect(outsider).toMatchObject({ total_items: 0, items: [] });
  });

  it('answers an empty page for a team without members', async () => {
    const lonely = await addTeam(t, account.accountId, { name: 'Lonely' });
    expect(await pageOf<UserResponse>(account, `/teams/${lonely}/users`)).toMatchObject({
      total_items: 0,
      current_page_size: 0,
      items: [],
    });
  });

  it('refuses the Users list’s team filter and bad parameters with 422', async () => {
    const cases: [string, (string | number)[]][] = [
      [`team_id=${teamId}`, ['query', 'team_id']],
      ['page=0', ['query', 'page']],
      ['items_per_page=500', ['query', 'items_per_page']],
      ['sort_by=colour', ['query', 'sort_by']],
      ['sort_order=up', ['query', 'sort_order']],
    ];
    for (const [query, loc] of cases) {
      expect(problemsOf(await get(account, `/teams/${teamId}/users?${query}`)).map((p) => p.loc)).toContainEqual(loc);
    }
  });

  it('answers 404 for a missing, foreign or deleted team', async () => {
    const other = await createAccount(t);
    const foreign = await addTeam(t, other.accountId);
    await attach(other, foreign, [other.adminId]);
    const deleted = await addTeam(t, account.accountId);
    const res = await t.call({
      method: 'DELETE',
      url: `/v1/accounts/${account.accountId}/teams/${deleted}`,
      token: account.token,
    });
    expect(res.statusCode).toBe(200);
    for (const id of [MISSING_ID, foreign, deleted]) {
      const answer = await get(account, `/teams/${id}/users`);
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toEqual({ detail: 'Team not found' });
    }
  });
});
