import type { LightMyRequestResponse } from 'fastify';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '../../core/secrets.js';
import { toWireTimestamp } from '../../core/time.js';
import {
  apiTokens,
  auditEvents,
  identities,
  membershipRoles,
  memberships,
  teamMembers,
} from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, type TestAccount } from '../../../test/factories.js';
import type { UserResponse } from './users.schemas.js';

const t = useTestApp();

/** Asymmetric matchers, typed as the values they stand for. */
const anyString: unknown = expect.any(String);
const anyArray: unknown = expect.any(Array);
const containing = (text: string): unknown => expect.stringContaining(text);
const including = (fields: object): unknown => expect.objectContaining(fields);

interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** A well-formed id that names nothing. */
const MISSING_ID = 'ffffffffffffffffffffffff';

let requestCounter = 0;
const newRequestId = (): string => `write-test-${String(++requestCounter)}`;

const usersUrl = (account: TestAccount, rest = ''): string => `/v1/accounts/${account.accountId}/users${rest}`;

function environmentId(account: TestAccount, name: string): string {
  const id = account.environments[name];
  if (id === undefined) throw new Error(`The account has no ${name} environment`);
  return id;
}

function call(
  account: TestAccount,
  method: 'PATCH' | 'DELETE' | 'GET',
  rest: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return t.call({
    method,
    url: usersUrl(account, rest),
    token: account.token,
    ...(body === undefined ? {} : { body }),
    ...(headers === undefined ? {} : { headers }),
  });
}

const patchUser = (account: TestAccount, userId: string, body: unknown, headers?: Record<string, string>) =>
  call(account, 'PATCH', `/${userId}`, body, headers);
const setSource = (account: TestAccount, userId: string, source: unknown, headers?: Record<string, string>) =>
  call(account, 'PATCH', `/${userId}/source`, { source }, headers);
const setActive = (account: TestAccount, userId: string, isActive: unknown, headers?: Record<string, string>) =>
  call(account, 'PATCH', `/${userId}/active`, { is_active: isActive }, headers);
const deleteUser = (account: TestAccount, userId: string, headers?: Record<string, string>) =>
  call(account, 'DELETE', `/${userId}`, undefined, headers);
const attachDetach = (account: TestAccount, body: unknown, headers?: Record<string, string>) =>
  call(account, 'PATCH', '/teams', body, headers);

async function attachToTeam(account: TestAccount, team: string, userId: string): Promise<void> {
  const res = await attachDetach(account, { operation: 'attach', team_id: team, user_ids: [userId] });
  expect(res.statusCode).toBe(200);
}

async function fetchUser(account: TestAccount, userId: string): Promise<UserResponse> {
  const res = await call(account, 'GET', `/${userId}`);
  expect(res.statusCode).toBe(200);
  return res.json<UserResponse>();
}

function userOf(res: LightMyRequestResponse): UserResponse {
  expect(res.statusCode).toBe(200);
  return res.json<UserResponse>();
}

function problemsOf(res: LightMyRequestResponse): Problem[] {
  expect(res.statusCode).toBe(422);
  return res.json<{ detail: Problem[] }>().detail;
}

function conflictDetail(res: LightMyRequestResponse): string {
  expect(res.statusCode).toBe(409);
  const { detail } = res.json<{ detail: unknown }>();
  expect(typeof detail).toBe('string');
  return String(detail);
}

/** What a refused request must leave as it was: the account's memberships, roles, team memberships and audit log. */
async function accountState(accountId: string) {
  const users = await t.db
    .select()
    .from(memberships)
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(memberships.userId));
  const roles = await t.db
    .select()
    .from(membershipRoles)
    .where(eq(membershipRoles.accountId, accountId))
    .orderBy(asc(membershipRoles.userId), asc(membershipRoles.environmentId));
  const teams = await t.db
    .select()
    .from(teamMembers)
    .where(eq(teamMembers.accountId, accountId))
    .orderBy(asc(teamMembers.teamId), asc(teamMembers.userId));
  const audit = await t.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.accountId, accountId))
    .orderBy(asc(auditEvents.id));
  return { users, roles, teams, audit };
}

async function auditRowsOf(requestId: string) {
  return t.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));
}

async function tokenIdOf(account: TestAccount): Promise<string> {
  const [row] = await t.db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.accountId, account.accountId),
        eq(apiTokens.tokenHash, keyedHash(t.config.secret, 'api-token', account.token)),
      ),
    );
  if (row === undefined) throw new Error('The account token is not stored');
  return row.id;
}

/**
 * Verifies the account's token once, so requests sent together are authorized as the admin its
 * owner is now: tokens are re-checked after a second of (test) clock time, which does not pass.
 * Without it, a request checked after its owner lost admin would answer 403 instead of reaching
 * the guard under test.
 */
async function authorizeTokenNow(account: TestAccount): Promise<void> {
  expect((await call(account, 'GET', `/${account.adminId}`)).statusCode).toBe(200);
}

async function activeAdminIds(accountId: string): Promise<string[]> {
  const rows = await t.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.isAdmin, true), eq(memberships.isActive, true)));
  return rows.map((row) => row.userId);
}

describe('PATCH /users/{id}', () => {
  it('changes only the fields sent', async () => {
    const account = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const user = await addUser(t, account.accountId, { environments: { [prod]: 'developer' } });
    const before = await fetchUser(account, user.userId);
    t.clock.advance(60_000);

    const after = userOf(await patchUser(account, user.userId, { user_name: 'Renamed Person' }));

    expect(after.user_name).toBe('Renamed Person');
    expect({ ...after, user_name: before.user_name, updated_at: before.updated_at }).toEqual(before);
    expect(await fetchUser(account, user.userId)).toEqual(after);
  });

  it('leaves every field unchanged when all of them are null', async () => {
    const account = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const user = await addUser(t, account.accountId, { environments: { [prod]: 'developer' } });
    const before = await fetchUser(account, user.userId);
    const state = await accountState(account.accountId);
    t.clock.advance(60_000);

    const res = await patchUser(account, user.userId, {
      user_name: null,
      environments: null,
      is_admin: null,
      allow_login_google: null,
      allow_login_password: null,
    });

    expect(userOf(res)).toEqual(before);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('leaves the user unchanged for an empty body', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const before = await fetchUser(account, user.userId);
    const state = await accountState(account.accountId);

    expect(userOf(await patchUser(account, user.userId, {}))).toEqual(before);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('changes the admin and login flags', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId, { allowLoginPassword: true });

    const after = userOf(
      await patchUser(account, user.userId, {
        is_admin: true,
        allow_login_google: true,
        allow_login_password: false,
      }),
    );

    expect(after).toMatchObject({ is_admin: true, allow_login_google: true, allow_login_password: false });
    expect(after.allow_login_sso).toBe(false);
    expect(await fetchUser(account, user.userId)).toEqual(after);
  });

  it('trims the user name', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    expect(userOf(await patchUser(account, user.userId, { user_name: '  Ann Lee  ' })).user_name).toBe('Ann Lee');
  });

  it('refuses a user name of only spaces and changes nothing', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const state = await accountState(account.accountId);

    const problems = problemsOf(await patchUser(account, user.userId, { user_name: '   ' }));

    expect(problems.map((p) => p.loc)).toEqual([['body', 'user_name']]);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('replaces the whole environments map', async () => {
    const account = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const staging = environmentId(account, 'Staging');
    const user = await addUser(t, account.accountId, { environments: { [prod]: 'developer', [staging]: 'viewer' } });

    const after = userOf(await patchUser(account, user.userId, { environments: { [staging]: { role: 'member' } } }));

    expect(after.environments).toEqual({ [staging]: { role: 'member' } });
    expect((await fetchUser(account, user.userId)).environments).toEqual({ [staging]: { role: 'member' } });
  });

  it('removes every environment for an empty map', async () => {
    const account = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const user = await addUser(t, account.accountId, { environments: { [prod]: 'developer' } });

    expect(userOf(await patchUser(account, user.userId, { environments: {} })).environments).toEqual({});
    expect((await fetchUser(account, user.userId)).environments).toEqual({});
  });

  it('refuses an unknown environment id, at its key, and changes nothing', async () => {
    const account = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const user = await addUser(t, account.accountId, { environments: { [prod]: 'developer' } });
    const state = await accountState(account.accountId);

    const problems = problemsOf(
      await patchUser(account, user.userId, {
        user_name: 'Should Not Stick',
        environments: { [prod]: { role: 'viewer' }, [MISSING_ID]: { role: 'viewer' } },
      }),
    );

    expect(problems).toEqual([
      { loc: ['body', 'environments', MISSING_ID], msg: containing(MISSING_ID), type: anyString },
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('treats an environment of another account as unknown', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const foreign = environmentId(other, 'Production');
    const user = await addUser(t, account.accountId);
    const state = await accountState(account.accountId);

    const problems = problemsOf(
      await patchUser(account, user.userId, { environments: { [foreign]: { role: 'viewer' } } }),
    );

    expect(problems.map((p) => p.loc)).toEqual([['body', 'environments', foreign]]);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('refuses an unknown role, at the environment role, and changes nothing', async () => {
    const account = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const staging = environmentId(account, 'Staging');
    const user = await addUser(t, account.accountId, { environments: { [prod]: 'developer' } });
    const state = await accountState(account.accountId);

    const problems = problemsOf(
      await patchUser(account, user.userId, {
        is_admin: true,
        environments: { [prod]: { role: 'viewer' }, [staging]: { role: 'no_such_role' } },
      }),
    );

    expect(problems).toEqual([
      {
        loc: ['body', 'environments', staging, 'role'],
        msg: containing('no_such_role'),
        type: anyString,
      },
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('reports every bad environment entry at once', async () => {
    const account = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const user = await addUser(t, account.accountId);

    const problems = problemsOf(
      await patchUser(account, user.userId, {
        environments: { [prod]: { role: 'no_such_role' }, [MISSING_ID]: { role: 'viewer' } },
      }),
    );

    expect(problems.map((p) => p.loc)).toEqual(
      expect.arrayContaining([
        ['body', 'environments', prod, 'role'],
        ['body', 'environments', MISSING_ID],
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  it('refuses a user_name that is not a string', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const state = await accountState(account.accountId);

    const problems = problemsOf(await patchUser(account, user.userId, { user_name: 42 }));

    expect(problems).toEqual([
      { loc: ['body', 'user_name'], msg: 'Input should be a valid string', type: 'string_type' },
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('refuses a role that is not an object with a role', async () => {
    const account = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const user = await addUser(t, account.accountId);

    const problems = problemsOf(await patchUser(account, user.userId, { environments: { [prod]: 'developer' } }));

    expect(problems).toEqual([{ loc: ['body', 'environments', prod], msg: anyString, type: 'dict_type' }]);
  });

  it('refuses an unknown field and changes nothing', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const state = await accountState(account.accountId);

    const problems = problemsOf(await patchUser(account, user.userId, { user_name: 'New Name', nickname: 'Nick' }));

    expect(problems).toEqual([
      { loc: ['body', 'nickname'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('refuses to edit a user managed by Active Directory, while source and active still change', async () => {
    const account = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const user = await addUser(t, account.accountId, { environments: { [prod]: 'developer' } });
    expect(userOf(await setSource(account, user.userId, 'active_directory')).source).toBe('active_directory');
    const state = await accountState(account.accountId);

    for (const body of [{ user_name: 'Edited' }, { environments: {} }, { is_admin: true }, {}]) {
      expect(conflictDetail(await patchUser(account, user.userId, body))).toMatch(/Active Directory/);
    }
    expect(await accountState(account.accountId)).toEqual(state);

    expect(userOf(await setActive(account, user.userId, false)).is_active).toBe(false);
    expect(userOf(await setActive(account, user.userId, true)).is_active).toBe(true);
    expect(userOf(await setSource(account, user.userId, 'rivery')).source).toBe('rivery');
    expect(userOf(await patchUser(account, user.userId, { user_name: 'Edited' })).user_name).toBe('Edited');
  });

  it('moves updated_at to the time of the change and keeps created_at', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const before = await fetchUser(account, user.userId);
    t.clock.advanceHours(5);

    const after = userOf(await patchUser(account, user.userId, { allow_login_google: true }));

    expect(after.updated_at).toBe(toWireTimestamp(t.clock.now()));
    expect(after.updated_at).not.toBe(before.updated_at);
    expect(after.created_at).toBe(before.created_at);
  });
});

describe('PATCH /users/{id}/source', () => {
  it('sets the source to active_directory and back to rivery', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    expect((await fetchUser(account, user.userId)).source).toBe('rivery');
    t.clock.advance(1_000);

    const directory = userOf(await setSource(account, user.userId, 'active_directory'));
    expect(directory.source).toBe('active_directory');
    expect(directory.updated_at).toBe(toWireTimestamp(t.clock.now()));
    expect((await fetchUser(account, user.userId)).source).toBe('active_directory');

    expect(userOf(await setSource(account, user.userId, 'rivery')).source).toBe('rivery');
  });

  it('refuses a source outside the enum and changes nothing', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const state = await accountState(account.accountId);

    for (const source of ['ldap', 'RIVERY', '', 1, null]) {
      const problems = problemsOf(await setSource(account, user.userId, source));
      expect(problems).toEqual([
        { loc: ['body', 'source'], msg: "Input should be 'rivery' or 'active_directory'", type: 'enum' },
      ]);
    }
    expect(problemsOf(await patchUser(account, `${user.userId}/source`, {}))).toEqual([
      { loc: ['body', 'source'], msg: 'Field required', type: 'missing' },
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('writes nothing when the source is already the one asked for', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const before = await fetchUser(account, user.userId);
    const state = await accountState(account.accountId);
    t.clock.advance(1_000);

    expect(userOf(await setSource(account, user.userId, 'rivery'))).toEqual(before);
    expect(await accountState(account.accountId)).toEqual(state);
  });
});

describe('PATCH /users/{id}/active', () => {
  it('deactivates and reactivates a user', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);

    expect(userOf(await setActive(account, user.userId, false)).is_active).toBe(false);
    expect((await fetchUser(account, user.userId)).is_active).toBe(false);
    expect(userOf(await setActive(account, user.userId, true)).is_active).toBe(true);
    expect((await fetchUser(account, user.userId)).is_active).toBe(true);
  });

  it('requires is_active as a boolean', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    const state = await accountState(account.accountId);

    expect(problemsOf(await patchUser(account, `${user.userId}/active`, {}))).toEqual([
      { loc: ['body', 'is_active'], msg: 'Field required', type: 'missing' },
    ]);
    expect(problemsOf(await setActive(account, user.userId, null))).toEqual([
      { loc: ['body', 'is_active'], msg: 'Input should be a valid boolean', type: 'bool_type' },
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
  });
});

describe('DELETE /users/{id}', () => {
  it('removes the membership but keeps the identity and its membership in another account', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const user = await addUser(t, account.accountId, { environments: { [prod]: 'developer' } });
    const elsewhere = await addUser(t, other.accountId, { userEmail: user.email });
    expect(elsewhere.userId).toBe(user.userId);
    const team = await addTeam(t, account.accountId);
    expect(
      (await attachDetach(account, { operation: 'attach', team_id: team, user_ids: [user.userId] })).statusCode,
    ).toBe(200);

    const res = await deleteUser(account, user.userId);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ account_id: account.accountId, user_id: user.userId, deleted: true });
    expect((await call(account, 'GET', `/${user.userId}`)).statusCode).toBe(404);
    const state = await accountState(account.accountId);
    expect(state.users.map((u) => u.userId)).not.toContain(user.userId);
    expect(state.roles.map((r) => r.userId)).not.toContain(user.userId);
    expect(state.teams.map((m) => m.userId)).not.toContain(user.userId);

    const [identity] = await t.db.select().from(identities).where(eq(identities.id, user.userId));
    expect(identity?.email).toBe(user.email);
    expect((await fetchUser(other, user.userId)).user_email).toBe(user.email);
  });

  it('answers 404 for a user already removed, and changes nothing', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId);
    expect((await deleteUser(account, user.userId)).statusCode).toBe(200);
    const state = await accountState(account.accountId);

    for (const res of [
      await deleteUser(account, user.userId),
      await patchUser(account, user.userId, { user_name: 'Ghost' }),
      await setActive(account, user.userId, false),
      await setSource(account, user.userId, 'active_directory'),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: 'User not found' });
    }
    expect(await accountState(account.accountId)).toEqual(state);
  });
});

describe('another account’s users', () => {
  it('answers 404 to every write with a user id of another account, and changes nothing there', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const stranger = await addUser(t, other.accountId);
    const theirs = await accountState(other.accountId);
    const ours = await accountState(account.accountId);

    for (const res of [
      await patchUser(account, stranger.userId, { user_name: 'Hijacked' }),
      await setSource(account, stranger.userId, 'active_directory'),
      await setActive(account, stranger.userId, false),
      await deleteUser(account, stranger.userId),
      await deleteUser(account, other.adminId),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: 'User not found' });
    }
    expect(await accountState(other.accountId)).toEqual(theirs);
    expect(await accountState(account.accountId)).toEqual(ours);
  });

  it('answers 404 to a token of one account used on another account’s path', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const stranger = await addUser(t, other.accountId);
    const theirs = await accountState(other.accountId);

    const res = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${other.accountId}/users/${stranger.userId}`,
      token: account.token,
      body: { user_name: 'Hijacked' },
    });

    expect(res.statusCode).toBe(404);
    expect(await accountState(other.accountId)).toEqual(theirs);
  });
});

describe('the last active admin', () => {
  it('cannot be demoted, deactivated or removed, and nothing changes', async () => {
    const account = await createAccount(t);
    await addUser(t, account.accountId);
    const state = await accountState(account.accountId);

    expect(conflictDetail(await patchUser(account, account.adminId, { is_admin: false }))).toMatch(/admin/);
    expect(
      conflictDetail(await patchUser(account, account.adminId, { user_name: 'Still Admin', is_admin: false })),
    ).toMatch(/admin/);
    expect(conflictDetail(await setActive(account, account.adminId, false))).toMatch(/admin/);
    expect(conflictDetail(await deleteUser(account, account.adminId))).toMatch(/admin/);

    expect(await accountState(account.accountId)).toEqual(state);
    expect(await activeAdminIds(account.accountId)).toEqual([account.adminId]);
  });

  it('may still be edited in ways that keep them an active admin', async () => {
    const account = await createAccount(t);
    const after = userOf(await patchUser(account, account.adminId, { user_name: 'Renamed Admin', is_admin: true }));
    expect(after).toMatchObject({ user_name: 'Renamed Admin', is_admin: true, is_active: true });
    expect(userOf(await setActive(account, account.adminId, true)).is_active).toBe(true);
  });

  it('can be demoted when a second active admin exists', async () => {
    const account = await createAccount(t);
    const second = await addUser(t, account.accountId, { isAdmin: true });

    expect(userOf(await patchUser(account, account.adminId, { is_admin: false })).is_admin).toBe(false);
    expect(await activeAdminIds(account.accountId)).toEqual([second.userId]);
  });

  it('can be deactivated when a second active admin exists', async () => {
    const account = await createAccount(t);
    const second = await addUser(t, account.accountId, { isAdmin: true });

    expect(userOf(await setActive(account, account.adminId, false)).is_active).toBe(false);
    expect(await activeAdminIds(account.accountId)).toEqual([second.userId]);
  });

  it('can be removed when a second active admin exists', async () => {
    const account = await createAccount(t);
    const second = await addUser(t, account.accountId, { isAdmin: true });

    expect((await deleteUser(account, account.adminId)).statusCode).toBe(200);
    expect(await activeAdminIds(account.accountId)).toEqual([second.userId]);
  });

  it('does not count an inactive second admin', async () => {
    const account = await createAccount(t);
    const second = await addUser(t, account.accountId, { isAdmin: true });
    expect(userOf(await setActive(account, second.userId, false)).is_active).toBe(false);
    const state = await accountState(account.accountId);

    conflictDetail(await patchUser(account, account.adminId, { is_admin: false }));
    conflictDetail(await setActive(account, account.adminId, false));
    conflictDetail(await deleteUser(account, account.adminId));

    expect(await accountState(account.accountId)).toEqual(state);
    expect(await activeAdminIds(account.accountId)).toEqual([account.adminId]);
  });

  it('lets an inactive admin be demoted or removed: they are not the one keeping the account', async () => {
    const account = await createAccount(t);
    const second = await addUser(t, account.accountId, { isAdmin: true });
    const third = await addUser(t, account.accountId, { isAdmin: true });
    userOf(await setActive(account, second.userId, false));
    userOf(await setActive(account, third.userId, false));

    expect(userOf(await patchUser(account, second.userId, { is_admin: false })).is_admin).toBe(false);
    expect((await deleteUser(account, third.userId)).statusCode).toBe(200);
    expect(await activeAdminIds(account.accountId)).toEqual([account.adminId]);
  });

  it('keeps one of two admins demoted at the same time', async () => {
    for (let round = 0; round < 5; round += 1) {
      const account = await createAccount(t);
      const second = await addUser(t, account.accountId, { isAdmin: true });
      await authorizeTokenNow(account);

      const results = await Promise.all([
        patchUser(account, account.adminId, { is_admin: false }),
        patchUser(account, second.userId, { is_admin: false }),
      ]);

      expect(results.map((res) => res.statusCode).sort()).toEqual([200, 409]);
      const remaining = await activeAdminIds(account.accountId);
      expect(remaining).toHaveLength(1);
      const kept = results[0].statusCode === 409 ? account.adminId : second.userId;
      expect(remaining).toEqual([kept]);
    }
  });

  it('keeps one of two admins when one is deactivated and the other removed at the same time', async () => {
    for (let round = 0; round < 5; round += 1) {
      const account = await createAccount(t);
      const second = await addUser(t, account.accountId, { isAdmin: true });
      await authorizeTokenNow(account);

      const results = await Promise.all([
        setActive(account, account.adminId, false),
        deleteUser(account, second.userId),
      ]);

      expect(results.map((res) => res.statusCode).sort()).toEqual([200, 409]);
      expect(await activeAdminIds(account.accountId)).toHaveLength(1);
    }
  });
});

describe('PATCH /users/teams', () => {
  it('attaches users to a team, shown in their groups', async () => {
    const account = await createAccount(t);
    const team = await addTeam(t, account.accountId);
    const first = await addUser(t, account.accountId);
    const second = await addUser(t, account.accountId);

    const res = await attachDetach(account, {
      operation: 'attach',
      team_id: team,
      user_ids: [first.userId, second.userId],
    });

    expect(res.statusCode).toBe(200);
    const body = res.json<{ changed_user_ids: string[] }>();
    expect(body).toEqual({
      account_id: account.accountId,
      team_id: team,
      operation: 'attach',
      user_ids: [first.userId, second.userId],
      changed_user_ids: anyArray,
    });
    expect([...body.changed_user_ids].sort()).toEqual([first.userId, second.userId].sort());
    expect((await fetchUser(account, first.userId)).groups).toEqual([team]);
    expect((await fetchUser(account, second.userId)).groups).toEqual([team]);
  });

  it('changes nothing when attaching a member again', async () => {
    const account = await createAccount(t);
    const team = await addTeam(t, account.accountId);
    const user = await addUser(t, account.accountId);
    const body = { operation: 'attach', team_id: team, user_ids: [user.userId] };
    expect((await attachDetach(account, body)).json()).toMatchObject({ changed_user_ids: [user.userId] });
    const before = await fetchUser(account, user.userId);
    const state = await accountState(account.accountId);
    t.clock.advance(1_000);

    const again = await attachDetach(account, body);

    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ user_ids: [user.userId], changed_user_ids: [] });
    expect(await fetchUser(account, user.userId)).toEqual(before);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('adds a user named twice in one request once', async () => {
    const account = await createAccount(t);
    const team = await addTeam(t, account.accountId);
    const user = await addUser(t, account.accountId);

    const res = await attachDetach(account, {
      operation: 'attach',
      team_id: team,
      user_ids: [user.userId, user.userId],
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ changed_user_ids: [user.userId] });
    expect((await fetchUser(account, user.userId)).groups).toEqual([team]);
  });

  it('detaches members and changes nothing for users who were not members', async () => {
    const account = await createAccount(t);
    const team = await addTeam(t, account.accountId);
    const member = await addUser(t, account.accountId);
    const outsider = await addUser(t, account.accountId);
    await attachToTeam(account, team, member.userId);
    const outsiderBefore = await fetchUser(account, outsider.userId);
    t.clock.advance(1_000);

    const res = await attachDetach(account, {
      operation: 'detach',
      team_id: team,
      user_ids: [member.userId, outsider.userId],
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ operation: 'detach', changed_user_ids: [member.userId] });
    expect((await fetchUser(account, member.userId)).groups).toEqual([]);
    expect(await fetchUser(account, outsider.userId)).toEqual(outsiderBefore);

    const state = await accountState(account.accountId);
    const again = await attachDetach(account, { operation: 'detach', team_id: team, user_ids: [member.userId] });
    expect(again.json()).toMatchObject({ changed_user_ids: [] });
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('refuses an unknown team at team_id and changes nothing', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const foreignTeam = await addTeam(t, other.accountId);
    const user = await addUser(t, account.accountId);
    const state = await accountState(account.accountId);

    for (const teamId of [MISSING_ID, foreignTeam]) {
      const problems = problemsOf(
        await attachDetach(account, { operation: 'attach', team_id: teamId, user_ids: [user.userId] }),
      );
      expect(problems).toEqual([{ loc: ['body', 'team_id'], msg: containing(teamId), type: anyString }]);
    }
    expect(await accountState(account.accountId)).toEqual(state);
    expect(await accountState(other.accountId)).toMatchObject({ teams: [] });
  });

  it('names every unknown user id by its index and changes nothing for the valid ones', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const team = await addTeam(t, account.accountId);
    const known = await addUser(t, account.accountId);
    const stranger = await addUser(t, other.accountId);
    const state = await accountState(account.accountId);

    const problems = problemsOf(
      await attachDetach(account, {
        operation: 'attach',
        team_id: team,
        user_ids: [known.userId, MISSING_ID, account.adminId, stranger.userId],
      }),
    );

    expect(problems).toEqual([
      { loc: ['body', 'user_ids', 1], msg: containing(MISSING_ID), type: anyString },
      { loc: ['body', 'user_ids', 3], msg: containing(stranger.userId), type: anyString },
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
    expect((await fetchUser(account, known.userId)).groups).toEqual([]);
  });

  it('reports an unknown team and unknown users together', async () => {
    const account = await createAccount(t);
    const problems = problemsOf(
      await attachDetach(account, { operation: 'detach', team_id: MISSING_ID, user_ids: [MISSING_ID] }),
    );
    expect(problems.map((p) => p.loc)).toEqual([
      ['body', 'team_id'],
      ['body', 'user_ids', 0],
    ]);
  });

  it('refuses an operation other than attach or detach', async () => {
    const account = await createAccount(t);
    const team = await addTeam(t, account.accountId);
    const user = await addUser(t, account.accountId);
    const state = await accountState(account.accountId);

    const problems = problemsOf(
      await attachDetach(account, { operation: 'move', team_id: team, user_ids: [user.userId] }),
    );

    expect(problems).toEqual([
      { loc: ['body', 'operation'], msg: "Input should be 'attach' or 'detach'", type: 'enum' },
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('refuses ids that are not ids', async () => {
    const account = await createAccount(t);
    const team = await addTeam(t, account.accountId);

    const problems = problemsOf(
      await attachDetach(account, { operation: 'attach', team_id: team, user_ids: ['nope', 7] }),
    );

    expect(problems.map((p) => [p.loc, p.type])).toEqual([
      [['body', 'user_ids', 0], 'string_pattern_mismatch'],
      [['body', 'user_ids', 1], 'string_type'],
    ]);
  });
});

describe('audit', () => {
  it('records a user update with actor, token, target, before, after, request id and client ip', async () => {
    const account = await createAccount(t);
    const user = await addUser(t, account.accountId, { userName: 'Before Name' });
    const requestId = newRequestId();
    const auditBefore = (await accountState(account.accountId)).audit.length;

    userOf(await patchUser(account, user.userId, { user_name: 'After Name' }, { 'x-request-id': requestId }));

    const rows = await auditRowsOf(requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      accountId: account.accountId,
      action: 'user.update',
      actorType: 'token',
      actorId: account.adminId,
      tokenId: await tokenIdOf(account),
      targetType: 'user',
      targetId: user.userId,
      before: including({ user_name: 'Before Name', user_email: user.email }),
      after: including({ user_name: 'After Name', user_email: user.email }),
      requestId,
      clientIp: '127.0.0.1',
    });
    expect(JSON.stringify(rows)).not.toContain(account.token);
    expect((await accountState(account.accountId)).audit).toHaveLength(auditBefore + 1);
  });

  it('records each kind of change once, with its own action', async () => {
    const account = await createAccount(t);
    const team = await addTeam(t, account.accountId);
    const user = await addUser(t, account.accountId);
    const tokenId = await tokenIdOf(account);

    const changes: [string, (headers: Record<string, string>) => Promise<LightMyRequestResponse>, object][] = [
      [
        'user.source',
        (h) => setSource(account, user.userId, 'active_directory', h),
        {
          before: including({ source: 'rivery' }),
          after: including({ source: 'active_directory' }),
        },
      ],
      [
        'user.deactivate',
        (h) => setActive(account, user.userId, false, h),
        { before: including({ is_active: true }), after: including({ is_active: false }) },
      ],
      [
        'user.activate',
        (h) => setActive(account, user.userId, true, h),
        { before: including({ is_active: false }), after: including({ is_active: true }) },
      ],
      [
        'team.attach_users',
        (h) => attachDetach(account, { operation: 'attach', team_id: team, user_ids: [user.userId] }, h),
        { targetType: 'team', targetId: team, after: { user_ids: [user.userId] } },
      ],
      [
        'team.detach_users',
        (h) => attachDetach(account, { operation: 'detach', team_id: team, user_ids: [user.userId] }, h),
        { targetType: 'team', targetId: team, after: { user_ids: [user.userId] } },
      ],
      [
        'user.remove',
        (h) => deleteUser(account, user.userId, h),
        {
          targetType: 'user',
          targetId: user.userId,
          before: including({ user_email: user.email }),
          after: null,
        },
      ],
    ];

    for (const [action, send, expected] of changes) {
      const requestId = newRequestId();
      const res = await send({ 'x-request-id': requestId });
      expect(res.statusCode).toBe(200);
      const rows = await auditRowsOf(requestId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        accountId: account.accountId,
        action,
        actorType: 'token',
        actorId: account.adminId,
        tokenId,
        requestId,
        clientIp: '127.0.0.1',
        ...expected,
      });
    }
  });

  it('records no row for a refused change or a change that changes nothing', async () => {
    const account = await createAccount(t);
    const team = await addTeam(t, account.accountId);
    const user = await addUser(t, account.accountId);
    await attachToTeam(account, team, user.userId);
    const refused: ((headers: Record<string, string>) => Promise<LightMyRequestResponse>)[] = [
      (h) => patchUser(account, account.adminId, { is_admin: false }, h),
      (h) => setActive(account, account.adminId, false, h),
      (h) => deleteUser(account, account.adminId, h),
      (h) => patchUser(account, user.userId, { environments: { [MISSING_ID]: { role: 'viewer' } } }, h),
      (h) => patchUser(account, user.userId, { user_name: 42 }, h),
      (h) => setSource(account, user.userId, 'ldap', h),
      (h) => attachDetach(account, { operation: 'attach', team_id: team, user_ids: [MISSING_ID] }, h),
      (h) => patchUser(account, MISSING_ID, { user_name: 'Nobody' }, h),
      (h) => attachDetach(account, { operation: 'attach', team_id: team, user_ids: [user.userId] }, h),
      (h) => setSource(account, user.userId, 'rivery', h),
      (h) => setActive(account, user.userId, true, h),
      (h) => patchUser(account, user.userId, {}, h),
    ];
    const state = await accountState(account.accountId);

    for (const send of refused) {
      const requestId = newRequestId();
      const res = await send({ 'x-request-id': requestId });
      expect(res.statusCode).not.toBe(500);
      expect(await auditRowsOf(requestId)).toEqual([]);
    }
    expect(await accountState(account.accountId)).toEqual(state);
  });
});
