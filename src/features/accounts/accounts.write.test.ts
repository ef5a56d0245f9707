import { and, asc, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, identities, invitations, mailOutbox, memberships } from '../../db/schema/index.js';
import { insertCustomRole } from '../roles/roles.store.js';
import { useTestApp } from '../../../test/app.js';
import { addUser, createAccount, issueToken, type TestAccount } from '../../../test/factories.js';
import type { AccountResponse } from './accounts.schemas.js';

const t = useTestApp();
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const ALL_OFF = { advanced_environment_access: false, data_collection: false, rss_feeds: false, api_metrics: false };

let counter = 0;
const unique = (): string => `${String(process.pid)}-${String(++counter)}`;

interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

interface CreatedBody extends AccountResponse {
  admin_user_id: string | null;
}

interface ListBody {
  items: AccountResponse[];
  total_items: number;
  page: number;
  current_page_size: number;
  next_page: string | null;
  previous_page: string | null;
}

let operator: TestAccount;

beforeAll(async () => {
  operator = await createAccount(t, { superAdmin: true, environments: ['Production'] });
});

const post = (body: unknown, token = operator.token): Promise<LightMyRequestResponse> =>
  t.call({ method: 'POST', url: '/v1/accounts', token, body });

async function auditOf(accountId: string, action: string) {
  return t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
}

async function accountCount(): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(accounts);
  return row?.n ?? 0;
}

describe('create account', () => {
  it('creates the account with Production and no members when no admin is named', async () => {
    const res = await post({ name: '  Acme Corp  ' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<CreatedBody>();
    expect(body).toMatchObject({ name: 'Acme Corp', features: ALL_OFF, admin_user_id: null });
    expect(body.created_at).toMatch(TIMESTAMP);
    expect(body.environments.map((e) => e.name)).toEqual(['Production']);
    const rows = await t.db.select().from(memberships).where(eq(memberships.accountId, body.account_id));
    expect(rows).toEqual([]);

    const [event] = await auditOf(body.account_id, 'account.create');
    expect(event).toMatchObject({ actorType: 'token', actorId: operator.adminId, targetId: body.account_id });
    expect(event?.after).toMatchObject({ name: 'Acme Corp' });

    const read = await t.call({ method: 'GET', url: `/v1/accounts/${body.account_id}`, token: operator.token });
    expect(read.json<AccountResponse>()).toEqual({
      account_id: body.account_id,
      name: body.name,
      features: body.features,
      environments: body.environments,
      created_at: body.created_at,
      updated_at: body.updated_at,
    });
  });

  it('invites the named admin into the new account and mails them, in the same transaction', async () => {
    const email = `First.Admin-${unique()}@Example.com`;
    const res = await post({
      name: 'Initech',
      environments: ['Production', 'Staging', 'Dev'],
      admin_email: email,
      admin_name: ' Peter Gibbons ',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<CreatedBody>();
    expect(body.environments.map((e) => e.name)).toEqual(['Dev', 'Production', 'Staging']);
    const [member] = await t.db.select().from(memberships).where(eq(memberships.accountId, body.account_id));
    expect(member).toMatchObject({
      userId: body.admin_user_id,
      userEmail: email.toLowerCase(),
      userName: 'Peter Gibbons',
      isAdmin: true,
      isActive: true,
      status: 'invited',
      invitedBy: operator.adminEmail,
    });
    const invites = await t.db.select().from(invitations).where(eq(invitations.accountId, body.account_id));
    expect(invites).toHaveLength(1);
    const mail = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email.toLowerCase()));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.accountId).toBe(body.account_id);
    expect(await auditOf(body.account_id, 'user.invite')).toHaveLength(1);
  });

  it('names the admin after their address when no name is given, and reuses an existing person', async () => {
    const elsewhere = await createAccount(t);
    const res = await post({ name: 'Second home', admin_email: elsewhere.adminEmail });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<CreatedBody>();
    expect(body.admin_user_id).toBe(elsewhere.adminId);
    const fresh = await post({ name: 'Nameless', admin_email: `nameless-${unique()}@example.com` });
    const { account_id: accountId } = fresh.json<CreatedBody>();
    const [member] = await t.db.select().from(memberships).where(eq(memberships.accountId, accountId));
    expect(member?.userName).toMatch(/^nameless-/);
  });

  it.each([
    ['a blank name', { name: '   ' }, ['body', 'name']],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, ['body', 'name']],
    ['no name', { environments: ['Production'] }, ['body', 'name']],
    [
      'environments named twice, ignoring case',
      { name: 'A', environments: ['Prod', 'Dev', 'prod'] },
      ['body', 'environments', 2],
    ],
    ['an empty environment list', { name: 'A', environments: [] }, ['body', 'environments']],
    ['a blank environment name', { name: 'A', environments: ['Prod', '  '] }, ['body', 'environments', 1]],
    ['a bad admin email', { name: 'A', admin_email: 'not-an-address' }, ['body', 'admin_email']],
    ['an admin name without an email', { name: 'A', admin_name: 'Lonely' }, ['body', 'admin_name']],
    ['an unknown field', { name: 'A', plan: 'gold' }, ['body', 'plan']],
  ])('refuses %s with 422 and creates nothing', async (_case, body, loc) => {
    const before = await accountCount();
    const res = await post(body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json<{ detail: Problem[] }>().detail.map((p) => p.loc)).toContainEqual(loc);
    expect(await accountCount()).toBe(before);
  });
});

describe('rename account', () => {
  it('renames, moves updated_at and audits the old and new names', async () => {
    const target = await createAccount(t, { name: 'Old name' });
    t.clock.advance(60_000);
    const res = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${target.accountId}`,
      token: operator.token,
      body: { name: ' New name ' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<AccountResponse>();
    expect(body.name).toBe('New name');
    expect(body.updated_at > body.created_at).toBe(true);
    const events = await auditOf(target.accountId, 'account.rename');
    expect(events.map((e) => [e.before, e.after])).toEqual([[{ name: 'Old name' }, { name: 'New name' }]]);

    const again = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${target.accountId}`,
      token: operator.token,
      body: { name: 'New name' },
    });
    expect(again.statusCode).toBe(200);
    expect(await auditOf(target.accountId, 'account.rename')).toHaveLength(1);
  });

  it.each([
    ['a blank name', { name: ' ' }],
    ['no name', {}],
    ['a number', { name: 42 }],
    ['an unknown field', { name: 'Fine', owner: 'me' }],
  ])('refuses %s with 422 and keeps the name', async (_case, body) => {
    const target = await createAccount(t, { name: 'Steady' });
    const res = await t.call({ method: 'PATCH', url: `/v1/accounts/${target.accountId}`, token: operator.token, body });
    expect(res.statusCode, res.body).toBe(422);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, target.accountId));
    expect(row?.name).toBe('Steady');
    expect(await auditOf(target.accountId, 'account.rename')).toEqual([]);
  });

  it('answers 422 for an account id that is not an id', async () => {
    const res = await t.call({ method: 'PATCH', url: '/v1/accounts/nope', token: operator.token, body: { name: 'X' } });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: Problem[] }>().detail[0]?.loc).toEqual(['path', 'account_id']);
  });
});

describe('list accounts', () => {
  it('shows a person every account where they are an active member, and no other', async () => {
    const first = await createAccount(t, { name: 'zz First' });
    const second = await createAccount(t, { name: 'zz Second' });
    await createAccount(t, { name: 'zz Not mine' });
    await addUser(t, second.accountId, { userEmail: first.adminEmail });
    const token = await issueToken(t, first.accountId, first.adminId, ['account:read']);

    const res = await t.call({ method: 'GET', url: '/v1/accounts', token });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ListBody>();
    expect(body.items.map((a) => a.account_id)).toEqual([first.accountId, second.accountId]);
    expect(body.total_items).toBe(2);
    expect(body.items[1]?.environments.map((e) => e.name)).toEqual(['Production', 'Staging']);

    await t.db
      .update(memberships)
      .set({ isActive: false })
      .where(and(eq(memberships.accountId, second.accountId), eq(memberships.userId, first.adminId)));
    t.clock.advance(5_000); // past the token verdict cache
    const after = await t.call({ method: 'GET', url: '/v1/accounts', token });
    expect(after.json<ListBody>().items.map((a) => a.account_id)).toEqual([first.accountId]);
  });

  it('shows a super admin every account by name then id, page by page', async () => {
    await createAccount(t, { name: 'Same name' });
    await createAccount(t, { name: 'Same name' });
    const all = await t.call({ method: 'GET', url: '/v1/accounts?items_per_page=200', token: operator.token });
    const body = all.json<ListBody>();
    expect(body.total_items).toBe(await accountCount());
    const rows = await t.db.select({ id: accounts.id, name: accounts.name }).from(accounts);
    const expected = rows
      .sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1))
      .map((a) => a.id);
    expect(body.items.map((a) => a.account_id)).toEqual(expected);

    const second = await t.call({ method: 'GET', url: '/v1/accounts?page=2&items_per_page=2', token: operator.token });
    const page = second.json<ListBody>();
    expect(page.items.map((a) => a.account_id)).toEqual(expected.slice(2, 4));
    expect(page).toMatchObject({ page: 2, current_page_size: 2, total_items: expected.length });
    expect(page.previous_page).toBe('http://localhost/v1/accounts?page=1&items_per_page=2');
    expect(page.next_page).toBe('http://localhost/v1/accounts?page=3&items_per_page=2');
  });

  it.each(['items_per_page=0', 'items_per_page=201', 'page=0', 'sort=name'])('refuses ?%s with 422', async (query) => {
    const res = await t.call({ method: 'GET', url: `/v1/accounts?${query}`, token: operator.token });
    expect(res.statusCode, res.body).toBe(422);
  });
});

describe('account features', () => {
  const featuresUrl = (account: TestAccount): string => `/v1/accounts/${account.accountId}/features`;
  const patch = (account: TestAccount, body: unknown): Promise<LightMyRequestResponse> =>
    t.call({ method: 'PATCH', url: featuresUrl(account), token: operator.token, body });

  it('switches features on and off, keeps the others, and audits each change', async () => {
    const account = await createAccount(t);
    const read = await t.call({ method: 'GET', url: featuresUrl(account), token: account.token });
    expect(read.json()).toEqual(ALL_OFF);

    const on = await patch(account, { advanced_environment_access: true, rss_feeds: true });
    expect(on.statusCode, on.body).toBe(200);
    const both = { ...ALL_OFF, advanced_environment_access: true, rss_feeds: true };
    expect(on.json()).toEqual(both);
    t.clock.advance(1_000); // audit events in the order they happened
    const off = await patch(account, { rss_feeds: false, api_metrics: true });
    const final = { ...ALL_OFF, advanced_environment_access: true, api_metrics: true };
    expect(off.json()).toEqual(final);

    expect((await t.call({ method: 'GET', url: featuresUrl(account), token: account.token })).json()).toEqual(final);
    const got = await t.call({ method: 'GET', url: `/v1/accounts/${account.accountId}`, token: account.token });
    expect(got.json<AccountResponse>().features).toEqual(final);

    const events = await auditOf(account.accountId, 'account.features');
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [ALL_OFF, both],
      [both, final],
    ]);
    expect(events[0]).toMatchObject({ actorId: operator.adminId, targetType: 'account' });

    expect((await patch(account, { api_metrics: true })).json()).toEqual(final);
    expect(await auditOf(account.accountId, 'account.features')).toHaveLength(2);
  });

  it.each([
    ['an unknown feature', { dark_mode: true }, 'extra_forbidden'],
    ['a value that is not a boolean', { rss_feeds: 'yes' }, undefined],
    ['an empty object', {}, undefined],
    ['a list', ['rss_feeds'], undefined],
  ])('refuses %s with 422 and changes nothing', async (_case, body, type) => {
    const account = await createAccount(t);
    await patch(account, { data_collection: true });
    const res = await patch(account, body);
    expect(res.statusCode, res.body).toBe(422);
    if (type !== undefined) expect(res.json<{ detail: Problem[] }>().detail[0]?.type).toBe(type);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, account.accountId));
    expect(row?.features).toEqual(['data_collection']);
    expect(await auditOf(account.accountId, 'account.features')).toHaveLength(1);
  });

  it('stops a custom role’s privileges of a feature once the feature is off, and restores them when on', async () => {
    const account = await createAccount(t);
    const prod = account.environments.Production ?? '';
    const stamp = t.clock.now().toISOString();
    await insertCustomRole(t.db, {
      accountId: account.accountId,
      key: 'gatekeeper',
      name: 'Gatekeeper',
      privileges: ['rivers:view', 'environment:access_view'],
      createdAt: stamp,
      updatedAt: stamp,
    });
    const { userId } = await addUser(t, account.accountId, { environments: { [prod]: 'gatekeeper' } });
    const privileges = async (): Promise<string[] | undefined> => {
      const res = await t.call({
        method: 'GET',
        url: `/v1/accounts/${account.accountId}/users/${userId}/permissions`,
        token: account.token,
      });
      return res.json<{ environments: Record<string, { privileges: string[] }> }>().environments[prod]?.privileges;
    };

    expect(await privileges()).toEqual(['rivers:view']);
    await patch(account, { advanced_environment_access: true });
    expect(await privileges()).toEqual(['environment:access_view', 'rivers:view']);
    await patch(account, { advanced_environment_access: false });
    expect(await privileges()).toEqual(['rivers:view']);
    await patch(account, { advanced_environment_access: true });
    expect(await privileges()).toEqual(['environment:access_view', 'rivers:view']);
  });
});

describe('super admin flag', () => {
  it('belongs to the operator’s identity', async () => {
    const [row] = await t.db.select().from(identities).where(eq(identities.id, operator.adminId));
    expect(row?.isSuperAdmin).toBe(true);
  });
});
