import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, type TestAccount } from '../../../test/factories.js';
import { SORT_KEYS } from './users.rules.js';

const t = useTestApp();
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

interface ListItem {
  user_id: string;
  user_email: string;
  user_name: string;
  created_at: string;
  last_login: string | null;
  invited_by: string | null;
  is_admin: boolean;
  source: string;
  groups: string[];
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

let account: TestAccount;
let red: string;
let blue: string;
const ids: Record<string, string> = {};

async function list(query = ''): Promise<ListPage> {
  const res = await t.call({
    method: 'GET',
    url: `/v1/accounts/${account.accountId}/users?${query}`,
    token: account.token,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ListPage>();
}

async function listError(query: string): Promise<{ loc: (string | number)[]; type: string }[]> {
  const res = await t.call({
    method: 'GET',
    url: `/v1/accounts/${account.accountId}/users?${query}`,
    token: account.token,
  });
  expect(res.statusCode).toBe(422);
  return res.json<{ detail: { loc: (string | number)[]; type: string }[] }>().detail;
}

beforeAll(async () => {
  account = await createAccount(t);
  red = await addTeam(t, account.accountId, { name: 'Red' });
  blue = await addTeam(t, account.accountId, { name: 'Blue' });
  const people: [string, string, string][] = [
    ['carol', 'Carol Shaw', 'carol@example.com'],
    ['percent', 'Hundred % Sure', 'pct@example.com'],
    ['under', 'Under_Score', 'under@example.com'],
    ['slash', 'Back\\Slash', 'slash@example.com'],
    ['ada', 'Ada Lovelace', 'ADA@Example.com'],
    ['bob', 'bob builder', 'bob@builders.example'],
  ];
  for (const [key, userName, userEmail] of people) {
    t.clock.advance(1_000);
    ids[key] = (await addUser(t, account.accountId, { userName, userEmail })).userId;
  }
  const attach = (team: string, users: string[]) =>
    t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/teams`,
      token: account.token,
      body: { operation: 'attach', team_id: team, user_ids: users },
    });
  await attach(red, [ids.carol ?? '', ids.ada ?? '']);
  await attach(blue, [ids.ada ?? '', ids.bob ?? '']);
  // Two users signed in, so last_login has values and nulls.
  for (const [key, at] of [
    ['carol', '2026-01-10T08:00:00Z'],
    ['bob', '2026-01-12T08:00:00Z'],
  ] as const) {
    await t.db
      .update(memberships)
      .set({ lastLogin: at })
      .where(and(eq(memberships.accountId, account.accountId), eq(memberships.userId, ids[key] ?? '')));
  }
  // Another account's users never show up.
  const other = await createAccount(t);
  await addUser(t, other.accountId, { userName: 'Carol Elsewhere' });
});

describe('list users: items', () => {
  it('returns every field of the reference sample, newest first by default', async () => {
    const page = await list();
    expect(page).toMatchObject({ page: 1, total_items: 7, current_page_size: 7, account_id: account.accountId });
    expect(page.next_page).toBeNull();
    expect(page.previous_page).toBeNull();
    expect(page.items[0]?.user_id).toBe(ids.bob);
    const ada = page.items.find((item) => item.user_id === ids.ada);
    expect(Object.keys(ada ?? {}).sort()).toEqual(
      [
        'created_at',
        'environments',
        'groups',
        'invited_by',
        'is_active',
        'is_admin',
        'last_login',
        'onboarding',
        'source',
        'status',
        'updated_at',
        'user_email',
        'user_id',
        'user_name',
      ].sort(),
    );
    expect(ada?.user_email).toBe('ada@example.com');
    expect(ada?.created_at).toMatch(TIMESTAMP);
    expect([...(ada?.groups ?? [])].sort()).toEqual([red, blue].sort());
  });
});

describe('list users: filters', () => {
  it('matches email exactly, ignoring case', async () => {
    expect((await list('email=ADA@example.COM')).items.map((i) => i.user_id)).toEqual([ids.ada]);
    expect((await list('email=ada@example.co')).total_items).toBe(0);
  });

  it('matches a substring of the name or the email, ignoring case', async () => {
    expect((await list('name=LOVE')).items.map((i) => i.user_id)).toEqual([ids.ada]);
    expect((await list('name=builders')).items.map((i) => i.user_id)).toEqual([ids.bob]);
    expect((await list('name=carol')).total_items).toBe(1);
  });

  it('takes %, _ and \\ literally', async () => {
    expect((await list(`name=${encodeURIComponent('%')}`)).items.map((i) => i.user_id)).toEqual([ids.percent]);
    expect((await list(`name=${encodeURIComponent('_')}`)).items.map((i) => i.user_id)).toEqual([ids.under]);
    expect((await list(`name=${encodeURIComponent('\\')}`)).items.map((i) => i.user_id)).toEqual([ids.slash]);
  });

  it('matches users in any of the given teams', async () => {
    const one = await list(`team_id=${red}`);
    expect(one.items.map((i) => i.user_id).sort()).toEqual([ids.carol, ids.ada].sort());
    const both = await list(`team_id=${red}&team_id=${blue}`);
    expect(both.total_items).toBe(3);
    expect(both.items.map((i) => i.user_id).sort()).toEqual([ids.carol, ids.ada, ids.bob].sort());
  });

  it('combines filters', async () => {
    expect((await list(`team_id=${blue}&name=bob`)).items.map((i) => i.user_id)).toEqual([ids.bob]);
  });
});

describe('list users: sorting', () => {
  const compare = (a: unknown, b: unknown): number => {
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  };

  for (const key of SORT_KEYS) {
    for (const order of ['asc', 'desc'] as const) {
      it(`sorts by ${key} ${order}, nulls last, ties by user id`, async () => {
        const { items } = await list(`sort_by=${key}&sort_order=${order}&items_per_page=200`);
        expect(items).toHaveLength(7);
        const value = (item: ListItem): unknown =>
          key === 'user_name' ? item.user_name.toLowerCase() : (item as unknown as Record<string, unknown>)[key];
        for (let i = 1; i < items.length; i++) {
          const [previous, current] = [items[i - 1], items[i]];
          if (previous === undefined || current === undefined) continue;
          const [a, b] = [value(previous), value(current)];
          if (a === null) expect(b, `${key}: a null before a value`).toBeNull();
          if (a === null || b === null) continue;
          const direction = order === 'asc' ? 1 : -1;
          const byValue = compare(a, b) * direction;
          expect(byValue).toBeLessThanOrEqual(0);
          if (byValue === 0) expect(compare(previous.user_id, current.user_id) * direction).toBeLessThan(0);
        }
      });
    }
  }

  it('puts users who never signed in last in both orders', async () => {
    for (const order of ['asc', 'desc']) {
      const { items } = await list(`sort_by=last_login&sort_order=${order}`);
      expect(items.slice(0, 2).map((i) => i.user_id)).toEqual(
        order === 'asc' ? [ids.carol, ids.bob] : [ids.bob, ids.carol],
      );
      expect(items.slice(2).every((i) => i.last_login === null)).toBe(true);
    }
  });
});

describe('list users: pagination', () => {
  it('links neighbouring pages with the same query', async () => {
    const first = await list(`items_per_page=3&sort_by=user_email&sort_order=asc&team_id=${red}&team_id=${blue}&name=`);
    expect(first.current_page_size).toBe(3);
    expect(first.previous_page).toBeNull();
    const all = await list('items_per_page=3&sort_by=user_email&sort_order=asc');
    expect(all.next_page).not.toBeNull();
    const next = new URL(all.next_page ?? '');
    expect(next.pathname).toBe(`/v1/accounts/${account.accountId}/users`);
    expect(Object.fromEntries(next.searchParams)).toEqual({
      items_per_page: '3',
      sort_by: 'user_email',
      sort_order: 'asc',
      page: '2',
    });
    const second = await list(next.searchParams.toString());
    expect(second.page).toBe(2);
    expect(new URL(second.previous_page ?? '').searchParams.get('page')).toBe('1');
    const last = await list('items_per_page=3&sort_by=user_email&sort_order=asc&page=3');
    expect(last.current_page_size).toBe(1);
    expect(last.next_page).toBeNull();
    const seen = [...all.items, ...second.items, ...last.items].map((i) => i.user_id);
    expect(new Set(seen).size).toBe(7);
  });

  it('keeps repeated team ids in the links', async () => {
    const page = await list(`items_per_page=1&team_id=${red}&team_id=${blue}`);
    expect(new URL(page.next_page ?? '').searchParams.getAll('team_id')).toEqual([red, blue]);
  });

  it('answers a page past the end with no items and the right total', async () => {
    const page = await list('page=50');
    expect(page).toMatchObject({ page: 50, current_page_size: 0, total_items: 7, items: [], next_page: null });
    expect(new URL(page.previous_page ?? '').searchParams.get('page')).toBe('1');
  });

  it('accepts 200 per page and refuses 201, page 0 and text', async () => {
    expect((await list('items_per_page=200')).current_page_size).toBe(7);
    expect(await listError('items_per_page=201')).toEqual([
      expect.objectContaining({ loc: ['query', 'items_per_page'], type: 'less_than_equal' }),
    ]);
    expect(await listError('items_per_page=0')).toEqual([
      expect.objectContaining({ loc: ['query', 'items_per_page'], type: 'greater_than_equal' }),
    ]);
    expect(await listError('page=0')).toEqual([
      expect.objectContaining({ loc: ['query', 'page'], type: 'greater_than_equal' }),
    ]);
    expect(await listError('page=abc')).toEqual([
      expect.objectContaining({ loc: ['query', 'page'], type: 'int_parsing' }),
    ]);
  });

  it('refuses an unknown sort key, order, team id or parameter', async () => {
    expect(await listError('sort_by=age')).toEqual([
      expect.objectContaining({ loc: ['query', 'sort_by'], type: 'enum' }),
    ]);
    expect(await listError('sort_order=up')).toEqual([
      expect.objectContaining({ loc: ['query', 'sort_order'], type: 'enum' }),
    ]);
    expect(await listError('team_id=nope')).toEqual([
      expect.objectContaining({ loc: ['query', 'team_id', 0], type: 'string_pattern_mismatch' }),
    ]);
    expect(await listError('colour=red')).toEqual([
      expect.objectContaining({ loc: ['query', 'colour'], type: 'extra_forbidden' }),
    ]);
  });
});
