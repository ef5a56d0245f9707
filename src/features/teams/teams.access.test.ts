import { and, asc, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, teamMembers, teamRoles, teams } from '../../db/schema/index.js';
import { ALL_SCOPE_KEYS } from '../api-tokens/api-tokens.scopes.js';
import { insertCustomRole } from '../roles/roles.store.js';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, issueToken, type TestAccount } from '../../../test/factories.js';
import type { TeamResponse } from './teams.schemas.js';

const t = useTestApp();

/** Longer than a token verdict may be reused (api-tokens.service CACHE_MS). */
const PAST_TOKEN_CACHE_MS = 1_001;

interface Route {
  name: string;
  scope: 'team:list' | 'team:edit';
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: (teamId: string) => string;
  body?: unknown;
}

const ROUTES: Route[] = [
  { name: 'list', scope: 'team:list', method: 'GET', path: () => '/teams' },
  { name: 'create', scope: 'team:edit', method: 'POST', path: () => '/teams', body: { name: 'Intruders' } },
  { name: 'get', scope: 'team:list', method: 'GET', path: (id) => `/teams/${id}` },
  { name: 'patch', scope: 'team:edit', method: 'PATCH', path: (id) => `/teams/${id}`, body: { name: 'Renamed' } },
  { name: 'delete', scope: 'team:edit', method: 'DELETE', path: (id) => `/teams/${id}` },
  { name: 'users', scope: 'team:list', method: 'GET', path: (id) => `/teams/${id}/users` },
];

function environmentId(account: TestAccount, name: string): string {
  const id = account.environments[name];
  if (id === undefined) throw new Error(`The account has no ${name} environment`);
  return id;
}

function callAs(token: string, account: TestAccount, route: Route, teamId: string): Promise<LightMyRequestResponse> {
  return t.call({
    method: route.method,
    url: `/v1/accounts/${account.accountId}${route.path(teamId)}`,
    token,
    ...(route.body === undefined ? {} : { body: route.body }),
  });
}

async function teamState(accountId: string) {
  return {
    teams: await t.db.select().from(teams).where(eq(teams.accountId, accountId)).orderBy(asc(teams.id)),
    roles: await t.db
      .select()
      .from(teamRoles)
      .where(eq(teamRoles.accountId, accountId))
      .orderBy(asc(teamRoles.teamId), asc(teamRoles.environmentId)),
    members: await t.db
      .select()
      .from(teamMembers)
      .where(eq(teamMembers.accountId, accountId))
      .orderBy(asc(teamMembers.teamId), asc(teamMembers.userId)),
    audit: await t.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.accountId, accountId))
      .orderBy(asc(auditEvents.id)),
  };
}

describe('who may call the Teams API', () => {
  let home: TestAccount;
  let other: TestAccount;
  let teamId = '';

  beforeAll(async () => {
    home = await createAccount(t);
    other = await createAccount(t);
    teamId = await addTeam(t, home.accountId, { name: 'Protected' });
    await addTeam(t, other.accountId, { name: 'Protected' });
  });

  it.each(ROUTES)('$name: a token without $scope gets 403 and changes nothing', async (route) => {
    const token = await issueToken(
      t,
      home.accountId,
      home.adminId,
      ALL_SCOPE_KEYS.filter((scope) => scope !== route.scope),
    );
    const before = await teamState(home.accountId);
    const res = await callAs(token, home, route, teamId);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ detail: `This token lacks the scope "${route.scope}"` });
    expect(await teamState(home.accountId)).toEqual(before);
  });

  it.each(ROUTES)('$name: another account’s token gets 404 and changes nothing', async (route) => {
    const before = { home: await teamState(home.accountId), other: await teamState(other.accountId) };
    const res = await callAs(other.token, home, route, teamId);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ detail: 'Account not found' });
    expect({ home: await teamState(home.accountId), other: await teamState(other.accountId) }).toEqual(before);
  });

  it.each(ROUTES)('$name: no token gets 401', async (route) => {
    const res = await t.call({
      method: route.method,
      url: `/v1/accounts/${home.accountId}${route.path(teamId)}`,
      ...(route.body === undefined ? {} : { body: route.body }),
    });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a member’s token when the member lacks the privilege its scope needs', async () => {
    const member = await addUser(t, home.accountId);
    const token = await issueToken(t, home.accountId, member.userId, ['team:list', 'team:edit']);
    const before = await teamState(home.accountId);
    for (const route of ROUTES) {
      const res = await callAs(token, home, route, teamId);
      expect(res.statusCode).toBe(403);
      expect(res.json<{ detail: string }>().detail).toContain('owner may no longer use the scope');
    }
    expect(await teamState(home.accountId)).toEqual(before);
  });
});

describe('team roles flow to the team’s members', () => {
  async function permissionsOf(account: TestAccount, userId: string) {
    const res = await t.call({
      method: 'GET',
      url: `/v1/accounts/${account.accountId}/users/${userId}/permissions`,
      token: account.token,
    });
    expect(res.statusCode).toBe(200);
    return res.json<{
      environments: Record<string, { role: string | null; roles: string[]; privileges: string[] }>;
      account_privileges: string[];
    }>();
  }

  async function setMembership(account: TestAccount, operation: 'attach' | 'detach', team: string, userId: string) {
    const res = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/teams`,
      token: account.token,
      body: { operation, team_id: team, user_ids: [userId] },
    });
    expect(res.statusCode).toBe(200);
  }

  async function createTeamViaApi(account: TestAccount, body: unknown): Promise<TeamResponse> {
    const res = await t.call({
      method: 'POST',
      url: `/v1/accounts/${account.accountId}/teams`,
      token: account.token,
      body,
    });
    expect(res.statusCode).toBe(201);
    return res.json<TeamResponse>();
  }

  it('shows a team’s roles in the member’s Permissions, beside their own, until the team goes', async () => {
    const account = await createAccount(t);
    const production = environmentId(account, 'Production');
    const staging = environmentId(account, 'Staging');
    const member = await addUser(t, account.accountId, { environments: { [production]: 'viewer' } });
    const team = await createTeamViaApi(account, {
      name: 'Builders',
      environments: { [production]: { role: 'developer' }, [staging]: { role: 'deployment_manager' } },
    });

    expect(Object.keys((await permissionsOf(account, member.userId)).environments)).toEqual([production]);
    await setMembership(account, 'attach', team.team_id, member.userId);

    const granted = await permissionsOf(account, member.userId);
    expect(granted.environments[production]).toMatchObject({ role: 'viewer', roles: ['developer', 'viewer'] });
    expect(granted.environments[production]?.privileges).toContain('rivers:edit');
    expect(granted.environments[staging]).toMatchObject({ role: 'deployment_manager', roles: ['deployment_manager'] });

    const patched = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/teams/${team.team_id}`,
      token: account.token,
      body: { environments: { [staging]: { role: 'viewer' } } },
    });
    expect(patched.statusCode).toBe(200);
    const remapped = await permissionsOf(account, member.userId);
    expect(remapped.environments[production]).toMatchObject({ roles: ['viewer'] });
    expect(remapped.environments[staging]).toMatchObject({ role: 'viewer', roles: ['viewer'] });

    const deleted = await t.call({
      method: 'DELETE',
      url: `/v1/accounts/${account.accountId}/teams/${team.team_id}`,
      token: account.token,
    });
    expect(deleted.statusCode).toBe(200);
    const after = await permissionsOf(account, member.userId);
    expect(Object.keys(after.environments)).toEqual([production]);
    expect(after.environments[production]).toMatchObject({ role: 'viewer', roles: ['viewer'] });
  });

  it('never lets a team pass on teams:manage, even from a role stored before that rule', async () => {
    const account = await createAccount(t);
    const production = environmentId(account, 'Production');
    const now = t.clock.now().toISOString();
    // Written to the store directly: the roles API refuses admin-only privileges in custom roles.
    await insertCustomRole(t.db, {
      accountId: account.accountId,
      key: 'team_keeper',
      name: 'Team keeper',
      description: 'Looks after teams',
      privileges: ['teams:manage'],
      createdAt: now,
      updatedAt: now,
    });
    const keepers = await createTeamViaApi(account, {
      name: 'Keepers',
      environments: { [production]: { role: 'team_keeper' } },
    });
    const member = await addUser(t, account.accountId);
    await setMembership(account, 'attach', keepers.team_id, member.userId);
    const token = await issueToken(t, account.accountId, member.userId, ['team:edit']);

    const refused = await t.call({
      method: 'POST',
      url: `/v1/accounts/${account.accountId}/teams`,
      token,
      body: { name: 'Made by a member' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ detail: string }>().detail).toContain('teams:manage');
    const [row] = await t.db
      .select({ n: count() })
      .from(teams)
      .where(and(eq(teams.accountId, account.accountId), eq(teams.name, 'Made by a member')));
    expect(row?.n).toBe(0);
  });

  it('lets a member’s token do what a custom role of their team allows, and stops within a second of losing it', async () => {
    const account = await createAccount(t);
    const production = environmentId(account, 'Production');
    const now = t.clock.now().toISOString();
    await insertCustomRole(t.db, {
      accountId: account.accountId,
      key: 'user_auditor',
      name: 'User auditor',
      description: 'Sees who is in the account',
      privileges: ['users:view'],
      createdAt: now,
      updatedAt: now,
    });
    const team = await createTeamViaApi(account, {
      name: 'Auditors',
      environments: { [production]: { role: 'user_auditor' } },
    });
    const member = await addUser(t, account.accountId);
    const memberToken = await issueToken(t, account.accountId, member.userId, ['user:list']);
    const listUsers = () =>
      t.call({ method: 'GET', url: `/v1/accounts/${account.accountId}/users`, token: memberToken });

    expect((await listUsers()).statusCode).toBe(403);

    await setMembership(account, 'attach', team.team_id, member.userId);
    t.clock.advance(PAST_TOKEN_CACHE_MS);
    expect(await permissionsOf(account, member.userId)).toMatchObject({
      account_privileges: ['users:view'],
      environments: { [production]: { role: 'user_auditor', roles: ['user_auditor'] } },
    });
    const allowed = await listUsers();
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json<{ total_items: number }>().total_items).toBe(2);

    // Removed from the team: the privilege goes with it.
    await setMembership(account, 'detach', team.team_id, member.userId);
    t.clock.advance(PAST_TOKEN_CACHE_MS);
    expect((await listUsers()).statusCode).toBe(403);

    // Back in the team, then the team is deleted: the same.
    await setMembership(account, 'attach', team.team_id, member.userId);
    t.clock.advance(PAST_TOKEN_CACHE_MS);
    expect((await listUsers()).statusCode).toBe(200);
    const deleted = await t.call({
      method: 'DELETE',
      url: `/v1/accounts/${account.accountId}/teams/${team.team_id}`,
      token: account.token,
    });
    expect(deleted.statusCode).toBe(200);
    t.clock.advance(PAST_TOKEN_CACHE_MS);
    const refused = await listUsers();
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({
      detail: 'The token\'s owner may no longer use the scope "user:list" (needs users:view)',
    });
    expect((await permissionsOf(account, member.userId)).account_privileges).toEqual([]);
  });
});
