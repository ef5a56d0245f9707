import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, type TestAccount } from '../../../test/factories.js';

const t = useTestApp();

const get = (account: TestAccount, path: string) =>
  t.call({ method: 'GET', url: `/v1/accounts/${account.accountId}/users/${path}`, token: account.token });

interface Permissions {
  environments: Record<string, { role: string | null; roles: string[]; privileges: string[] }>;
  account_privileges: string[];
}

describe('get user', () => {
  it('returns every field of the reference, with groups as team ids', async () => {
    const account = await createAccount(t);
    const team = await addTeam(t, account.accountId);
    const { userId } = await addUser(t, account.accountId, { allowLoginGoogle: true });
    await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/teams`,
      token: account.token,
      body: { operation: 'attach', team_id: team, user_ids: [userId] },
    });
    const res = await get(account, userId);
    expect(res.statusCode).toBe(200);
    const user = res.json<Record<string, unknown>>();
    expect(user).toMatchObject({
      user_id: userId,
      groups: [team],
      is_super_admin: false,
      allow_login_password: true,
      allow_login_google: true,
      allow_login_sso: false,
      onboarding: {
        know_rivery_step: {
          onboarding_river_types: { status: false, update_time: null },
          onboarding_rivery_introduction: { status: false, update_time: null },
        },
        data_connections_step: { onboarding_add_connection: false },
        data_pipeline_step: { onboarding_create_s2t: false, onboarding_view_activities: false },
        transform_and_orchestrate_step: null,
        pre_built_solutions_step: null,
        invite_member_step: null,
      },
    });
    for (const key of ['created_at', 'updated_at'])
      expect(user[key]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
  });

  it('answers 404 for an unknown id and 422 for a malformed one', async () => {
    const account = await createAccount(t);
    expect((await get(account, 'ffffffffffffffffffffffff')).json()).toEqual({ detail: 'User not found' });
    const malformed = await get(account, 'ABC');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json()).toMatchObject({ detail: [{ loc: ['path', 'user_id'], type: 'string_pattern_mismatch' }] });
  });
});

describe('user permissions', () => {
  it('gives admins every privilege in every environment', async () => {
    const account = await createAccount(t);
    const res = await get(account, `${account.adminId}/permissions`);
    const permissions = res.json<Permissions>();
    expect(Object.keys(permissions.environments).sort()).toEqual(Object.values(account.environments).sort());
    for (const env of Object.values(permissions.environments)) {
      expect(env.role).toBe('admin');
      expect(env.privileges).toContain('rivers:edit');
    }
    expect(permissions.account_privileges).toContain('users:manage');
  });

  it('unites the user’s own role with their teams’ roles per environment', async () => {
    const account = await createAccount(t);
    const { Production: prod = '', Staging: staging = '' } = account.environments;
    const team = await addTeam(t, account.accountId, {
      environments: { [prod]: 'deployment_manager', [staging]: 'viewer' },
    });
    const { userId } = await addUser(t, account.accountId, { environments: { [prod]: 'connection_viewer' } });
    await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/teams`,
      token: account.token,
      body: { operation: 'attach', team_id: team, user_ids: [userId] },
    });
    const permissions = (await get(account, `${userId}/permissions`)).json<Permissions>();
    expect(permissions.environments[prod]).toMatchObject({
      role: 'connection_viewer',
      roles: ['connection_viewer', 'deployment_manager'],
    });
    expect(permissions.environments[prod]?.privileges).toEqual(
      expect.arrayContaining(['connections:view', 'deployments:manage']),
    );
    expect(permissions.environments[staging]).toMatchObject({ role: 'viewer', roles: ['viewer'] });
    expect(permissions.account_privileges).toEqual([]);
  });

  it('gives an inactive user nothing, and a user without roles no environments', async () => {
    const account = await createAccount(t);
    const prod = account.environments.Production ?? '';
    const { userId } = await addUser(t, account.accountId, { environments: { [prod]: 'developer' } });
    const bare = await addUser(t, account.accountId);
    expect((await get(account, `${bare.userId}/permissions`)).json<Permissions>().environments).toEqual({});
    await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/${userId}/active`,
      token: account.token,
      body: { is_active: false },
    });
    expect((await get(account, `${userId}/permissions`)).json<Permissions>().environments).toEqual({});
  });
});
