import type { ScriptSession } from '../src/db/client.js';

export interface SeededAccount {
  accountId: string;
  /** an active admin of the account (seeded user 97) */
  adminId: string;
  environmentIds: string[];
  teamIds: string[];
  /** the email of seeded user `g` (1-based) */
  emailOf(g: number): string;
}

const DOMAINS = ['acme', 'globex', 'initech', 'umbrella', 'hooli'];

/** The id of seeded user `g`: the account id's first 8 characters, then g in 16 hex digits. */
export function userIdOf(accountId: string, g: number): string {
  return `${accountId.slice(0, 8)}${g.toString(16).padStart(16, '0')}`;
}

const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Grace',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Frances',
  'Edsger',
  'Radia',
  'Donald',
  'Hedy',
  'John',
  'Katherine',
  'Tim',
  'Sophie',
  'Guido',
  'Anita',
  'Bjarne',
  'Carol',
  'Niklaus',
  'Joan',
  'Leslie',
  'Mary',
  'Yukihiro',
  'Shafi',
  'Vint',
  'Adele',
  'James',
  'Lynn',
  'Brian',
  'Jean',
  'Robert',
  'Elena',
  'Omar',
  'Priya',
  'Wei',
  'Fatima',
  'Mateo',
];
const LAST_NAMES = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
  'Dijkstra',
  'Perlman',
  'Knuth',
  'Lamarr',
  'McCarthy',
  'Johnson',
  'Berners-Lee',
  'Wilson',
  'van Rossum',
  'Borg',
  'Stroustrup',
  'Shaw',
  'Wirth',
  'Clarke',
  'Lamport',
  'Keller',
  'Matsumoto',
  'Goldwasser',
  'Cerf',
  'Goldberg',
  'Gosling',
  'Conway',
  'Kernighan',
  'Sammet',
  'Tarjan',
  'Petrova',
  'Haddad',
  'Sharma',
  'Zhang',
  'Rahman',
  'Garcia',
  'Novak',
  'Okafor',
  'Silva',
  'Jensen',
  'Kowalski',
  'Moreau',
  'Rossi',
  'Tanaka',
  'Nguyen',
  'Kim',
  'Andersson',
  'Murphy',
  'Costa',
  'Schmidt',
  'Dubois',
  'Ivanova',
  'Haas',
  'Bauer',
  'Weber',
  'Lund',
];
const sqlArray = (items: string[]): string => `ARRAY[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(',')}]`;

/**
 * Loads an account of `users` members with plain SQL through the project's own schema: realistic
 * names and emails, roles in the environments, ~30% of users in 50 teams, varied timestamps and
 * sources. A set-based load: 1,000,000 users take well under a minute on PostgreSQL.
 */
export async function seedAccount(session: ScriptSession, accountId: string, users: number): Promise<SeededAccount> {
  const prefix = accountId.slice(0, 8);
  const tag = accountId.slice(6, 8);
  const { environmentIds, teamIds } = seededAccount(accountId);
  const base = "timestamptz '2024-01-01 00:00:00+00'";
  await session.exec(`
    INSERT INTO accounts (id, name, created_at, updated_at) VALUES ('${accountId}', 'Bench ${users}', now(), now());
    INSERT INTO environments (account_id, id, name, name_key, created_at, updated_at)
      SELECT '${accountId}', id, name, lower(name), now(), now()
      FROM unnest(${sqlArray(environmentIds)}, ARRAY['Production','Staging','Development']) AS e(id, name);
    INSERT INTO teams (account_id, id, name, name_key, created_at, updated_at)
      SELECT '${accountId}', id, 'Team ' || ord, 'team ' || ord, now(), now()
      FROM unnest(${sqlArray(teamIds)}) WITH ORDINALITY AS t(id, ord);
  `);
  await session.exec(
    `
    CREATE TEMP TABLE bench_people ON COMMIT DROP AS
    SELECT g,
      '${prefix}' || lpad(to_hex(g), 16, '0') AS id,
      (${sqlArray(FIRST_NAMES)})[1 + g % ${FIRST_NAMES.length}] || ' ' ||
        (${sqlArray(LAST_NAMES)})[1 + (g / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}] AS name,
      lower((${sqlArray(FIRST_NAMES)})[1 + g % ${FIRST_NAMES.length}]) || '.' || g || '@' ||
        (${sqlArray(DOMAINS)})[1 + g % 5] || '-${tag}.example' AS email
    FROM generate_series(1, ${users}) AS g;
  `.replace('ON COMMIT DROP', ''),
  );
  await session.exec(`
    INSERT INTO identities (id, email, name, created_at, updated_at)
      SELECT id, email, name, now(), now() FROM bench_people;
    CREATE TEMP TABLE bench_roles AS
      SELECT p.id AS user_id, e.id AS environment_id,
        (ARRAY['developer','viewer','member','deployment_manager','connection_viewer'])[1 + (p.g + e.n) % 5] AS role_key
      FROM bench_people p
      JOIN unnest(${sqlArray(environmentIds)}) WITH ORDINALITY AS e(id, n) ON e.n <= 2 + (p.g % 2);
    CREATE TEMP TABLE bench_teams AS
      SELECT p.id AS user_id, (${sqlArray(teamIds)})[1 + p.g % 50] AS team_id
      FROM bench_people p WHERE p.g % 10 < 3;
    -- The copies of roles and teams that triggers keep are written with the rows here, and the
    -- copy triggers are paused for the bulk insert below, as a restore would: refreshing a
    -- million copies row by row afterwards would rewrite every membership twice.
    INSERT INTO memberships (account_id, user_id, user_email, user_name, name_key, is_admin, is_active, status,
        source, invited_by, onboarding, last_login, created_at, updated_at, role_map, team_ids)
      SELECT '${accountId}', p.id, p.email, p.name, lower(p.name), p.g % 97 = 0, p.g % 23 <> 0,
        CASE WHEN p.g % 7 = 0 THEN 'invited' ELSE 'active' END,
        CASE WHEN p.g % 10 = 0 THEN 'active_directory' ELSE 'rivery' END,
        CASE WHEN p.g % 5 = 0 THEN NULL ELSE 'admin' || (p.g % 13) || '@acme.example' END,
        NULL,
        CASE WHEN p.g % 3 = 0 THEN NULL ELSE ${base} + (p.g::bigint * 7919 % 31536000) * interval '1 second' END,
        ${base} + p.g * interval '17 seconds', ${base} + p.g * interval '17 seconds',
        coalesce(r.role_map, '{}'::jsonb), coalesce(t.team_ids, '[]'::jsonb)
      FROM bench_people p
      LEFT JOIN (SELECT user_id, jsonb_object_agg(environment_id, role_key) AS role_map
                 FROM bench_roles GROUP BY user_id) r ON r.user_id = p.id
      LEFT JOIN (SELECT user_id, jsonb_agg(team_id ORDER BY team_id) AS team_ids
                 FROM bench_teams GROUP BY user_id) t ON t.user_id = p.id;
    ALTER TABLE membership_roles DISABLE TRIGGER membership_roles_copied_on_insert;
    ALTER TABLE team_members DISABLE TRIGGER team_members_copied_on_insert;
    INSERT INTO membership_roles (account_id, user_id, environment_id, role_key)
      SELECT '${accountId}', user_id, environment_id, role_key FROM bench_roles;
    INSERT INTO team_members (account_id, team_id, user_id, created_at)
      SELECT '${accountId}', team_id, user_id, now() FROM bench_teams;
    ALTER TABLE membership_roles ENABLE TRIGGER membership_roles_copied_on_insert;
    ALTER TABLE team_members ENABLE TRIGGER team_members_copied_on_insert;
    DROP TABLE bench_roles;
    DROP TABLE bench_teams;
    DROP TABLE bench_people;
  `);
  // A freshly loaded table has no visibility map yet; without it every index-only scan (deep
  // pages) visits the heap. Autovacuum would get there; the benchmark should not wait for it.
  await session.exec('VACUUM ANALYZE');
  return seededAccount(accountId);
}

/** What the load of `accountId` creates; the ids are derived from it, so a loaded database can be reused. */
export function seededAccount(accountId: string): SeededAccount {
  const prefix = accountId.slice(0, 8);
  // Identities are global: each seeded account gets its own mail domains.
  const tag = accountId.slice(6, 8);
  const environmentIds = [1, 2, 3].map((n) => `${prefix}${'e'.repeat(7)}${String(n).padStart(9, '0')}`);
  const teamIds = Array.from({ length: 50 }, (_, n) => `${prefix}${'f'.repeat(7)}${String(n).padStart(9, '0')}`);
  return {
    accountId,
    adminId: userIdOf(accountId, 97),
    environmentIds,
    teamIds,
    emailOf: (g) =>
      `${(FIRST_NAMES[g % FIRST_NAMES.length] ?? '').toLowerCase()}.${String(g)}@${DOMAINS[g % DOMAINS.length] ?? ''}-${tag}.example`,
  };
}
