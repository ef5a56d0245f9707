import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { accounts, identities, memberships } from '../../db/schema/index.js';
import { bootstrapAccount } from '../setup/setup.service.js';
import { ACCOUNT_PRIVILEGES, BUILT_IN_ROLES } from '../roles/roles.catalog.js';
import { insertCustomRole } from '../roles/roles.store.js';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, issueToken, type TestAccount } from '../../../test/factories.js';

const t = useTestApp();
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const UNKNOWN_ID = 'ffffffffffffffffffffffff';

/** The fields of the reference's Get User response sample. */
const REFERENCE_USER_FIELDS = [
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
  'is_super_admin',
  'allow_login_password',
  'allow_login_google',
  'allow_login_sso',
];

/** A new user's onboarding: the reference's six steps, nothing done yet. */
const DEFAULT_ONBOARDING = {
  know_rivery_step: {
    onboarding_river_types: { status: false, update_time: null },
    onboarding_rivery_introduction: { status: false, update_time: null },
  },
  data_connections_step: { onboarding_add_connection: false },
  data_pipeline_step: { onboarding_create_s2t: false, onboarding_view_activities: false },
  transform_and_orchestrate_step: null,
  pre_built_solutions_step: null,
  invite_member_step: null,
};

interface UserBody {
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
  is_super_admin: boolean;
  allow_login_password: boolean;
  allow_login_google: boolean;
  allow_login_sso: boolean;
}

interface EnvironmentAccess {
  role: string | null;
  roles: string[];
  privileges: string[];
}
interface Permissions {
  environments: Record<string, EnvironmentAccess>;
  account_privileges: string[];
}

const get = (account: TestAccount, path: string) =>
  t.call({ method: 'GET', url: `/v1/accounts/${account.accountId}/users/${path}`, token: account.token });

async function getUser(account: TestAccount, userId: string): Promise<UserBody> {
  const res = await get(account, userId);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<UserBody>();
}

async function permissionsOf(account: TestAccount, userId: string): Promise<Permissions> {
  const res = await get(account, `${userId}/permissions`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Permissions>();
}

/** The sorted union of the built-in roles' privileges. */
function privilegesOf(...roleKeys: string[]): string[] {
  const privileges = new Set<string>();
  for (const key of roleKeys) {
    const role = BUILT_IN_ROLES.find((r) => r.key === key);
    if (role === undefined) throw new Error(`no built-in role ${key}`);
    for (const privilege of role.privileges) privileges.add(privilege);
  }
  return [...privileges].sort();
}

async function attach(account: TestAccount, teamId: string, userIds: string[], operation = 'attach') {
  const res = await t.call({
    method: 'PATCH',
    url: `/v1/accounts/${account.accountId}/users/teams`,
    token: account.token,
    body: { operation, team_id: teamId, user_ids: userIds },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function setActive(account: TestAccount, userId: string, isActive: boolean) {
  const res = await t.call({
    method: 'PATCH',
    url: `/v1/accounts/${account.accountId}/users/${userId}/active`,
    token: account.token,
    body: { is_active: isActive },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function inviteThroughApi(account: TestAccount, body: Record<string, unknown>): Promise<UserBody> {
  const res = await t.call({
    method: 'POST',
    url: `/v1/accounts/${account.accountId}/users/invite`,
    token: account.token,
    body: { user_name: 'Someone', environments: {}, allow_login_password: true, ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<UserBody>();
}

describe('get user', () => {
  it('returns every field of the reference for an invited user', async () => {
    const account = await createAccount(t, { adminEmail: 'boss@read.example' });
    const prod = account.environments.Production ?? '';
    const staging = account.environments.Staging ?? '';
    t.clock.advance(5_000);
    const invitedAt = `${t.clock.now().toISOString().slice(0, 23)}000`;
    const invited = await inviteThroughApi(account, {
      user_name: 'Grace Hopper',
      user_email: 'Grace@Read.Example',
      environments: { [prod]: { role: 'developer' }, [staging]: { role: 'viewer' } },
      allow_login_password: false,
      allow_login_google: true,
      allow_login_sso: true,
    });
    const teamB = await addTeam(t, account.accountId);
    const teamA = await addTeam(t, account.accountId);
    await attach(account, teamA, [invited.user_id]);
    await attach(account, teamB, [invited.user_id]);

    const user = await getUser(account, invited.user_id);
    expect(Object.keys(user).sort()).toEqual([...REFERENCE_USER_FIELDS].sort());
    expect(user).toEqual({
      user_id: invited.user_id,
      user_email: 'grace@read.example',
      user_name: 'Grace Hopper',
      environments: { [prod]: { role: 'developer' }, [staging]: { role: 'viewer' } },
      is_admin: false,
      status: 'invited',
      created_at: invitedAt,
      last_login: null,
      updated_at: expect.stringMatching(TIMESTAMP) as string,
      groups: [teamA, teamB].sort(),
      source: 'rivery',
      invited_by: 'boss@read.example',
      is_active: true,
      onboarding: DEFAULT_ONBOARDING,
      is_super_admin: false,
      allow_login_password: false,
      allow_login_google: true,
      allow_login_sso: true,
    });
    expect(user.user_id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('shows the bootstrap admin as active, invited by nobody', async () => {
    const account = await createAccount(t);
    const admin = await getUser(account, account.adminId);
    expect(admin).toMatchObject({
      user_id: account.adminId,
      user_email: account.adminEmail,
      user_name: 'Account Admin',
      is_admin: true,
      status: 'active',
      invited_by: null,
      is_active: true,
      is_super_admin: false,
      groups: [],
      environments: {},
      onboarding: DEFAULT_ONBOARDING,
      last_login: null,
    });
    expect(admin.created_at).toMatch(TIMESTAMP);
    expect(admin.updated_at).toMatch(TIMESTAMP);
  });

  it('shows last_login to the microsecond once the user has signed in', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId);
    await t.db
      .update(memberships)
      .set({ lastLogin: '2026-01-14 23:59:59.654321+00' })
      .where(and(eq(memberships.accountId, account.accountId), eq(memberships.userId, userId)));
    expect((await getUser(account, userId)).last_login).toBe('2026-01-14T23:59:59.654321');
  });

  it('shows a super admin as such, in every account they belong to', async () => {
    const boot = await bootstrapAccount(t.deps, systemContext('test'), {
      accountName: 'Super',
      adminEmail: 'super@read.example',
      adminName: 'Super Person',
      environmentNames: ['Production'],
      superAdmin: true,
    });
    const superAccount: TestAccount = {
      accountId: boot.accountId,
      adminId: boot.userId,
      adminEmail: 'super@read.example',
      environments: boot.environments,
      token: boot.token,
    };
    expect((await getUser(superAccount, boot.userId)).is_super_admin).toBe(true);
    const elsewhere = await createAccount(t);
    const member = await inviteThroughApi(elsewhere, { user_email: 'super@read.example' });
    expect(member.user_id).toBe(boot.userId);
    expect(await getUser(elsewhere, boot.userId)).toMatchObject({ is_super_admin: true, is_admin: false });
  });

  it('lists the user’s teams as sorted team ids, and no longer a team they left', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId);
    const teams = [await addTeam(t, account.accountId), await addTeam(t, account.accountId)];
    expect((await getUser(account, userId)).groups).toEqual([]);
    await attach(account, teams[0] ?? '', [userId]);
    await attach(account, teams[1] ?? '', [userId]);
    expect((await getUser(account, userId)).groups).toEqual([...teams].sort());
    await attach(account, teams[0] ?? '', [userId], 'detach');
    expect((await getUser(account, userId)).groups).toEqual([teams[1]]);
  });

  it('refuses a malformed user id with 422 at path.user_id', async () => {
    const account = await createAccount(t);
    for (const bad of ['ABC', 'F'.repeat(24), 'f'.repeat(23), 'f'.repeat(25), 'gggggggggggggggggggggggg', 'me']) {
      for (const path of [bad, `${bad}/permissions`]) {
        const res = await get(account, path);
        expect(res.statusCode, path).toBe(422);
        expect(res.json()).toEqual({
          detail: [
            {
              loc: ['path', 'user_id'],
              msg: "String should match pattern '^[0-9a-f]{24}$'",
              type: 'string_pattern_mismatch',
            },
          ],
        });
      }
    }
  });

  it('answers 404 with a detail for an unknown id', async () => {
    const account = await createAccount(t);
    for (const path of [UNKNOWN_ID, `${UNKNOWN_ID}/permissions`]) {
      const res = await get(account, path);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: 'User not found' });
    }
  });

  it('answers 404 for a member of another account, as for an unknown id', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const stranger = await addUser(t, other.accountId);
    for (const path of [stranger.userId, `${stranger.userId}/permissions`, other.adminId]) {
      const res = await get(account, path);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: 'User not found' });
    }
    expect((await getUser(other, stranger.userId)).user_id).toBe(stranger.userId);
  });

  it('answers 404 for a user removed from the account', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId);
    const removed = await t.call({
      method: 'DELETE',
      url: `/v1/accounts/${account.accountId}/users/${userId}`,
      token: account.token,
    });
    expect(removed.statusCode).toBe(200);
    expect((await get(account, userId)).json()).toEqual({ detail: 'User not found' });
    expect((await get(account, `${userId}/permissions`)).statusCode).toBe(404);
  });
});

describe('user permissions', () => {
  it('gives an admin the admin role in every environment and every account privilege', async () => {
    const account = await createAccount(t, { environments: ['Production', 'Staging', 'Development'] });
    const permissions = await permissionsOf(account, account.adminId);
    const adminAccess = { role: 'admin', roles: ['admin'], privileges: privilegesOf('admin') };
    expect(permissions).toEqual({
      environments: Object.fromEntries(Object.values(account.environments).map((env) => [env, adminAccess])),
      account_privileges: [...ACCOUNT_PRIVILEGES],
    });
    expect(Object.keys(permissions.environments)).toHaveLength(3);
  });

  it('gives an invited admin the same, whatever roles they were given', async () => {
    const account = await createAccount(t);
    const prod = account.environments.Production ?? '';
    const { userId } = await addUser(t, account.accountId, { isAdmin: true, environments: { [prod]: 'viewer' } });
    const permissions = await permissionsOf(account, userId);
    expect(permissions.account_privileges).toEqual([...ACCOUNT_PRIVILEGES]);
    for (const env of Object.values(account.environments)) {
      expect(permissions.environments[env]).toEqual({
        role: 'admin',
        roles: ['admin'],
        privileges: privilegesOf('admin'),
      });
    }
  });

  it('unites a member’s own role in one environment with a team’s role in another', async () => {
    const account = await createAccount(t, { environments: ['Production', 'Staging', 'Development'] });
    const { Production: prod = '', Staging: staging = '' } = account.environments;
    const team = await addTeam(t, account.accountId, { environments: { [staging]: 'viewer' } });
    const { userId } = await addUser(t, account.accountId, { environments: { [prod]: 'connection_viewer' } });
    await attach(account, team, [userId]);
    expect(await permissionsOf(account, userId)).toEqual({
      environments: {
        [prod]: { role: 'connection_viewer', roles: ['connection_viewer'], privileges: ['connections:view'] },
        [staging]: { role: 'viewer', roles: ['viewer'], privileges: privilegesOf('viewer') },
      },
      account_privileges: [],
    });
  });

  it('lists both the own role and a team’s role in the same environment, with their privileges', async () => {
    const account = await createAccount(t);
    const prod = account.environments.Production ?? '';
    const team = await addTeam(t, account.accountId, { environments: { [prod]: 'deployment_manager' } });
    const { userId } = await addUser(t, account.accountId, { environments: { [prod]: 'connection_viewer' } });
    await attach(account, team, [userId]);
    const permissions = await permissionsOf(account, userId);
    expect(permissions.environments).toEqual({
      [prod]: {
        role: 'connection_viewer',
        roles: ['connection_viewer', 'deployment_manager'],
        privileges: privilegesOf('connection_viewer', 'deployment_manager'),
      },
    });
    expect(permissions.environments[prod]?.privileges).toContain('deployments:manage');
  });

  it('counts a role given twice once, and names a team role when the user has none of their own', async () => {
    const account = await createAccount(t);
    const { Production: prod = '', Staging: staging = '' } = account.environments;
    const viewers = await addTeam(t, account.accountId, { environments: { [prod]: 'viewer', [staging]: 'viewer' } });
    const deployers = await addTeam(t, account.accountId, { environments: { [staging]: 'deployment_manager' } });
    const { userId } = await addUser(t, account.accountId, { environments: { [prod]: 'viewer' } });
    await attach(account, viewers, [userId]);
    await attach(account, deployers, [userId]);
    const { environments } = await permissionsOf(account, userId);
    expect(environments[prod]).toEqual({ role: 'viewer', roles: ['viewer'], privileges: privilegesOf('viewer') });
    expect(environments[staging]).toEqual({
      role: 'deployment_manager',
      roles: ['deployment_manager', 'viewer'],
      privileges: privilegesOf('deployment_manager', 'viewer'),
    });
  });

  it('drops a team’s roles once the user leaves the team', async () => {
    const account = await createAccount(t);
    const staging = account.environments.Staging ?? '';
    const team = await addTeam(t, account.accountId, { environments: { [staging]: 'developer' } });
    const { userId } = await addUser(t, account.accountId);
    await attach(account, team, [userId]);
    expect(Object.keys((await permissionsOf(account, userId)).environments)).toEqual([staging]);
    await attach(account, team, [userId], 'detach');
    expect((await permissionsOf(account, userId)).environments).toEqual({});
  });

  it('uses the account’s own custom roles, never another account’s role of the same key', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const prod = account.environments.Production ?? '';
    const stamp = t.clock.now().toISOString();
    await insertCustomRole(t.db, {
      accountId: account.accountId,
      key: 'auditor',
      name: 'Auditor',
      privileges: ['activities:view', 'rivers:view'],
      createdAt: stamp,
      updatedAt: stamp,
    });
    await insertCustomRole(t.db, {
      accountId: other.accountId,
      key: 'auditor',
      name: 'Auditor elsewhere',
      privileges: ['rivers:edit', 'connections:edit'],
      createdAt: stamp,
      updatedAt: stamp,
    });
    const { userId } = await addUser(t, account.accountId, { environments: { [prod]: 'auditor' } });
    expect((await permissionsOf(account, userId)).environments).toEqual({
      [prod]: { role: 'auditor', roles: ['auditor'], privileges: ['activities:view', 'rivers:view'] },
    });
  });

  it('holds a feature’s privileges only while the account has the feature', async () => {
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
    const setFeatures = (features: string[]) =>
      t.db.update(accounts).set({ features }).where(eq(accounts.id, account.accountId));

    expect((await permissionsOf(account, userId)).environments[prod]?.privileges).toEqual(['rivers:view']);
    expect((await permissionsOf(account, account.adminId)).environments[prod]?.privileges).toEqual(
      privilegesOf('admin'),
    );

    await setFeatures(['advanced_environment_access']);
    expect((await permissionsOf(account, userId)).environments[prod]?.privileges).toEqual([
      'environment:access_view',
      'rivers:view',
    ]);
    expect((await permissionsOf(account, account.adminId)).environments[prod]?.privileges).toEqual(
      [...privilegesOf('admin'), 'environment:access_manage', 'environment:access_view'].sort(),
    );

    await setFeatures([]);
    expect((await permissionsOf(account, userId)).environments[prod]?.privileges).toEqual(['rivers:view']);
  });

  it('gives a member the account privileges of a custom role they hold in any environment', async () => {
    const account = await createAccount(t);
    const staging = account.environments.Staging ?? '';
    const stamp = t.clock.now().toISOString();
    await insertCustomRole(t.db, {
      accountId: account.accountId,
      key: 'people_reader',
      name: 'People reader',
      privileges: ['users:view', 'rivers:view'],
      createdAt: stamp,
      updatedAt: stamp,
    });
    const { userId } = await addUser(t, account.accountId, { environments: { [staging]: 'people_reader' } });
    const permissions = await permissionsOf(account, userId);
    expect(permissions.account_privileges).toEqual(['users:view']);
    expect(permissions.environments[staging]?.privileges).toEqual(['rivers:view']);

    const token = await issueToken(t, account.accountId, userId, ['user:list', 'user:edit']);
    const list = await t.call({ method: 'GET', url: `/v1/accounts/${account.accountId}/users`, token });
    expect(list.statusCode, list.body).toBe(200);
    const edit = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/${userId}`,
      token,
      body: { user_name: 'Not allowed' },
    });
    expect(edit.statusCode).toBe(403);
    expect(edit.json<{ detail: string }>().detail).toContain('users:manage');
  });

  it('gives a member without roles no environments and no account privileges', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId);
    expect(await permissionsOf(account, userId)).toEqual({ environments: {}, account_privileges: [] });
  });

  it('gives an inactive user nothing, and everything back once reactivated', async () => {
    const account = await createAccount(t);
    const { Production: prod = '', Staging: staging = '' } = account.environments;
    const team = await addTeam(t, account.accountId, { environments: { [staging]: 'viewer' } });
    const { userId } = await addUser(t, account.accountId, { environments: { [prod]: 'developer' } });
    await attach(account, team, [userId]);
    const active = await permissionsOf(account, userId);
    expect(Object.keys(active.environments).sort()).toEqual([prod, staging].sort());

    await setActive(account, userId, false);
    expect(await permissionsOf(account, userId)).toEqual({ environments: {}, account_privileges: [] });
    // The roles themselves are kept: the user still shows them.
    expect((await getUser(account, userId)).environments).toEqual({ [prod]: { role: 'developer' } });

    await setActive(account, userId, true);
    expect(await permissionsOf(account, userId)).toEqual(active);
  });

  it('gives an inactive admin nothing either', async () => {
    const account = await createAccount(t);
    const { userId } = await addUser(t, account.accountId, { isAdmin: true });
    await setActive(account, userId, false);
    expect(await permissionsOf(account, userId)).toEqual({ environments: {}, account_privileges: [] });
  });
});

describe('one person in two accounts', () => {
  const identityCount = async (email: string): Promise<number> => {
    const [row] = await t.db.select({ n: count() }).from(identities).where(eq(identities.email, email));
    return row?.n ?? 0;
  };

  it('is one identity with the same user id, with separate memberships', async () => {
    const a = await createAccount(t);
    const b = await createAccount(t);
    const bProd = b.environments.Production ?? '';
    const inA = await inviteThroughApi(a, { user_name: 'Linus', user_email: 'linus@two.example' });
    t.clock.advance(60_000);
    const inB = await inviteThroughApi(b, {
      user_name: 'Linus in B',
      user_email: 'LINUS@two.example',
      environments: { [bProd]: { role: 'developer' } },
      is_admin: true,
    });
    expect(inB.user_id).toBe(inA.user_id);
    expect(await identityCount('linus@two.example')).toBe(1);

    const seenFromA = await getUser(a, inA.user_id);
    const seenFromB = await getUser(b, inA.user_id);
    expect(seenFromA).toMatchObject({
      user_name: 'Linus',
      is_admin: false,
      environments: {},
      invited_by: a.adminEmail,
    });
    expect(seenFromB).toMatchObject({
      user_name: 'Linus in B',
      is_admin: true,
      environments: { [bProd]: { role: 'developer' } },
      invited_by: b.adminEmail,
    });
    expect(seenFromB.created_at > seenFromA.created_at).toBe(true);
    expect((await permissionsOf(a, inA.user_id)).environments).toEqual({});
    expect((await permissionsOf(b, inA.user_id)).account_privileges).toEqual([...ACCOUNT_PRIVILEGES]);
  });

  it('stays in the first account after being removed from the second', async () => {
    const a = await createAccount(t);
    const b = await createAccount(t);
    const inA = await inviteThroughApi(a, { user_name: 'Ken', user_email: 'ken@two.example' });
    const inB = await inviteThroughApi(b, { user_name: 'Ken', user_email: 'ken@two.example' });
    expect(inB.user_id).toBe(inA.user_id);
    const before = await getUser(a, inA.user_id);

    const removed = await t.call({
      method: 'DELETE',
      url: `/v1/accounts/${b.accountId}/users/${inB.user_id}`,
      token: b.token,
    });
    expect(removed.statusCode).toBe(200);
    expect((await get(b, inB.user_id)).statusCode).toBe(404);
    expect(await getUser(a, inA.user_id)).toEqual(before);
    expect(await identityCount('ken@two.example')).toBe(1);
    const listA = await t.call({
      method: 'GET',
      url: `/v1/accounts/${a.accountId}/users?email=ken@two.example`,
      token: a.token,
    });
    expect(listA.json<{ items: { user_id: string }[] }>().items.map((item) => item.user_id)).toEqual([inA.user_id]);
  });
});
