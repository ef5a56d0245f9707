import { and, asc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { toWireTimestamp } from '../../core/time.js';
import { auditEvents, teamMembers, teamRoles, teams } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { addTeam, addUser, createAccount, type TestAccount } from '../../../test/factories.js';
import type { UserResponse } from '../users/users.schemas.js';
import type { TeamResponse } from './teams.schemas.js';

const t = useTestApp();

interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const MISSING_ID = 'ffffffffffffffffffffffff';
let counter = 0;
const uniqueName = (prefix = 'Team'): string => `${prefix} ${String(++counter)}`;

function environmentId(account: TestAccount, name: string): string {
  const id = account.environments[name];
  if (id === undefined) throw new Error(`The account has no ${name} environment`);
  return id;
}

const teamsUrl = (account: TestAccount, rest = ''): string => `/v1/accounts/${account.accountId}/teams${rest}`;

const createTeam = (account: TestAccount, body: unknown): Promise<LightMyRequestResponse> =>
  t.call({ method: 'POST', url: teamsUrl(account), token: account.token, body });
const patchTeam = (account: TestAccount, teamId: string, body: unknown): Promise<LightMyRequestResponse> =>
  t.call({ method: 'PATCH', url: teamsUrl(account, `/${teamId}`), token: account.token, body });
const deleteTeam = (account: TestAccount, teamId: string): Promise<LightMyRequestResponse> =>
  t.call({ method: 'DELETE', url: teamsUrl(account, `/${teamId}`), token: account.token });

function teamOf(res: LightMyRequestResponse, status = 200): TeamResponse {
  expect(res.statusCode).toBe(status);
  return res.json<TeamResponse>();
}

function problemsOf(res: LightMyRequestResponse): Problem[] {
  expect(res.statusCode).toBe(422);
  return res.json<{ detail: Problem[] }>().detail;
}

async function fetchTeam(account: TestAccount, teamId: string): Promise<TeamResponse> {
  return teamOf(await t.call({ method: 'GET', url: teamsUrl(account, `/${teamId}`), token: account.token }));
}

async function fetchUser(account: TestAccount, userId: string): Promise<UserResponse> {
  const res = await t.call({
    method: 'GET',
    url: `/v1/accounts/${account.accountId}/users/${userId}`,
    token: account.token,
  });
  expect(res.statusCode).toBe(200);
  return res.json<UserResponse>();
}

async function attach(account: TestAccount, teamId: string, userIds: string[]): Promise<void> {
  const res = await t.call({
    method: 'PATCH',
    url: `/v1/accounts/${account.accountId}/users/teams`,
    token: account.token,
    body: { operation: 'attach', team_id: teamId, user_ids: userIds },
  });
  expect(res.statusCode).toBe(200);
}

/** What a refused request must leave as it was: the account's teams, their roles and members, and the audit log. */
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

async function auditOf(accountId: string, teamId: string) {
  return t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.targetId, teamId)))
    .orderBy(asc(auditEvents.occurredAt));
}

describe('POST /teams', () => {
  it('creates a team with trimmed name, defaults and no members, and audits it', async () => {
    const account = await createAccount(t);
    const production = environmentId(account, 'Production');
    const team = teamOf(
      await createTeam(account, {
        name: '  Data Engineers  ',
        description: 'Builds the pipelines',
        environments: { [production]: { role: 'developer' } },
      }),
      201,
    );
    const now = toWireTimestamp(t.clock.now());
    expect(team).toEqual({
      team_id: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown,
      name: 'Data Engineers',
      description: 'Builds the pipelines',
      environments: { [production]: { role: 'developer' } },
      source: 'rivery',
      user_count: 0,
      created_at: now,
      updated_at: now,
    });
    expect(await fetchTeam(account, team.team_id)).toEqual(team);

    const [event, ...more] = await auditOf(account.accountId, team.team_id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      action: 'team.create',
      targetType: 'team',
      actorType: 'token',
      actorId: account.adminId,
      after: {
        name: 'Data Engineers',
        description: 'Builds the pipelines',
        source: 'rivery',
        environments: { [production]: 'developer' },
      },
    });
  });

  it('accepts a team with only a name, and an active_directory source', async () => {
    const account = await createAccount(t);
    const plain = teamOf(await createTeam(account, { name: 'Plain' }), 201);
    expect(plain).toMatchObject({ description: '', environments: {}, source: 'rivery', user_count: 0 });
    const directory = teamOf(await createTeam(account, { name: 'Directory', source: 'active_directory' }), 201);
    expect(directory.source).toBe('active_directory');
  });

  it('refuses a name already taken in the account, whatever its case and spaces, and changes nothing', async () => {
    const account = await createAccount(t);
    teamOf(await createTeam(account, { name: 'Analysts' }), 201);
    const before = await teamState(account.accountId);

    for (const name of ['Analysts', 'ANALYSTS', '  analysts ']) {
      const res = await createTeam(account, { name });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ detail: 'A team with this name already exists in this account' });
    }
    expect(await teamState(account.accountId)).toEqual(before);
  });

  it('allows the same name in another account', async () => {
    const first = await createAccount(t);
    const second = await createAccount(t);
    teamOf(await createTeam(first, { name: 'Shared name' }), 201);
    teamOf(await createTeam(second, { name: 'Shared name' }), 201);
  });

  it('refuses invalid bodies with 422 at the field, and changes nothing', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const production = environmentId(account, 'Production');
    const before = await teamState(account.accountId);

    const cases: [unknown, Problem[]][] = [
      [{ name: '   ' }, [{ loc: ['body', 'name'], msg: 'Team name must not be blank', type: 'value_error' }]],
      [
        { name: 'X', colour: 'red' },
        [{ loc: ['body', 'colour'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' }],
      ],
      [{ description: 'no name' }, [{ loc: ['body', 'name'], msg: 'Field required', type: 'missing' }]],
      [
        { name: 'X', source: 'ldap' },
        [{ loc: ['body', 'source'], msg: "Input should be 'rivery' or 'active_directory'", type: 'enum' }],
      ],
      [
        { name: 'X', environments: { [production]: { role: 'no_such_role' } } },
        [
          {
            loc: ['body', 'environments', production, 'role'],
            msg: "Role 'no_such_role' does not exist in this account",
            type: 'value_error.role_not_found',
          },
        ],
      ],
      [
        { name: 'X', environments: { [environmentId(other, 'Production')]: { role: 'viewer' } } },
        [
          {
            loc: ['body', 'environments', environmentId(other, 'Production')],
            msg: `Environment ${environmentId(other, 'Production')} does not exist in this account`,
            type: 'value_error.environment_not_found',
          },
        ],
      ],
    ];
    for (const [body, problems] of cases) {
      expect(problemsOf(await createTeam(account, body))).toEqual(problems);
    }

    const loose: [unknown, (string | number)[]][] = [
      [{ name: '' }, ['body', 'name']],
      [{ name: 'x'.repeat(201) }, ['body', 'name']],
      [{ name: 7 }, ['body', 'name']],
      [{ name: 'X', description: 5 }, ['body', 'description']],
      [
        { name: 'X', environments: { [production]: { role: 'viewer', extra: 1 } } },
        ['body', 'environments', production, 'extra'],
      ],
      [{ name: 'X', environments: { [production]: 'viewer' } }, ['body', 'environments', production]],
      [{ name: 'X', environments: [] }, ['body', 'environments']],
    ];
    for (const [body, loc] of loose) {
      expect(problemsOf(await createTeam(account, body)).map((p) => p.loc)).toContainEqual(loc);
    }
    expect(problemsOf(await createTeam(account, '{"name": '))).toEqual([
      { loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' },
    ]);
    expect(await teamState(account.accountId)).toEqual(before);
  });
});

describe('PATCH /teams/{team_id}', () => {
  it('changes only the fields given, replaces the environments map, and audits before and after', async () => {
    const account = await createAccount(t);
    const production = environmentId(account, 'Production');
    const staging = environmentId(account, 'Staging');
    const created = teamOf(
      await createTeam(account, {
        name: 'Ops',
        description: 'Runs things',
        environments: { [production]: { role: 'viewer' } },
      }),
      201,
    );
    t.clock.advance(5_000);

    const renamed = teamOf(await patchTeam(account, created.team_id, { name: ' Operations ' }));
    expect(renamed).toEqual({ ...created, name: 'Operations', updated_at: toWireTimestamp(t.clock.now()) });

    t.clock.advance(1_000);
    const remapped = teamOf(
      await patchTeam(account, created.team_id, {
        environments: { [staging]: { role: 'developer' } },
        source: 'active_directory',
        description: '',
      }),
    );
    expect(remapped).toMatchObject({
      name: 'Operations',
      description: '',
      source: 'active_directory',
      environments: { [staging]: { role: 'developer' } },
    });
    expect(await fetchTeam(account, created.team_id)).toEqual(remapped);

    t.clock.advance(1_000);
    const cleared = teamOf(await patchTeam(account, created.team_id, { environments: {} }));
    expect(cleared.environments).toEqual({});

    const events = await auditOf(account.accountId, created.team_id);
    expect(events.map((e) => e.action)).toEqual(['team.create', 'team.update', 'team.update', 'team.update']);
    expect(events[1]).toMatchObject({
      before: { name: 'Ops', description: 'Runs things', environments: { [production]: 'viewer' } },
      after: { name: 'Operations', description: 'Runs things', environments: { [production]: 'viewer' } },
    });
    expect(events[2]).toMatchObject({
      after: { description: '', source: 'active_directory', environments: { [staging]: 'developer' } },
    });
  });

  it('writes nothing for an empty patch or one that repeats the current values', async () => {
    const account = await createAccount(t);
    const production = environmentId(account, 'Production');
    const created = teamOf(
      await createTeam(account, { name: 'Steady', environments: { [production]: { role: 'viewer' } } }),
      201,
    );
    const before = await teamState(account.accountId);
    t.clock.advance(1_000);

    expect(teamOf(await patchTeam(account, created.team_id, {}))).toEqual(created);
    expect(
      teamOf(
        await patchTeam(account, created.team_id, {
          name: 'Steady',
          source: 'rivery',
          environments: { [production]: { role: 'viewer' } },
        }),
      ),
    ).toEqual(created);
    expect(await teamState(account.accountId)).toEqual(before);
  });

  it('lets a team change the case of its own name, and refuses another team’s name with 409', async () => {
    const account = await createAccount(t);
    const first = teamOf(await createTeam(account, { name: 'Alpha' }), 201);
    teamOf(await createTeam(account, { name: 'Beta' }), 201);

    expect(teamOf(await patchTeam(account, first.team_id, { name: 'ALPHA' })).name).toBe('ALPHA');

    const before = await teamState(account.accountId);
    const res = await patchTeam(account, first.team_id, { name: 'beta', description: 'taken' });
    expect(res.statusCode).toBe(409);
    expect(await teamState(account.accountId)).toEqual(before);
  });

  it('refuses invalid patches with 422, and changes nothing', async () => {
    const account = await createAccount(t);
    const production = environmentId(account, 'Production');
    const created = teamOf(await createTeam(account, { name: 'Guarded' }), 201);
    const before = await teamState(account.accountId);

    expect(problemsOf(await patchTeam(account, created.team_id, { name: ' ' }))).toEqual([
      { loc: ['body', 'name'], msg: 'Team name must not be blank', type: 'value_error' },
    ]);
    expect(problemsOf(await patchTeam(account, created.team_id, { team_id: MISSING_ID }))).toEqual([
      { loc: ['body', 'team_id'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
    ]);
    expect(
      problemsOf(
        await patchTeam(account, created.team_id, {
          name: 'Renamed',
          environments: { [production]: { role: 'ghost' }, [MISSING_ID]: { role: 'viewer' } },
        }),
      ),
    ).toEqual([
      {
        loc: ['body', 'environments', production, 'role'],
        msg: "Role 'ghost' does not exist in this account",
        type: 'value_error.role_not_found',
      },
      {
        loc: ['body', 'environments', MISSING_ID],
        msg: `Environment ${MISSING_ID} does not exist in this account`,
        type: 'value_error.environment_not_found',
      },
    ]);
    for (const body of [{ name: null }, { environments: null }, { source: 'ldap' }, { description: 1 }]) {
      expect(problemsOf(await patchTeam(account, created.team_id, body)).length).toBeGreaterThan(0);
    }
    expect(problemsOf(await patchTeam(account, 'not-an-id', { name: 'X' })).map((p) => p.loc)).toEqual([
      ['path', 'team_id'],
    ]);
    expect(await teamState(account.accountId)).toEqual(before);
  });

  it('answers 404 for a team that does not exist or belongs to another account', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const foreign = await addTeam(t, other.accountId, { name: 'Foreign' });
    const before = await teamState(other.accountId);

    for (const teamId of [MISSING_ID, foreign]) {
      const res = await patchTeam(account, teamId, { name: 'Hijacked' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: 'Team not found' });
    }
    expect(await teamState(other.accountId)).toEqual(before);
  });
});

describe('concurrent changes', () => {
  it('serializes concurrent rewrites of one team’s roles: each succeeds and one map wins whole', async () => {
    const account = await createAccount(t);
    const production = environmentId(account, 'Production');
    const staging = environmentId(account, 'Staging');
    const team = teamOf(await createTeam(account, { name: 'Contended' }), 201);
    const maps = [
      { [production]: { role: 'viewer' }, [staging]: { role: 'viewer' } },
      { [production]: { role: 'developer' }, [staging]: { role: 'developer' } },
      { [production]: { role: 'member' } },
    ];
    const answers = await Promise.all(maps.map((environments) => patchTeam(account, team.team_id, { environments })));
    expect(answers.map((res) => res.statusCode)).toEqual([200, 200, 200]);
    expect(maps).toContainEqual((await fetchTeam(account, team.team_id)).environments);
  });

  it('lets only one of two concurrent creations of a name through', async () => {
    const account = await createAccount(t);
    const answers = await Promise.all([createTeam(account, { name: 'Twin' }), createTeam(account, { name: 'TWIN' })]);
    expect(answers.map((res) => res.statusCode).sort()).toEqual([201, 409]);
    expect((await teamState(account.accountId)).teams).toHaveLength(1);
  });
});

describe('DELETE /teams/{team_id}', () => {
  it('deletes the team with its roles and memberships, keeps the users, and audits it', async () => {
    const account = await createAccount(t);
    const production = environmentId(account, 'Production');
    const doomed = teamOf(
      await createTeam(account, { name: 'Doomed', environments: { [production]: { role: 'developer' } } }),
      201,
    );
    const kept = teamOf(await createTeam(account, { name: 'Kept' }), 201);
    const first = await addUser(t, account.accountId);
    const second = await addUser(t, account.accountId);
    await attach(account, doomed.team_id, [first.userId, second.userId]);
    await attach(account, kept.team_id, [first.userId]);
    expect((await fetchTeam(account, doomed.team_id)).user_count).toBe(2);
    expect((await fetchUser(account, first.userId)).groups).toEqual([doomed.team_id, kept.team_id].sort());
    const filteredUrl = `/v1/accounts/${account.accountId}/users?team_id=${doomed.team_id}`;
    const listed = await t.call({ method: 'GET', url: filteredUrl, token: account.token });
    expect(listed.json()).toMatchObject({ total_items: 2 });

    const res = await deleteTeam(account, doomed.team_id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      account_id: account.accountId,
      team_id: doomed.team_id,
      deleted: true,
      user_count: 2,
    });

    const gone = await t.call({ method: 'GET', url: teamsUrl(account, `/${doomed.team_id}`), token: account.token });
    expect(gone.statusCode).toBe(404);
    const state = await teamState(account.accountId);
    expect(state.teams.map((row) => row.id)).toEqual([kept.team_id]);
    expect(state.roles).toEqual([]);
    expect(state.members.map((row) => [row.teamId, row.userId])).toEqual([[kept.team_id, first.userId]]);

    // The Users API's copies follow at once: groups and the team filter.
    expect((await fetchUser(account, first.userId)).groups).toEqual([kept.team_id]);
    expect((await fetchUser(account, second.userId)).groups).toEqual([]);
    const filtered = await t.call({ method: 'GET', url: filteredUrl, token: account.token });
    expect(filtered.json()).toMatchObject({ total_items: 0, items: [] });

    const events = await auditOf(account.accountId, doomed.team_id);
    expect(events.filter((e) => e.action === 'team.delete')).toMatchObject([
      {
        before: { name: 'Doomed', environments: { [production]: 'developer' }, user_count: 2 },
        after: null,
      },
    ]);
  });

  it('answers 404 for a missing, already deleted or foreign team, and changes nothing', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const foreign = await addTeam(t, other.accountId);
    const once = teamOf(await createTeam(account, { name: uniqueName() }), 201);
    expect((await deleteTeam(account, once.team_id)).statusCode).toBe(200);
    const before = { mine: await teamState(account.accountId), theirs: await teamState(other.accountId) };

    for (const teamId of [MISSING_ID, once.team_id, foreign]) {
      const res = await deleteTeam(account, teamId);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: 'Team not found' });
    }
    expect(problemsOf(await deleteTeam(account, 'XYZ')).map((p) => p.loc)).toEqual([['path', 'team_id']]);
    expect({ mine: await teamState(account.accountId), theirs: await teamState(other.accountId) }).toEqual(before);
  });
});
