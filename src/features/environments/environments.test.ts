import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, environments, membershipRoles, teamRoles } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, issueToken, type TestAccount } from '../../../test/factories.js';
import type { EnvironmentResponse } from './environments.schemas.js';

const t = useTestApp();

/** A well-formed id that names nothing. */
const MISSING_ID = 'ffffffffffffffffffffffff';

const url = (account: TestAccount, rest = ''): string => `/v1/accounts/${account.accountId}/environments${rest}`;

function envId(account: TestAccount, name: string): string {
  const id = account.environments[name];
  if (id === undefined) throw new Error(`The account has no ${name} environment`);
  return id;
}

/** The account's environment names, sorted: environments created together share a timestamp. */
async function listNames(account: TestAccount): Promise<string[]> {
  const res = await t.call({ method: 'GET', url: url(account), token: account.token });
  expect(res.statusCode).toBe(200);
  return res
    .json<{ items: EnvironmentResponse[] }>()
    .items.map((env) => env.name)
    .sort();
}

async function auditActions(account: TestAccount, targetId: string): Promise<string[]> {
  const rows = await t.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, account.accountId), eq(auditEvents.targetId, targetId)));
  return rows.map((row) => row.action);
}

async function userEnvironments(account: TestAccount, userId: string): Promise<Record<string, { role: string }>> {
  const res = await t.call({
    method: 'GET',
    url: `/v1/accounts/${account.accountId}/users/${userId}`,
    token: account.token,
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ environments: Record<string, { role: string }> }>().environments;
}

describe('listing and reading environments', () => {
  it('lists the account’s environments oldest first, with wire timestamps', async () => {
    const account = await createAccount(t, { environments: ['Production'] });
    for (const name of ['Staging', 'Dev']) {
      t.clock.advance(1000);
      const created = await t.call({ method: 'POST', url: url(account), token: account.token, body: { name } });
      expect(created.statusCode).toBe(201);
    }

    const res = await t.call({ method: 'GET', url: url(account), token: account.token });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ account_id: string; items: EnvironmentResponse[] }>();
    expect(body.account_id).toBe(account.accountId);
    expect(body.items.map((env) => env.name)).toEqual(['Production', 'Staging', 'Dev']);
    expect(body.items[0]).toEqual({
      environment_id: envId(account, 'Production'),
      name: 'Production',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/) as unknown,
      updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/) as unknown,
    });
  });

  it('gets one environment by id, and answers 404 for an unknown one and 422 for a malformed id', async () => {
    const account = await createAccount(t);
    const prod = envId(account, 'Production');
    const res = await t.call({ method: 'GET', url: url(account, `/${prod}`), token: account.token });
    expect(res.statusCode).toBe(200);
    expect(res.json<EnvironmentResponse>()).toMatchObject({ environment_id: prod, name: 'Production' });

    const missing = await t.call({ method: 'GET', url: url(account, `/${MISSING_ID}`), token: account.token });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ detail: 'Environment not found' });

    const malformed = await t.call({ method: 'GET', url: url(account, '/not-an-id'), token: account.token });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json<{ detail: { loc: unknown[] }[] }>().detail[0]?.loc).toEqual(['path', 'env_id']);
  });
});

describe('creating environments', () => {
  it('creates an environment with a trimmed name and audits it', async () => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'POST', url: url(account), token: account.token, body: { name: '  QA  ' } });
    expect(res.statusCode).toBe(201);
    const created = res.json<EnvironmentResponse>();
    expect(created.name).toBe('QA');
    expect(created.environment_id).toMatch(/^[0-9a-f]{24}$/);
    expect(await listNames(account)).toContain('QA');
    expect(await auditActions(account, created.environment_id)).toEqual(['environment.create']);
  });

  it('refuses a name taken in the account, compared case-insensitively, with 409', async () => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'POST', url: url(account), token: account.token, body: { name: 'production' } });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toContain('already exists');
    expect(await listNames(account)).toEqual(['Production', 'Staging']);
  });

  it('allows the same name in another account', async () => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'POST', url: url(account), token: account.token, body: { name: 'Sandbox' } });
    expect(res.statusCode).toBe(201);
    const other = await createAccount(t);
    const again = await t.call({ method: 'POST', url: url(other), token: other.token, body: { name: 'Sandbox' } });
    expect(again.statusCode).toBe(201);
  });

  it.each([
    ['an empty name', { name: '' }, ['body', 'name']],
    ['a blank name', { name: '   ' }, ['body', 'name']],
    ['a missing name', {}, ['body', 'name']],
    ['a name that is not text', { name: 7 }, ['body', 'name']],
    ['an unknown field', { name: 'Dev', colour: 'red' }, ['body', 'colour']],
  ])('refuses %s with 422 and creates nothing', async (_case, body, loc) => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'POST', url: url(account), token: account.token, body });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: { loc: unknown[] }[] }>().detail.map((p) => p.loc)).toContainEqual(loc);
    expect(await listNames(account)).toEqual(['Production', 'Staging']);
  });
});

describe('renaming environments', () => {
  it('renames, moves updated_at and audits the change', async () => {
    const account = await createAccount(t);
    const staging = envId(account, 'Staging');
    t.clock.advance(60_000);
    const res = await t.call({
      method: 'PATCH',
      url: url(account, `/${staging}`),
      token: account.token,
      body: { name: 'Pre-prod' },
    });
    expect(res.statusCode).toBe(200);
    const renamed = res.json<EnvironmentResponse>();
    expect(renamed.name).toBe('Pre-prod');
    expect(renamed.updated_at > renamed.created_at).toBe(true);
    expect(await listNames(account)).toEqual(['Pre-prod', 'Production']);
    expect(await auditActions(account, staging)).toEqual(['environment.update']);
  });

  it('may change only the case of its own name', async () => {
    const account = await createAccount(t);
    const staging = envId(account, 'Staging');
    const res = await t.call({
      method: 'PATCH',
      url: url(account, `/${staging}`),
      token: account.token,
      body: { name: 'STAGING' },
    });
    expect(res.statusCode).toBe(200);
    expect(await listNames(account)).toEqual(['Production', 'STAGING']);
  });

  it('refuses another environment’s name with 409 and keeps the old name', async () => {
    const account = await createAccount(t);
    const staging = envId(account, 'Staging');
    const res = await t.call({
      method: 'PATCH',
      url: url(account, `/${staging}`),
      token: account.token,
      body: { name: 'PRODUCTION' },
    });
    expect(res.statusCode).toBe(409);
    expect(await listNames(account)).toEqual(['Production', 'Staging']);
    expect(await auditActions(account, staging)).toEqual([]);
  });

  it('refuses a blank name or unknown field with 422, and an unknown environment with 404', async () => {
    const account = await createAccount(t);
    const staging = envId(account, 'Staging');
    const blank = await t.call({
      method: 'PATCH',
      url: url(account, `/${staging}`),
      token: account.token,
      body: { name: ' ' },
    });
    expect(blank.statusCode).toBe(422);
    const extra = await t.call({
      method: 'PATCH',
      url: url(account, `/${staging}`),
      token: account.token,
      body: { name: 'X', id: MISSING_ID },
    });
    expect(extra.statusCode).toBe(422);
    const missing = await t.call({
      method: 'PATCH',
      url: url(account, `/${MISSING_ID}`),
      token: account.token,
      body: { name: 'X' },
    });
    expect(missing.statusCode).toBe(404);
    expect(await listNames(account)).toEqual(['Production', 'Staging']);
  });
});

describe('deleting environments', () => {
  it('removes the environment from every user’s and team’s map and says how many were touched', async () => {
    const account = await createAccount(t, { environments: ['Production', 'Staging', 'Dev'] });
    const prod = envId(account, 'Production');
    const staging = envId(account, 'Staging');
    const dev = envId(account, 'Dev');
    const both = await addUser(t, account.accountId, { environments: { [staging]: 'developer', [prod]: 'viewer' } });
    const onlyStaging = await addUser(t, account.accountId, { environments: { [staging]: 'member' } });
    const elsewhere = await addUser(t, account.accountId, { environments: { [dev]: 'developer' } });
    const team = await addTeam(t, account.accountId, { environments: { [staging]: 'viewer', [dev]: 'member' } });
    const otherTeam = await addTeam(t, account.accountId, { environments: { [prod]: 'viewer' } });

    const res = await t.call({ method: 'DELETE', url: url(account, `/${staging}`), token: account.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ environment_id: staging, users_updated: 2, teams_updated: 1 });

    expect(await userEnvironments(account, both.userId)).toEqual({ [prod]: { role: 'viewer' } });
    expect(await userEnvironments(account, onlyStaging.userId)).toEqual({});
    expect(await userEnvironments(account, elsewhere.userId)).toEqual({ [dev]: { role: 'developer' } });
    const teamGrants = await t.db
      .select({ teamId: teamRoles.teamId, environmentId: teamRoles.environmentId })
      .from(teamRoles)
      .where(eq(teamRoles.accountId, account.accountId));
    expect(teamGrants).toEqual(
      expect.arrayContaining([
        { teamId: team, environmentId: dev },
        { teamId: otherTeam, environmentId: prod },
      ]),
    );
    expect(teamGrants).toHaveLength(2);
    const userGrants = await t.db
      .select()
      .from(membershipRoles)
      .where(and(eq(membershipRoles.accountId, account.accountId), eq(membershipRoles.environmentId, staging)));
    expect(userGrants).toEqual([]);
    expect(await listNames(account)).toEqual(['Dev', 'Production']);
    expect(await auditActions(account, staging)).toEqual(['environment.delete']);

    const again = await t.call({ method: 'GET', url: url(account, `/${staging}`), token: account.token });
    expect(again.statusCode).toBe(404);
  });

  it('answers zeros when nobody had a role there', async () => {
    const account = await createAccount(t);
    const staging = envId(account, 'Staging');
    const res = await t.call({ method: 'DELETE', url: url(account, `/${staging}`), token: account.token });
    expect(res.json()).toEqual({ environment_id: staging, users_updated: 0, teams_updated: 0 });
  });

  it('refuses to delete the account’s last environment with 409', async () => {
    const account = await createAccount(t, { environments: ['Only'] });
    const only = envId(account, 'Only');
    const res = await t.call({ method: 'DELETE', url: url(account, `/${only}`), token: account.token });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ detail: 'The account must keep at least one environment' });
    expect(await listNames(account)).toEqual(['Only']);
    expect(await auditActions(account, only)).toEqual([]);
  });

  it('lets only one of two concurrent deletions of the last two environments through', async () => {
    const account = await createAccount(t, { environments: ['A', 'B'] });
    const results = await Promise.all(
      [envId(account, 'A'), envId(account, 'B')].map((id) =>
        t.call({ method: 'DELETE', url: url(account, `/${id}`), token: account.token }),
      ),
    );
    expect(results.map((res) => res.statusCode).sort()).toEqual([200, 409]);
    const left = await t.db.select().from(environments).where(eq(environments.accountId, account.accountId));
    expect(left).toHaveLength(1);
  });

  it('answers 404 for an unknown environment and deletes nothing', async () => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'DELETE', url: url(account, `/${MISSING_ID}`), token: account.token });
    expect(res.statusCode).toBe(404);
    expect(await listNames(account)).toEqual(['Production', 'Staging']);
  });
});

describe('access to environments', () => {
  const routes = (account: TestAccount, id: string) => [
    { method: 'GET' as const, url: url(account), scope: 'account:read' },
    { method: 'GET' as const, url: url(account, `/${id}`), scope: 'account:read' },
    { method: 'POST' as const, url: url(account), scope: 'environment:edit', body: { name: 'New' } },
    { method: 'PATCH' as const, url: url(account, `/${id}`), scope: 'environment:edit', body: { name: 'New' } },
    { method: 'DELETE' as const, url: url(account, `/${id}`), scope: 'environment:edit' },
  ];

  it('answers 404 to another account’s token on every route and changes nothing', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    for (const route of routes(account, envId(account, 'Staging'))) {
      const res = await t.call({ ...route, token: other.token });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
    expect(await listNames(account)).toEqual(['Production', 'Staging']);
  });

  it('answers 404 for another account’s environment id named under one’s own account', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const theirs = envId(other, 'Staging');
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await t.call({ method, url: url(account, `/${theirs}`), token: account.token });
      expect(res.statusCode).toBe(404);
    }
    const rename = await t.call({
      method: 'PATCH',
      url: url(account, `/${theirs}`),
      token: account.token,
      body: { name: 'Mine' },
    });
    expect(rename.statusCode).toBe(404);
    expect(await listNames(other)).toEqual(['Production', 'Staging']);
  });

  it('answers 403 to a token without the route’s scope and changes nothing', async () => {
    const account = await createAccount(t);
    for (const route of routes(account, envId(account, 'Staging'))) {
      const others = route.scope === 'account:read' ? ['user:list', 'environment:edit'] : ['user:list', 'account:read'];
      const token = await issueToken(t, account.accountId, account.adminId, others);
      const res = await t.call({ ...route, token });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json<{ detail: string }>().detail).toContain(route.scope);
    }
    expect(await listNames(account)).toEqual(['Production', 'Staging']);
  });

  it('answers 401 without a token', async () => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'GET', url: url(account) });
    expect(res.statusCode).toBe(401);
  });
});
