import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, auditEvents, roles, teamRoles } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, issueToken, type TestAccount } from '../../../test/factories.js';
import { BUILT_IN_ROLES, PRIVILEGES } from './roles.catalog.js';
import type { RoleResponse } from './roles.schemas.js';

const t = useTestApp();

interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const url = (account: TestAccount, rest = ''): string => `/v1/accounts/${account.accountId}/roles${rest}`;
const usersUrl = (account: TestAccount, rest = ''): string => `/v1/accounts/${account.accountId}/users${rest}`;

function envId(account: TestAccount, name: string): string {
  const id = account.environments[name];
  if (id === undefined) throw new Error(`The account has no ${name} environment`);
  return id;
}

const newRole = (key: string, privileges: string[] = ['rivers:view', 'activities:view']) => ({
  key,
  name: `Role ${key}`,
  description: 'Made by a test',
  privileges,
});

async function createRole(account: TestAccount, body: unknown): Promise<RoleResponse> {
  const res = await t.call({ method: 'POST', url: url(account), token: account.token, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<RoleResponse>();
}

async function customRoleKeys(account: TestAccount): Promise<string[]> {
  const rows = await t.db.select({ key: roles.key }).from(roles).where(eq(roles.accountId, account.accountId));
  return rows.map((row) => row.key).sort();
}

async function storedRole(account: TestAccount, key: string) {
  const [row] = await t.db
    .select()
    .from(roles)
    .where(and(eq(roles.accountId, account.accountId), eq(roles.key, key)));
  return row;
}

/** The role's audited actions, sorted: events of one test share a clock reading. */
async function auditActions(account: TestAccount, key: string): Promise<string[]> {
  const rows = await t.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.accountId, account.accountId),
        eq(auditEvents.targetType, 'role'),
        eq(auditEvents.targetId, key),
      ),
    );
  return rows.map((row) => row.action).sort();
}

async function setFeatures(account: TestAccount, features: string[]): Promise<void> {
  await t.db.update(accounts).set({ features }).where(eq(accounts.id, account.accountId));
}

async function userRoles(account: TestAccount, userId: string): Promise<Record<string, { role: string }>> {
  const res = await t.call({ method: 'GET', url: usersUrl(account, `/${userId}`), token: account.token });
  expect(res.statusCode).toBe(200);
  return res.json<{ environments: Record<string, { role: string }> }>().environments;
}

async function privilegesIn(
  account: TestAccount,
  userId: string,
  environmentId: string,
): Promise<string[] | undefined> {
  const res = await t.call({ method: 'GET', url: usersUrl(account, `/${userId}/permissions`), token: account.token });
  expect(res.statusCode).toBe(200);
  return res.json<{ environments: Record<string, { privileges: string[] }> }>().environments[environmentId]?.privileges;
}

async function teamRoleKeys(account: TestAccount, teamId: string): Promise<string[]> {
  const rows = await t.db
    .select({ roleKey: teamRoles.roleKey })
    .from(teamRoles)
    .where(and(eq(teamRoles.accountId, account.accountId), eq(teamRoles.teamId, teamId)));
  return rows.map((row) => row.roleKey);
}

describe('the privilege catalog', () => {
  it('lists every privilege with its level and feature', async () => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'GET', url: '/v1/privileges', token: account.token });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { key: string; level: string; feature: string | null }[] }>().items;
    expect(items.map((p) => p.key)).toEqual(PRIVILEGES.map((p) => p.key));
    expect(items.find((p) => p.key === 'users:manage')).toEqual({
      key: 'users:manage',
      description: expect.any(String) as unknown,
      level: 'account',
      feature: null,
      admin_only: true,
    });
    expect(items.find((p) => p.key === 'environment:access_view')).toMatchObject({
      level: 'environment',
      feature: 'advanced_environment_access',
    });
  });

  it('needs the account:read scope and a token', async () => {
    const account = await createAccount(t);
    const token = await issueToken(t, account.accountId, account.adminId, ['user:list']);
    const res = await t.call({ method: 'GET', url: '/v1/privileges', token });
    expect(res.statusCode).toBe(403);
    expect((await t.call({ method: 'GET', url: '/v1/privileges' })).statusCode).toBe(401);
  });
});

describe('listing and reading roles', () => {
  it('lists the built-in roles first, then custom roles oldest first', async () => {
    const account = await createAccount(t);
    await createRole(account, newRole('zeta'));
    t.clock.advance(1000);
    await createRole(account, newRole('alpha'));
    const res = await t.call({ method: 'GET', url: url(account), token: account.token });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ account_id: string; items: RoleResponse[] }>().items;
    expect(items.map((role) => role.key)).toEqual([...BUILT_IN_ROLES.map((role) => role.key), 'zeta', 'alpha']);
    expect(items[0]).toEqual({
      key: 'admin',
      name: 'Admin',
      description: expect.any(String) as unknown,
      privileges: BUILT_IN_ROLES[0]?.privileges,
      built_in: true,
      created_at: null,
      updated_at: null,
    });
    expect(items.at(-1)).toMatchObject({ key: 'alpha', built_in: false, created_at: expect.any(String) as unknown });
  });

  it('gets a built-in or custom role by key, and 404 for one the account does not have', async () => {
    const account = await createAccount(t);
    await createRole(account, newRole('reader'));
    const builtIn = await t.call({ method: 'GET', url: url(account, '/developer'), token: account.token });
    expect(builtIn.json<RoleResponse>()).toMatchObject({ key: 'developer', built_in: true });
    const custom = await t.call({ method: 'GET', url: url(account, '/reader'), token: account.token });
    expect(custom.json<RoleResponse>()).toMatchObject({
      key: 'reader',
      name: 'Role reader',
      privileges: ['rivers:view', 'activities:view'],
      built_in: false,
    });
    const missing = await t.call({ method: 'GET', url: url(account, '/nobody'), token: account.token });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ detail: 'Role not found' });
    const malformed = await t.call({ method: 'GET', url: url(account, '/Not-A-Key'), token: account.token });
    expect(malformed.statusCode).toBe(422);
  });
});

describe('creating roles', () => {
  it('creates a custom role with wire timestamps and audits it', async () => {
    const account = await createAccount(t);
    const role = await createRole(account, { ...newRole('auditor'), name: '  Auditor ' });
    expect(role).toEqual({
      key: 'auditor',
      name: 'Auditor',
      description: 'Made by a test',
      privileges: ['rivers:view', 'activities:view'],
      built_in: false,
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/) as unknown,
      updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/) as unknown,
    });
    expect(await auditActions(account, 'auditor')).toEqual(['role.create']);
  });

  it('defaults the description to empty and accepts account-wide privileges', async () => {
    const account = await createAccount(t);
    const role = await createRole(account, { key: 'helpdesk', name: 'Helpdesk', privileges: ['users:view'] });
    expect(role.description).toBe('');
    expect(role.privileges).toEqual(['users:view']);
  });

  it('refuses a key already used in the account with 409', async () => {
    const account = await createAccount(t);
    await createRole(account, newRole('ops'));
    const res = await t.call({ method: 'POST', url: url(account), token: account.token, body: newRole('ops', []) });
    expect(res.statusCode).toBe(409);
    expect((await storedRole(account, 'ops'))?.privileges).toEqual(['rivers:view', 'activities:view']);
  });

  it('allows the same key in another account', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    await createRole(account, newRole('shared'));
    await createRole(other, newRole('shared'));
  });

  it('refuses a built-in key with 409', async () => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'POST', url: url(account), token: account.token, body: newRole('developer') });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toContain('built-in');
    expect(await customRoleKeys(account)).toEqual([]);
  });

  it('refuses the admin-only privileges, so no custom role can raise its holders to admin powers', async () => {
    const account = await createAccount(t);
    const res = await t.call({
      method: 'POST',
      url: url(account),
      token: account.token,
      body: newRole('almighty', ['users:view', 'users:manage', 'teams:manage', 'roles:manage']),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: Problem[] }>().detail.map((p) => [p.loc, p.type])).toEqual([
      [['body', 'privileges', 1], 'value_error.privilege_admin_only'],
      [['body', 'privileges', 2], 'value_error.privilege_admin_only'],
      [['body', 'privileges', 3], 'value_error.privilege_admin_only'],
    ]);
    expect(await customRoleKeys(account)).toEqual([]);
  });

  it('refuses unknown privileges with 422 at their index', async () => {
    const account = await createAccount(t);
    const res = await t.call({
      method: 'POST',
      url: url(account),
      token: account.token,
      body: newRole('broken', ['rivers:view', 'rivers:fly', 'connections:view', 'nope']),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: Problem[] }>().detail).toEqual([
      {
        loc: ['body', 'privileges', 1],
        msg: expect.stringContaining('rivers:fly') as unknown,
        type: 'value_error.privilege_not_found',
      },
      {
        loc: ['body', 'privileges', 3],
        msg: expect.stringContaining('nope') as unknown,
        type: 'value_error.privilege_not_found',
      },
    ]);
    expect(await customRoleKeys(account)).toEqual([]);
  });

  it('refuses a privilege of a feature the account lacks, and accepts it once the feature is on', async () => {
    const account = await createAccount(t);
    const body = newRole('gatekeeper', ['rivers:view', 'environment:access_manage']);
    const refused = await t.call({ method: 'POST', url: url(account), token: account.token, body });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ detail: Problem[] }>().detail).toEqual([
      {
        loc: ['body', 'privileges', 1],
        msg: expect.stringContaining('advanced_environment_access') as unknown,
        type: 'value_error.feature_required',
      },
    ]);
    expect(await customRoleKeys(account)).toEqual([]);

    await setFeatures(account, ['advanced_environment_access']);
    const role = await createRole(account, body);
    expect(role.privileges).toEqual(['rivers:view', 'environment:access_manage']);
  });

  it.each([
    ['a key with capitals', { ...newRole('x'), key: 'Ops' }, ['body', 'key']],
    ['a one-letter key', { ...newRole('x'), key: 'o' }, ['body', 'key']],
    ['a key starting with a digit', { ...newRole('x'), key: '1ops' }, ['body', 'key']],
    ['a missing key', { name: 'Ops', privileges: [] }, ['body', 'key']],
    ['a blank name', { ...newRole('ops'), name: '  ' }, ['body', 'name']],
    ['a missing name', { key: 'ops', privileges: [] }, ['body', 'name']],
    ['missing privileges', { key: 'ops', name: 'Ops' }, ['body', 'privileges']],
    ['a privilege given twice', newRole('ops', ['rivers:view', 'rivers:view']), ['body', 'privileges']],
    ['privileges that are not text', newRole('ops', [1] as unknown as string[]), ['body', 'privileges', 0]],
    ['an unknown field', { ...newRole('ops'), built_in: true }, ['body', 'built_in']],
  ])('refuses %s with 422 and creates nothing', async (_case, body, loc) => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'POST', url: url(account), token: account.token, body });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: Problem[] }>().detail.map((p) => p.loc)).toContainEqual(loc);
    expect(await customRoleKeys(account)).toEqual([]);
  });
});

describe('changing roles', () => {
  it('changes name, description and privileges, moves updated_at and audits it', async () => {
    const account = await createAccount(t);
    const created = await createRole(account, newRole('ops'));
    t.clock.advance(60_000);
    const res = await t.call({
      method: 'PATCH',
      url: url(account, '/ops'),
      token: account.token,
      body: { name: 'Operations', description: 'Runs things', privileges: ['rivers:run'] },
    });
    expect(res.statusCode).toBe(200);
    const updated = res.json<RoleResponse>();
    expect(updated).toMatchObject({
      key: 'ops',
      name: 'Operations',
      description: 'Runs things',
      privileges: ['rivers:run'],
      created_at: created.created_at,
    });
    expect(updated.updated_at).not.toBe(created.updated_at);
    expect(await auditActions(account, 'ops')).toEqual(['role.create', 'role.update']);
  });

  it('keeps what the patch leaves out', async () => {
    const account = await createAccount(t);
    await createRole(account, newRole('ops'));
    const res = await t.call({
      method: 'PATCH',
      url: url(account, '/ops'),
      token: account.token,
      body: { name: 'Ops 2' },
    });
    expect(res.json<RoleResponse>()).toMatchObject({
      name: 'Ops 2',
      description: 'Made by a test',
      privileges: ['rivers:view', 'activities:view'],
    });
    const empty = await t.call({ method: 'PATCH', url: url(account, '/ops'), token: account.token, body: {} });
    expect(empty.statusCode).toBe(200);
    expect(await auditActions(account, 'ops')).toEqual(['role.create', 'role.update']);
  });

  it('validates privileges as on creation, features included, and changes nothing on 422', async () => {
    const account = await createAccount(t);
    await createRole(account, newRole('ops'));
    for (const privileges of [['rivers:view', 'rivers:fly'], ['environment:access_view']]) {
      const res = await t.call({
        method: 'PATCH',
        url: url(account, '/ops'),
        token: account.token,
        body: { privileges },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json<{ detail: Problem[] }>().detail[0]?.loc).toEqual(['body', 'privileges', privileges.length - 1]);
    }
    const unknownField = await t.call({
      method: 'PATCH',
      url: url(account, '/ops'),
      token: account.token,
      body: { key: 'x' },
    });
    expect(unknownField.statusCode).toBe(422);
    const blank = await t.call({
      method: 'PATCH',
      url: url(account, '/ops'),
      token: account.token,
      body: { name: '' },
    });
    expect(blank.statusCode).toBe(422);
    expect((await storedRole(account, 'ops'))?.privileges).toEqual(['rivers:view', 'activities:view']);
    expect(await auditActions(account, 'ops')).toEqual(['role.create']);
  });

  it('refuses to change a built-in role with 409, and an unknown role with 404', async () => {
    const account = await createAccount(t);
    const builtIn = await t.call({
      method: 'PATCH',
      url: url(account, '/developer'),
      token: account.token,
      body: { privileges: ['rivers:view'] },
    });
    expect(builtIn.statusCode).toBe(409);
    expect(builtIn.json<{ detail: string }>().detail).toContain('built-in roles cannot be changed');
    const missing = await t.call({
      method: 'PATCH',
      url: url(account, '/nobody'),
      token: account.token,
      body: { name: 'X' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('changes what the role’s holders may do on the very next request, directly and through teams', async () => {
    const account = await createAccount(t);
    const prod = envId(account, 'Production');
    const staging = envId(account, 'Staging');
    await createRole(account, newRole('analyst', ['rivers:view']));
    const direct = await addUser(t, account.accountId, { environments: { [prod]: 'analyst' } });
    const member = await addUser(t, account.accountId);
    const team = await addTeam(t, account.accountId, { environments: { [staging]: 'analyst' } });
    const attach = await t.call({
      method: 'PATCH',
      url: usersUrl(account, '/teams'),
      token: account.token,
      body: { operation: 'attach', team_id: team, user_ids: [member.userId] },
    });
    expect(attach.statusCode).toBe(200);
    expect(await privilegesIn(account, direct.userId, prod)).toEqual(['rivers:view']);
    expect(await privilegesIn(account, member.userId, staging)).toEqual(['rivers:view']);

    const res = await t.call({
      method: 'PATCH',
      url: url(account, '/analyst'),
      token: account.token,
      body: { privileges: ['rivers:view', 'rivers:run', 'activities:view'] },
    });
    expect(res.statusCode).toBe(200);
    expect(await privilegesIn(account, direct.userId, prod)).toEqual(['activities:view', 'rivers:run', 'rivers:view']);
    expect(await privilegesIn(account, member.userId, staging)).toEqual([
      'activities:view',
      'rivers:run',
      'rivers:view',
    ]);
  });
});

describe('deleting roles', () => {
  it('deletes a role nobody holds and audits it', async () => {
    const account = await createAccount(t);
    await createRole(account, newRole('spare'));
    const res = await t.call({ method: 'DELETE', url: url(account, '/spare'), token: account.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ key: 'spare', reassigned_to: null, users_moved: 0, teams_moved: 0 });
    expect(await customRoleKeys(account)).toEqual([]);
    expect(await auditActions(account, 'spare')).toEqual(['role.create', 'role.delete']);
    const again = await t.call({ method: 'GET', url: url(account, '/spare'), token: account.token });
    expect(again.statusCode).toBe(404);
  });

  it('refuses while users or teams hold the role, naming them, and changes nothing', async () => {
    const account = await createAccount(t);
    const prod = envId(account, 'Production');
    const staging = envId(account, 'Staging');
    await createRole(account, newRole('held'));
    const user = await addUser(t, account.accountId, { environments: { [prod]: 'held', [staging]: 'held' } });
    const team = await addTeam(t, account.accountId, { name: 'Night shift', environments: { [prod]: 'held' } });

    const res = await t.call({ method: 'DELETE', url: url(account, '/held'), token: account.token });
    expect(res.statusCode).toBe(409);
    const detail = res.json<{ detail: string }>().detail;
    expect(detail).toContain('1 user (');
    expect(detail).toContain(user.email);
    expect(detail).toContain(user.userId);
    expect(detail).toContain('1 team (Night shift');
    expect(detail).toContain('reassign_to');
    expect(await customRoleKeys(account)).toEqual(['held']);
    expect(await userRoles(account, user.userId)).toEqual({ [prod]: { role: 'held' }, [staging]: { role: 'held' } });
    expect(await teamRoleKeys(account, team)).toEqual(['held']);
    expect(await auditActions(account, 'held')).toEqual(['role.create']);
  });

  it('names at most ten holders of each kind and counts the rest', async () => {
    const account = await createAccount(t);
    const prod = envId(account, 'Production');
    await createRole(account, newRole('popular'));
    for (let i = 0; i < 12; i += 1) await addUser(t, account.accountId, { environments: { [prod]: 'popular' } });
    const res = await t.call({ method: 'DELETE', url: url(account, '/popular'), token: account.token });
    expect(res.statusCode).toBe(409);
    const detail = res.json<{ detail: string }>().detail;
    expect(detail).toContain('12 users (');
    expect(detail).toContain('and 2 more');
    expect(detail.match(/@example\.com/g)).toHaveLength(10);
  });

  it('moves every holder to a built-in role first when reassign_to is given', async () => {
    const account = await createAccount(t);
    const prod = envId(account, 'Production');
    const staging = envId(account, 'Staging');
    await createRole(account, newRole('old'));
    const a = await addUser(t, account.accountId, { environments: { [prod]: 'old', [staging]: 'old' } });
    const b = await addUser(t, account.accountId, { environments: { [prod]: 'old', [staging]: 'developer' } });
    const untouched = await addUser(t, account.accountId, { environments: { [prod]: 'member' } });
    const team = await addTeam(t, account.accountId, { environments: { [staging]: 'old' } });

    const res = await t.call({ method: 'DELETE', url: url(account, '/old?reassign_to=viewer'), token: account.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ key: 'old', reassigned_to: 'viewer', users_moved: 2, teams_moved: 1 });
    expect(await userRoles(account, a.userId)).toEqual({ [prod]: { role: 'viewer' }, [staging]: { role: 'viewer' } });
    expect(await userRoles(account, b.userId)).toEqual({
      [prod]: { role: 'viewer' },
      [staging]: { role: 'developer' },
    });
    expect(await userRoles(account, untouched.userId)).toEqual({ [prod]: { role: 'member' } });
    expect(await teamRoleKeys(account, team)).toEqual(['viewer']);
    expect(await customRoleKeys(account)).toEqual([]);
  });

  it('moves holders to another custom role', async () => {
    const account = await createAccount(t);
    const prod = envId(account, 'Production');
    await createRole(account, newRole('before'));
    await createRole(account, newRole('after', ['rivers:edit']));
    const user = await addUser(t, account.accountId, { environments: { [prod]: 'before' } });
    const res = await t.call({
      method: 'DELETE',
      url: url(account, '/before?reassign_to=after'),
      token: account.token,
    });
    expect(res.json()).toEqual({ key: 'before', reassigned_to: 'after', users_moved: 1, teams_moved: 0 });
    expect(await privilegesIn(account, user.userId, prod)).toEqual(['rivers:edit']);
  });

  it.each([
    ['a role the account lacks', 'nobody'],
    ['another account’s role', 'theirs'],
    ['the role being deleted', 'doomed'],
  ])('refuses reassign_to naming %s with 422 and changes nothing', async (_case, target) => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    await createRole(other, newRole('theirs'));
    const prod = envId(account, 'Production');
    await createRole(account, newRole('doomed'));
    const user = await addUser(t, account.accountId, { environments: { [prod]: 'doomed' } });
    const res = await t.call({
      method: 'DELETE',
      url: url(account, `/doomed?reassign_to=${target}`),
      token: account.token,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: Problem[] }>().detail[0]?.loc).toEqual(['query', 'reassign_to']);
    expect(await customRoleKeys(account)).toEqual(['doomed']);
    expect(await userRoles(account, user.userId)).toEqual({ [prod]: { role: 'doomed' } });
  });

  it('refuses unknown query fields with 422', async () => {
    const account = await createAccount(t);
    await createRole(account, newRole('kept'));
    const res = await t.call({ method: 'DELETE', url: url(account, '/kept?force=true'), token: account.token });
    expect(res.statusCode).toBe(422);
    expect(await customRoleKeys(account)).toEqual(['kept']);
  });

  it('refuses to delete a built-in role with 409, and an unknown role with 404', async () => {
    const account = await createAccount(t);
    const builtIn = await t.call({ method: 'DELETE', url: url(account, '/viewer'), token: account.token });
    expect(builtIn.statusCode).toBe(409);
    expect(builtIn.json<{ detail: string }>().detail).toContain('built-in roles cannot be deleted');
    const missing = await t.call({ method: 'DELETE', url: url(account, '/nobody'), token: account.token });
    expect(missing.statusCode).toBe(404);
  });

  it('never lets a role be deleted while it is being given to someone', async () => {
    const account = await createAccount(t);
    const prod = envId(account, 'Production');
    await createRole(account, newRole('contested'));
    const user = await addUser(t, account.accountId);
    const [deleted, patched] = await Promise.all([
      t.call({ method: 'DELETE', url: url(account, '/contested'), token: account.token }),
      t.call({
        method: 'PATCH',
        url: usersUrl(account, `/${user.userId}`),
        token: account.token,
        body: { environments: { [prod]: { role: 'contested' } } },
      }),
    ]);
    // Either order is fine; what must never happen is a user left holding a deleted role.
    expect([
      [200, 422],
      [409, 200],
    ]).toContainEqual([deleted.statusCode, patched.statusCode]);
    const held = Object.values(await userRoles(account, user.userId)).map((r) => r.role);
    expect(held.includes('contested')).toBe((await customRoleKeys(account)).includes('contested'));
  });
});

describe('access to roles', () => {
  const routes = (account: TestAccount) => [
    { method: 'GET' as const, url: url(account), scope: 'account:read' },
    { method: 'GET' as const, url: url(account, '/target'), scope: 'account:read' },
    { method: 'POST' as const, url: url(account), scope: 'role:edit', body: newRole('fresh') },
    { method: 'PATCH' as const, url: url(account, '/target'), scope: 'role:edit', body: { name: 'Changed' } },
    { method: 'DELETE' as const, url: url(account, '/target'), scope: 'role:edit' },
  ];

  it('answers 404 to another account’s token on every route and changes nothing', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    await createRole(account, newRole('target'));
    for (const route of routes(account)) {
      const res = await t.call({ ...route, token: other.token });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
    expect(await customRoleKeys(account)).toEqual(['target']);
    expect((await storedRole(account, 'target'))?.name).toBe('Role target');
  });

  it('answers 404 for another account’s custom role named under one’s own account', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    await createRole(other, newRole('theirs'));
    for (const [method, body] of [['GET'], ['PATCH', { name: 'Mine' }], ['DELETE']] as const) {
      const res = await t.call({ method, url: url(account, '/theirs'), token: account.token, body });
      expect(res.statusCode, method).toBe(404);
    }
    expect((await storedRole(other, 'theirs'))?.name).toBe('Role theirs');
  });

  it('answers 403 to a token without the route’s scope and changes nothing', async () => {
    const account = await createAccount(t);
    await createRole(account, newRole('target'));
    for (const route of routes(account)) {
      const others = route.scope === 'account:read' ? ['user:list', 'role:edit'] : ['user:list', 'account:read'];
      const token = await issueToken(t, account.accountId, account.adminId, others);
      const res = await t.call({ ...route, token });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json<{ detail: string }>().detail).toContain(route.scope);
    }
    expect(await customRoleKeys(account)).toEqual(['target']);
    expect((await storedRole(account, 'target'))?.name).toBe('Role target');
  });
});
