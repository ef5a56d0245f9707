import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, issueToken, type TestAccount } from '../../../test/factories.js';
import { SORT_KEYS, type SortKey } from './users.rules.js';

const t = useTestApp();
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
/** The fields of an item in the reference's List Users response sample. */
const REFERENCE_ITEM_FIELDS = [
  'user_id',
  'user_email',
  'user_name',
  'environments',
  'is_admin',
  'status',
  'created_at',
  'last_login',
  'updated_at',
  'groups',
  'source',
  'invited_by',
  'is_active',
  'onboarding',
];

interface ListItem {
  user_id: string;
  user_email: string;
  user_name: string;
  environments: Record<string, { role: string }>;
  is_admin: boolean;
  status: string;
  created_at: string;
  last_login: string | null;
  updated_at: string;
  groups: string[];
  source: string;
  invited_by: string | null;
  is_active: boolean | null;
  onboarding: Record<string, unknown> | null;
}
interface ListPage {
  next_page: string | null;
  previous_page: string | null;
  page: number;
  current_page_size: number;
  total_items: number;
  account_id: string;
  items: ListItem[];
}
interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** Who is in the account, as the tests set them up: what each list should show. */
interface Person {
  key: string;
  userId: string;
  userName: string;
  userEmail: string;
  invitedBy: string | null;
  isAdmin: boolean;
  source: 'rivery' | 'active_directory';
  lastLogin: string | null;
  /** milliseconds since the epoch, from the test clock */
  createdAt: number;
}

const ROOT_EMAIL = 'root@list.example';
const SECOND_EMAIL = 'second@list.example';
/** `invited_by` of users the factories add (the system context's label). */
const FACTORY_LABEL = 'test';

let account: TestAccount;
let other: TestAccount;
let red = '';
let blue = '';
let green = '';
let foreignTeam = '';
const people: Person[] = [];

function person(key: string): Person {
  const found = people.find((p) => p.key === key);
  if (found === undefined) throw new Error(`no person ${key}`);
  return found;
}
const idOf = (key: string): string => person(key).userId;
const idsOf = (...keys: string[]): string[] => keys.map(idOf);
const wireTime = (ms: number): string => `${new Date(ms).toISOString().slice(0, 23)}000`;

async function get(query: string, headers: Record<string, string> = {}) {
  return t.call({
    method: 'GET',
    url: `/v1/accounts/${account.accountId}/users${query === '' ? '' : `?${query}`}`,
    token: account.token,
    headers,
  });
}

async function list(query = ''): Promise<ListPage> {
  const res = await get(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ListPage>();
}

const userIds = (page: ListPage): string[] => page.items.map((item) => item.user_id);
const sorted = (values: string[]): string[] => [...values].sort();

async function listProblems(query: string): Promise<Problem[]> {
  const res = await get(query);
  expect(res.statusCode, res.body).toBe(422);
  return res.json<{ detail: Problem[] }>().detail;
}

/** Follows a page link the way a client would: its path and query, on the same app. */
async function follow(link: string | null): Promise<ListPage> {
  expect(link).not.toBeNull();
  const url = new URL(link ?? '');
  const res = await t.call({ method: 'GET', url: `${url.pathname}${url.search}`, token: account.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ListPage>();
}

/** The query's parameters in order, without `page`. */
const withoutPage = (params: URLSearchParams): [string, string][] => [...params].filter(([key]) => key !== 'page');

/** The order the API promises: by the key, nulls last either way, ties by user id in the same direction. */
function expectedOrder(key: SortKey, order: 'asc' | 'desc'): string[] {
  const value = (p: Person): string | number | boolean | null => {
    switch (key) {
      case 'user_name':
        return p.userName.toLowerCase();
      case 'created_at':
        return p.createdAt;
      case 'last_login':
        return p.lastLogin;
      case 'user_email':
        return p.userEmail;
      case 'invited_by':
        return p.invitedBy;
      case 'is_admin':
        return p.isAdmin;
      case 'source':
        return p.source;
    }
  };
  const compare = (a: string | number | boolean, b: string | number | boolean): number => (a < b ? -1 : a > b ? 1 : 0);
  const direction = order === 'asc' ? 1 : -1;
  return [...people]
    .sort((p, q) => {
      const [a, b] = [value(p), value(q)];
      if (a === null || b === null) {
        if (a !== null) return -1;
        if (b !== null) return 1;
      } else {
        const byValue = compare(a, b);
        if (byValue !== 0) return byValue * direction;
      }
      return compare(p.userId, q.userId) * direction;
    })
    .map((p) => p.userId);
}

async function attach(teamId: string, keys: string[]): Promise<void> {
  const res = await t.call({
    method: 'PATCH',
    url: `/v1/accounts/${account.accountId}/users/teams`,
    token: account.token,
    body: { operation: 'attach', team_id: teamId, user_ids: idsOf(...keys) },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function setLastLogin(key: string, at: string): Promise<void> {
  await t.db
    .update(memberships)
    .set({ lastLogin: at })
    .where(and(eq(memberships.accountId, account.accountId), eq(memberships.userId, idOf(key))));
}

beforeAll(async () => {
  const start = t.clock.now().getTime();
  account = await createAccount(t, { adminEmail: ROOT_EMAIL });
  people.push({
    key: 'root',
    userId: account.adminId,
    userName: 'Account Admin',
    userEmail: ROOT_EMAIL,
    invitedBy: null,
    isAdmin: true,
    source: 'rivery',
    lastLogin: null,
    createdAt: start,
  });
  const prod = account.environments.Production ?? '';

  /** Adds a person one second after the previous one, by a factory or through the API. */
  const add = async (
    key: string,
    userName: string,
    userEmail: string,
    options: { by?: string; byEmail?: string; isAdmin?: boolean; environments?: Record<string, string> } = {},
  ): Promise<void> => {
    t.clock.advance(1_000);
    const isAdmin = options.isAdmin ?? false;
    let userId: string;
    if (options.by === undefined) {
      userId = (
        await addUser(t, account.accountId, {
          userName,
          userEmail,
          isAdmin,
          ...(options.environments === undefined ? {} : { environments: options.environments }),
        })
      ).userId;
    } else {
      const environments = Object.fromEntries(
        Object.entries(options.environments ?? {}).map(([env, role]) => [env, { role }]),
      );
      const res = await t.call({
        method: 'POST',
        url: `/v1/accounts/${account.accountId}/users/invite`,
        token: options.by,
        body: {
          user_name: userName,
          user_email: userEmail,
          environments,
          allow_login_password: true,
          is_admin: isAdmin,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      userId = res.json<{ user_id: string }>().user_id;
    }
    people.push({
      key,
      userId,
      userName,
      userEmail: userEmail.toLowerCase(),
      invitedBy: options.by === undefined ? FACTORY_LABEL : (options.byEmail ?? null),
      isAdmin,
      source: 'rivery',
      lastLogin: null,
      createdAt: t.clock.now().getTime(),
    });
  };

  await add('second', 'Second Admin', SECOND_EMAIL, { isAdmin: true });
  const secondToken = await issueToken(t, account.accountId, idOf('second'), ['user:list', 'user:edit']);
  const byRoot = { by: account.token, byEmail: ROOT_EMAIL };
  const bySecond = { by: secondToken, byEmail: SECOND_EMAIL };
  await add('carol', 'Carol Shaw', 'carol@list.example', byRoot);
  await add('percent', 'Hundred % Sure', 'pct@list.example');
  await add('under', 'Under_Score', 'under@list.example', bySecond);
  await add('slash', 'Back\\Slash', 'slash@list.example');
  await add('ada', 'Ada Lovelace', 'ADA@List.Example', {
    ...byRoot,
    isAdmin: true,
    environments: { [prod]: 'developer' },
  });
  await add('bob', 'bob builder', 'bob@builders.example');
  await add('peter', 'Peter Sparks', 'peter@list.example', bySecond);
  await add('samA', 'Sam Same', 'sam1@list.example');
  await add('samB', 'SAM SAME', 'sam2@list.example');

  for (const key of ['slash', 'bob']) {
    const res = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/${idOf(key)}/source`,
      token: account.token,
      body: { source: 'active_directory' },
    });
    expect(res.statusCode, res.body).toBe(200);
    person(key).source = 'active_directory';
  }

  // last_login is only written by sign-in, which this API does not do: set it in the table.
  for (const [key, at, wire] of [
    ['carol', '2026-01-10 08:00:00.123456+00', '2026-01-10T08:00:00.123456'],
    ['bob', '2026-01-11 08:00:00+00', '2026-01-11T08:00:00.000000'],
    ['ada', '2026-01-12 08:00:00+00', '2026-01-12T08:00:00.000000'],
    ['samA', '2026-01-09 00:00:00+00', '2026-01-09T00:00:00.000000'],
    ['samB', '2026-01-09 00:00:00+00', '2026-01-09T00:00:00.000000'],
  ] as const) {
    await setLastLogin(key, at);
    person(key).lastLogin = wire;
  }

  red = await addTeam(t, account.accountId, { name: 'Red' });
  blue = await addTeam(t, account.accountId, { name: 'Blue' });
  green = await addTeam(t, account.accountId, { name: 'Green' });
  await attach(red, ['carol', 'ada']);
  await attach(blue, ['ada', 'bob']);

  // Another account, with look-alike users and the same person as carol: none of them show up here.
  other = await createAccount(t, { adminEmail: 'root@other.example' });
  await addUser(t, other.accountId, { userName: 'Carol Elsewhere', userEmail: 'carol@list.example' });
  await addUser(t, other.accountId, { userName: 'Percent 100%', userEmail: 'pct@other.example' });
  await addUser(t, other.accountId, { userName: 'Other_Under\\Slash', userEmail: 'under@other.example' });
  foreignTeam = await addTeam(t, other.accountId);
  const foreignUsers = await t.call({
    method: 'GET',
    url: `/v1/accounts/${other.accountId}/users`,
    token: other.token,
  });
  await t.call({
    method: 'PATCH',
    url: `/v1/accounts/${other.accountId}/users/teams`,
    token: other.token,
    body: {
      operation: 'attach',
      team_id: foreignTeam,
      user_ids: foreignUsers.json<ListPage>().items.map((item) => item.user_id),
    },
  });
});

describe('list users: the page', () => {
  it('lists every member of the account and nobody else, newest first by default', async () => {
    const page = await list();
    expect(page).toMatchObject({
      page: 1,
      total_items: people.length,
      current_page_size: people.length,
      account_id: account.accountId,
      next_page: null,
      previous_page: null,
    });
    expect(people).toHaveLength(11);
    expect(userIds(page)).toEqual(expectedOrder('created_at', 'desc'));
    expect(userIds(page)[0]).toBe(idOf('samB'));
    expect(userIds(page).at(-1)).toBe(account.adminId);
  });

  it('gives each item exactly the fields of the reference sample, with their values', async () => {
    const { items } = await list('items_per_page=200');
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([...REFERENCE_ITEM_FIELDS].sort());
      expect(item.created_at).toMatch(TIMESTAMP);
      expect(item.updated_at).toMatch(TIMESTAMP);
      if (item.last_login !== null) expect(item.last_login).toMatch(TIMESTAMP);
      const expected = people.find((p) => p.userId === item.user_id);
      expect(expected, item.user_id).toBeDefined();
      expect(item).toMatchObject({
        user_email: expected?.userEmail,
        user_name: expected?.userName,
        is_admin: expected?.isAdmin,
        source: expected?.source,
        invited_by: expected?.invitedBy,
        last_login: expected?.lastLogin,
        created_at: wireTime(expected?.createdAt ?? 0),
        is_active: true,
      });
    }
    const byKey = (key: string): ListItem | undefined => items.find((item) => item.user_id === idOf(key));
    expect(byKey('root')).toMatchObject({ status: 'active', invited_by: null, groups: [], environments: {} });
    expect(byKey('ada')).toMatchObject({
      user_email: 'ada@list.example',
      status: 'invited',
      groups: sorted([red, blue]),
      environments: { [account.environments.Production ?? '']: { role: 'developer' } },
      last_login: '2026-01-12T08:00:00.000000',
    });
    expect(byKey('carol')?.last_login).toBe('2026-01-10T08:00:00.123456');
    expect(byKey('carol')?.groups).toEqual([red]);
    expect(byKey('bob')?.groups).toEqual([blue]);
    expect(byKey('carol')?.onboarding).toEqual({
      know_rivery_step: {
        onboarding_river_types: { status: false, update_time: null },
        onboarding_rivery_introduction: { status: false, update_time: null },
      },
      data_connections_step: { onboarding_add_connection: false },
      data_pipeline_step: { onboarding_create_s2t: false, onboarding_view_activities: false },
      transform_and_orchestrate_step: null,
      pre_built_solutions_step: null,
      invite_member_step: null,
    });
  });

  it('shows another account only its own members', async () => {
    const res = await t.call({ method: 'GET', url: `/v1/accounts/${other.accountId}/users`, token: other.token });
    const page = res.json<ListPage>();
    expect(page.total_items).toBe(4);
    expect(page.account_id).toBe(other.accountId);
    const carolThere = page.items.find((item) => item.user_email === 'carol@list.example');
    expect(carolThere).toMatchObject({ user_id: idOf('carol'), user_name: 'Carol Elsewhere', groups: [foreignTeam] });
  });
});

describe('list users: email filter', () => {
  it('matches the whole address, ignoring case', async () => {
    for (const email of ['ada@list.example', 'ADA@List.EXAMPLE', 'Ada@list.example']) {
      const page = await list(`email=${encodeURIComponent(email)}`);
      expect(userIds(page)).toEqual([idOf('ada')]);
      expect(page.total_items).toBe(1);
    }
  });

  it('matches no part of an address and no pattern', async () => {
    for (const email of ['ada@list.exampl', 'da@list.example', 'ada', '%', '_da@list.example', '%@list.example']) {
      const page = await list(`email=${encodeURIComponent(email)}`);
      expect(page, email).toMatchObject({ total_items: 0, current_page_size: 0, items: [] });
    }
  });

  it('finds only this account’s membership of a person in two accounts', async () => {
    const page = await list('email=carol@list.example');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ user_id: idOf('carol'), user_name: 'Carol Shaw' });
  });
});

describe('list users: name filter', () => {
  it('matches part of the user name, ignoring case', async () => {
    expect(userIds(await list('name=LOVE'))).toEqual([idOf('ada')]);
    expect(userIds(await list('name=ol%20sh'))).toEqual([idOf('carol')]);
    expect(sorted(userIds(await list('name=sam%20same')))).toEqual(sorted(idsOf('samA', 'samB')));
  });

  it('matches part of the email too', async () => {
    expect(userIds(await list('name=BUILDERS.ex'))).toEqual([idOf('bob')]);
    expect(userIds(await list('name=pct@'))).toEqual([idOf('percent')]);
    expect((await list('name=list.example')).total_items).toBe(people.length - 1);
  });

  it('takes % literally', async () => {
    const page = await list(`name=${encodeURIComponent('%')}`);
    expect(userIds(page)).toEqual([idOf('percent')]);
    expect(page.total_items).toBe(1);
    // As a wildcard, "% s" would also match "Peter Sparks", "Carol Shaw" and "Sam Same".
    expect(userIds(await list(`name=${encodeURIComponent('% s')}`))).toEqual([idOf('percent')]);
    expect((await list(`name=${encodeURIComponent('%%')}`)).total_items).toBe(0);
  });

  it('takes _ literally', async () => {
    expect(userIds(await list(`name=${encodeURIComponent('_')}`))).toEqual([idOf('under')]);
    // As a wildcard, "r_s" would also match "peter sparks".
    expect(userIds(await list(`name=${encodeURIComponent('r_s')}`))).toEqual([idOf('under')]);
  });

  it('takes \\ literally', async () => {
    expect(userIds(await list(`name=${encodeURIComponent('\\')}`))).toEqual([idOf('slash')]);
    // As an escape, "k\s" would mean "ks" and match "sparks".
    expect(userIds(await list(`name=${encodeURIComponent('k\\s')}`))).toEqual([idOf('slash')]);
    expect((await list(`name=${encodeURIComponent('\\%')}`)).total_items).toBe(0);
    expect((await list(`name=${encodeURIComponent('\\_')}`)).total_items).toBe(0);
  });

  it('ignores case beyond ASCII', async () => {
    const elsewhere = await createAccount(t);
    const { userId } = await addUser(t, elsewhere.accountId, { userName: 'Émile Ørsted' });
    for (const name of ['ÉMILE', 'émile', 'ørsted', 'ØRSTED']) {
      const res = await t.call({
        method: 'GET',
        url: `/v1/accounts/${elsewhere.accountId}/users?name=${encodeURIComponent(name)}`,
        token: elsewhere.token,
      });
      expect(
        res.json<ListPage>().items.map((item) => item.user_id),
        name,
      ).toEqual([userId]);
    }
  });

  it('treats an empty name as no filter', async () => {
    expect((await list('name=')).total_items).toBe(people.length);
  });

  it('answers an unmatched name with an empty page', async () => {
    expect(await list('name=nobody-like-this')).toMatchObject({
      total_items: 0,
      current_page_size: 0,
      items: [],
      next_page: null,
      previous_page: null,
    });
  });
});

describe('list users: team filter', () => {
  it('matches the members of one team', async () => {
    const page = await list(`team_id=${red}`);
    expect(sorted(userIds(page))).toEqual(sorted(idsOf('carol', 'ada')));
    expect(page.total_items).toBe(2);
  });

  it('matches a user in any of several teams, once', async () => {
    const page = await list(`team_id=${red}&team_id=${blue}`);
    expect(sorted(userIds(page))).toEqual(sorted(idsOf('carol', 'ada', 'bob')));
    expect(page.total_items).toBe(3);
    const repeated = await list(`team_id=${red}&team_id=${red}&team_id=${blue}`);
    expect(sorted(userIds(repeated))).toEqual(sorted(idsOf('carol', 'ada', 'bob')));
    expect(repeated.total_items).toBe(3);
  });

  it('finds nobody in an empty team, an unknown team or another account’s team', async () => {
    for (const team of [green, 'ffffffffffffffffffffffff', foreignTeam]) {
      expect(await list(`team_id=${team}`)).toMatchObject({ total_items: 0, items: [] });
    }
    expect(userIds(await list(`team_id=${foreignTeam}&team_id=${blue}`)).sort()).toEqual(sorted(idsOf('ada', 'bob')));
  });

  it('drops a removed user from the team and keeps a deactivated one, in items and total alike', async () => {
    const elsewhere = await createAccount(t);
    const team = await addTeam(t, elsewhere.accountId);
    const stays = await addUser(t, elsewhere.accountId);
    const leaves = await addUser(t, elsewhere.accountId);
    const call = (method: 'GET' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
      t.call({ method, url: `/v1/accounts/${elsewhere.accountId}/users${path}`, token: elsewhere.token, body });
    await call('PATCH', '/teams', { operation: 'attach', team_id: team, user_ids: [stays.userId, leaves.userId] });
    expect((await call('PATCH', `/${stays.userId}/active`, { is_active: false })).statusCode).toBe(200);
    expect((await call('DELETE', `/${leaves.userId}`)).statusCode).toBe(200);
    const page = (await call('GET', `?team_id=${team}`)).json<ListPage>();
    expect(page).toMatchObject({ total_items: 1, current_page_size: 1 });
    expect(page.items[0]).toMatchObject({ user_id: stays.userId, is_active: false, groups: [team] });
  });

  it('combines with the other filters', async () => {
    expect(userIds(await list(`team_id=${blue}&name=BOB`))).toEqual([idOf('bob')]);
    expect(userIds(await list(`team_id=${red}&email=ada@list.example`))).toEqual([idOf('ada')]);
    expect((await list(`team_id=${red}&email=bob@builders.example`)).total_items).toBe(0);
    expect((await list(`team_id=${red}&team_id=${blue}&name=${encodeURIComponent('ol')}`)).total_items).toBe(1);
  });
});

describe('list users: sorting', () => {
  for (const key of SORT_KEYS) {
    for (const order of ['asc', 'desc'] as const) {
      it(`sorts by ${key} ${order}, nulls last and ties by user id`, async () => {
        const page = await list(`sort_by=${key}&sort_order=${order}&items_per_page=200`);
        expect(userIds(page)).toEqual(expectedOrder(key, order));
      });
    }
  }

  it('sorts descending by default', async () => {
    for (const key of SORT_KEYS) {
      expect(userIds(await list(`sort_by=${key}`)), key).toEqual(expectedOrder(key, 'desc'));
    }
    expect(userIds(await list('sort_order=asc'))).toEqual(expectedOrder('created_at', 'asc'));
  });

  it('sorts names ignoring case', async () => {
    const names = (await list('sort_by=user_name&sort_order=asc')).items.map((item) => item.user_name);
    expect(names.slice(0, 5)).toEqual(['Account Admin', 'Ada Lovelace', 'Back\\Slash', 'bob builder', 'Carol Shaw']);
  });

  it('breaks ties by user id, in the direction of the sort', async () => {
    const twins = sorted(idsOf('samA', 'samB'));
    const asc = userIds(await list('sort_by=user_name&sort_order=asc&items_per_page=200'));
    const desc = userIds(await list('sort_by=user_name&sort_order=desc&items_per_page=200'));
    expect(asc.filter((id) => twins.includes(id))).toEqual(twins);
    expect(desc.filter((id) => twins.includes(id))).toEqual([...twins].reverse());
  });

  it('puts the admin nobody invited last, in both orders', async () => {
    for (const order of ['asc', 'desc']) {
      const { items } = await list(`sort_by=invited_by&sort_order=${order}&items_per_page=200`);
      expect(items.at(-1)).toMatchObject({ user_id: account.adminId, invited_by: null });
      expect(items.slice(0, -1).every((item) => item.invited_by !== null)).toBe(true);
    }
  });

  it('puts users who never signed in last, in both orders', async () => {
    const signedIn = people.filter((p) => p.lastLogin !== null).length;
    const asc = (await list('sort_by=last_login&sort_order=asc&items_per_page=200')).items;
    const desc = (await list('sort_by=last_login&sort_order=desc&items_per_page=200')).items;
    for (const items of [asc, desc]) {
      expect(items.slice(0, signedIn).every((item) => item.last_login !== null)).toBe(true);
      expect(items.slice(signedIn).every((item) => item.last_login === null)).toBe(true);
    }
    expect(asc.slice(2, signedIn).map((item) => item.user_id)).toEqual(idsOf('carol', 'bob', 'ada'));
    expect(desc.slice(0, 3).map((item) => item.user_id)).toEqual(idsOf('ada', 'bob', 'carol'));
  });

  it('keeps the order stable across pages, so paging neither repeats nor skips anyone', async () => {
    for (const key of ['is_admin', 'source', 'invited_by', 'last_login'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        for (let page = 1; page <= 6; page++) {
          seen.push(...userIds(await list(`sort_by=${key}&sort_order=${order}&items_per_page=2&page=${page}`)));
        }
        expect(seen, `${key} ${order}`).toEqual(expectedOrder(key, order));
      }
    }
  });

  it('sorts a filtered list the same way', async () => {
    const page = await list(`team_id=${red}&team_id=${blue}&sort_by=user_email&sort_order=asc`);
    expect(page.items.map((item) => item.user_email)).toEqual([
      'ada@list.example',
      'bob@builders.example',
      'carol@list.example',
    ]);
  });
});

describe('list users: pagination', () => {
  const query = 'sort_by=user_email&sort_order=asc&items_per_page=4';

  it('answers the first page with a link to the next and none to the previous', async () => {
    const first = await list(query);
    expect(first).toMatchObject({ page: 1, current_page_size: 4, total_items: people.length, previous_page: null });
    expect(userIds(first)).toEqual(expectedOrder('user_email', 'asc').slice(0, 4));
    const next = new URL(first.next_page ?? '');
    expect(next.pathname).toBe(`/v1/accounts/${account.accountId}/users`);
    expect(withoutPage(next.searchParams)).toEqual([
      ['sort_by', 'user_email'],
      ['sort_order', 'asc'],
      ['items_per_page', '4'],
    ]);
    expect(next.searchParams.getAll('page')).toEqual(['2']);
  });

  it('answers the last page with what is left, a link back and none forward', async () => {
    const last = await list(`${query}&page=3`);
    expect(last).toMatchObject({ page: 3, current_page_size: 3, total_items: people.length, next_page: null });
    expect(userIds(last)).toEqual(expectedOrder('user_email', 'asc').slice(8));
    const previous = new URL(last.previous_page ?? '');
    expect(withoutPage(previous.searchParams)).toEqual(withoutPage(new URLSearchParams(`${query}&page=3`)));
    expect(previous.searchParams.getAll('page')).toEqual(['2']);
  });

  it('answers a page that exactly fills up with no next page', async () => {
    const page = await list('items_per_page=11');
    expect(page).toMatchObject({ current_page_size: 11, next_page: null, previous_page: null });
    const split = await list('items_per_page=10&page=2');
    expect(split).toMatchObject({ current_page_size: 1, next_page: null });
  });

  it('answers a page past the end with 200, no items and the real total', async () => {
    for (const page of [4, 50]) {
      const res = await get(`${query}&page=${page}`);
      expect(res.statusCode).toBe(200);
      const body = res.json<ListPage>();
      expect(body).toMatchObject({
        page,
        current_page_size: 0,
        total_items: people.length,
        items: [],
        next_page: null,
        account_id: account.accountId,
      });
      // Back leads to the last page that has items.
      expect(new URL(body.previous_page ?? '').searchParams.get('page')).toBe('3');
    }
  });

  it('walks forward and back through the links to exactly the whole list', async () => {
    const all = userIds(await list(query.replace('items_per_page=4', 'items_per_page=200')));
    let current = await list(query);
    const pages: ListPage[] = [current];
    while (current.next_page !== null) {
      current = await follow(current.next_page);
      pages.push(current);
    }
    expect(pages.map((page) => page.page)).toEqual([1, 2, 3]);
    expect(pages.flatMap(userIds)).toEqual(all);
    const back = await follow(pages[2]?.previous_page ?? null);
    expect(userIds(back)).toEqual(userIds(pages[1] ?? back));
    expect((await follow(back.previous_page)).previous_page).toBeNull();
  });

  it('keeps every filter in the links, repeated team ids and awkward characters included', async () => {
    const name = ' ';
    const filtered = `name=${encodeURIComponent(name)}&team_id=${red}&team_id=${blue}&sort_by=user_name&sort_order=asc&items_per_page=1`;
    const first = await list(filtered);
    expect(first.total_items).toBe(3);
    const next = new URL(first.next_page ?? '');
    expect(next.searchParams.getAll('team_id')).toEqual([red, blue]);
    expect(next.searchParams.get('name')).toBe(name);
    expect(withoutPage(next.searchParams)).toEqual(withoutPage(new URLSearchParams(filtered)));
    const seen = [...userIds(first)];
    let page = first;
    while (page.next_page !== null) {
      page = await follow(page.next_page);
      seen.push(...userIds(page));
    }
    expect(seen).toEqual(userIds(await list(filtered.replace('items_per_page=1', 'items_per_page=200'))));
    expect(seen).toHaveLength(3);

    const percent = await list(`name=${encodeURIComponent('%')}&items_per_page=1&page=2`);
    expect(percent).toMatchObject({ total_items: 1, items: [], next_page: null });
    const back = new URL(percent.previous_page ?? '');
    expect(back.searchParams.get('name')).toBe('%');
    expect(userIds(await follow(percent.previous_page))).toEqual([idOf('percent')]);
  });

  it('moves only the page in a query that names it first', async () => {
    const page = await list('page=2&items_per_page=3&sort_by=user_email');
    const next = new URL(page.next_page ?? '');
    const previous = new URL(page.previous_page ?? '');
    expect([...next.searchParams]).toEqual([
      ['page', '3'],
      ['items_per_page', '3'],
      ['sort_by', 'user_email'],
    ]);
    expect([...previous.searchParams]).toEqual([
      ['page', '1'],
      ['items_per_page', '3'],
      ['sort_by', 'user_email'],
    ]);
  });

  it('builds full links on the host and scheme the client called', async () => {
    const res = await get('items_per_page=2', { host: 'steward.example:8443' });
    const page = res.json<ListPage>();
    expect(page.next_page).toBe(
      `http://steward.example:8443/v1/accounts/${account.accountId}/users?items_per_page=2&page=2`,
    );
    const second = (await get('items_per_page=2&page=2', { host: 'steward.example:8443' })).json<ListPage>();
    expect(second.previous_page).toBe(
      `http://steward.example:8443/v1/accounts/${account.accountId}/users?items_per_page=2&page=1`,
    );
  });

  it('ignores X-Forwarded-Host and X-Forwarded-Proto when no proxy is trusted', async () => {
    const res = await get('items_per_page=2', {
      host: 'steward.example',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    });
    expect(res.json<ListPage>().next_page).toBe(
      `http://steward.example/v1/accounts/${account.accountId}/users?items_per_page=2&page=2`,
    );
  });

  it('accepts 200 items per page and refuses 201', async () => {
    expect(await list('items_per_page=200')).toMatchObject({ current_page_size: people.length, next_page: null });
    expect(await listProblems('items_per_page=201')).toEqual([
      expect.objectContaining({ loc: ['query', 'items_per_page'], type: 'less_than_equal' }),
    ]);
  });

  it('uses 20 items per page when none is asked for', async () => {
    const big = await createAccount(t);
    const page = async () =>
      (await t.call({ method: 'GET', url: `/v1/accounts/${big.accountId}/users`, token: big.token })).json<ListPage>();
    for (let i = 0; i < 19; i++) await addUser(t, big.accountId);
    expect(await page()).toMatchObject({ total_items: 20, current_page_size: 20, next_page: null });
    await addUser(t, big.accountId);
    const full = await page();
    expect(full).toMatchObject({ total_items: 21, current_page_size: 20 });
    expect(new URL(full.next_page ?? '').searchParams.get('page')).toBe('2');
  });

  it('refuses page 0, a negative page, a fraction and text, with the reference’s error types', async () => {
    expect(await listProblems('page=0')).toEqual([
      expect.objectContaining({ loc: ['query', 'page'], type: 'greater_than_equal' }),
    ]);
    expect(await listProblems('page=-1')).toEqual([
      expect.objectContaining({ loc: ['query', 'page'], type: 'greater_than_equal' }),
    ]);
    expect(await listProblems('items_per_page=0')).toEqual([
      expect.objectContaining({ loc: ['query', 'items_per_page'], type: 'greater_than_equal' }),
    ]);
    expect(await listProblems('page=abc')).toEqual([
      { loc: ['query', 'page'], msg: expect.any(String) as string, type: 'int_parsing' },
    ]);
    expect(await listProblems('page=1.5')).toEqual([
      expect.objectContaining({ loc: ['query', 'page'], type: 'int_parsing' }),
    ]);
    expect(await listProblems('items_per_page=many')).toEqual([
      expect.objectContaining({ loc: ['query', 'items_per_page'], type: 'int_parsing' }),
    ]);
  });

  it('reports every bad parameter at once', async () => {
    const problems = await listProblems('page=0&items_per_page=500&sort_by=age');
    expect(problems.map((p) => p.loc)).toEqual(
      expect.arrayContaining([
        ['query', 'page'],
        ['query', 'items_per_page'],
        ['query', 'sort_by'],
      ]),
    );
    expect(problems).toHaveLength(3);
  });
});

describe('list users: refused queries', () => {
  it('refuses an unknown parameter', async () => {
    expect(await listProblems('colour=red')).toEqual([
      expect.objectContaining({ loc: ['query', 'colour'], type: 'extra_forbidden' }),
    ]);
    expect(await listProblems('team_ids=abc')).toEqual([
      expect.objectContaining({ loc: ['query', 'team_ids'], type: 'extra_forbidden' }),
    ]);
  });

  it('refuses an unknown sort key or order, naming the allowed values', async () => {
    const [sortBy] = await listProblems('sort_by=age');
    expect(sortBy).toMatchObject({ loc: ['query', 'sort_by'], type: 'enum' });
    for (const key of SORT_KEYS) expect(sortBy?.msg).toContain(`'${key}'`);
    expect(await listProblems('sort_by=USER_NAME')).toEqual([
      expect.objectContaining({ loc: ['query', 'sort_by'], type: 'enum' }),
    ]);
    expect(await listProblems('sort_order=up')).toEqual([
      expect.objectContaining({ loc: ['query', 'sort_order'], type: 'enum', msg: "Input should be 'desc' or 'asc'" }),
    ]);
  });

  it('refuses a name longer than 200 characters and more than 100 team ids', async () => {
    expect(await listProblems(`name=${'x'.repeat(201)}`)).toEqual([
      expect.objectContaining({ loc: ['query', 'name'], type: 'string_too_long' }),
    ]);
    expect((await list(`name=${'x'.repeat(200)}`)).total_items).toBe(0);
    const teams = (n: number) => Array.from({ length: n }, () => `team_id=${red}`).join('&');
    expect(await listProblems(teams(101))).toEqual([
      expect.objectContaining({ loc: ['query', 'team_id'], type: 'too_long' }),
    ]);
    expect((await list(teams(100))).total_items).toBe(2);
  });

  it('refuses a parameter given twice that takes one value', async () => {
    expect(await listProblems('page=1&page=2')).toEqual([
      expect.objectContaining({ loc: ['query', 'page'], type: 'int_parsing' }),
    ]);
    expect(await listProblems('email=a@list.example&email=b@list.example')).toEqual([
      expect.objectContaining({ loc: ['query', 'email'], type: 'string_type' }),
    ]);
  });

  it('refuses a malformed team id, pointing at which one', async () => {
    expect(await listProblems(`team_id=${red}&team_id=nope`)).toEqual([
      expect.objectContaining({ loc: ['query', 'team_id', 1], type: 'string_pattern_mismatch' }),
    ]);
  });
});
