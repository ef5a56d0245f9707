// npm run bench [-- --quick]
// Loads accounts of 1,000 / 100,000 / 1,000,000 users into a database of its own, starts Steward
// in production mode in its own process, and drives each case with autocannon after a warm-up.
// Reports req/s, latency, errors, server RSS and the ratio to a bare Fastify ceiling measured in
// the same run. --quick: every case at 1,000 users, 2 s each (proves the harness, times nothing).
// --reuse: keep a database an earlier run loaded with the same sizes (and its PGlite folder).
// --only REGEX: measure only the cases whose id matches (the ceiling always runs).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/core/clock.js';
import { systemContext } from '../src/core/context.js';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { ALL_SCOPE_KEYS } from '../src/features/api-tokens/api-tokens.scopes.js';
import { issueApiTokenIn } from '../src/features/api-tokens/api-tokens.service.js';
import { SORT_KEYS } from '../src/features/users/users.rules.js';
import { startProcess, type ServerProcess } from './processes.js';
import { startMailSink } from './mail-sink.js';
import { seedAccount, seededAccount, userIdOf, type SeededAccount } from './seed.js';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const quick = flags.quick;
const onlyCases = flags.only === undefined ? null : new RegExp(flags.only);
const DURATION_S = quick ? 2 : 10;
const WARMUP_S = quick ? 1 : 3;
const CONNECTIONS = 32;
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = 'steward_bench';
const root = new URL('..', import.meta.url).pathname;

const SIZES = { small: 1_000, medium: quick ? 1_000 : 100_000, large: quick ? 1_000 : 1_000_000 };
const ACCOUNT_IDS = {
  small: '6b000001aaaaaaaaaaaaaaaa',
  medium: '6b000002aaaaaaaaaaaaaaaa',
  large: '6b000003aaaaaaaaaaaaaaaa',
};

interface Case {
  id: string;
  description: string;
  users: number;
  target: 'steward' | 'embedded' | 'ceiling';
  method?: 'GET' | 'POST' | 'PATCH';
  /** A fixed path, or one made per request. */
  path: string | (() => string);
  body?: () => string;
}

interface CaseResult {
  id: string;
  description: string;
  users: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  non_2xx: number;
  rss_mb: number;
  ratio_to_ceiling: number;
}

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

async function prepareServerDatabase(): Promise<{
  url: string;
  accounts: Record<keyof typeof SIZES, SeededAccount & { token: string }>;
}> {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const reused = flags.reuse && (await isLoaded(url.toString()));
  if (!reused) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null, poolSize: 2 });
  await migrate(database);
  // Mail queued by an earlier run would be sent during this one and weigh on its figures.
  if (reused) await database.withSession((session) => session.exec('DELETE FROM mail_outbox'));
  const accounts = {} as Record<keyof typeof SIZES, SeededAccount & { token: string }>;
  const started = Date.now();
  for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
    const seeded = reused
      ? seededAccount(ACCOUNT_IDS[size])
      : await database.withSession((session) => seedAccount(session, ACCOUNT_IDS[size], SIZES[size]));
    accounts[size] = { ...seeded, token: await issueBenchToken(database, seeded) };
  }
  log(
    reused
      ? `Reusing the users loaded into ${databaseName}`
      : `Loaded ${Object.values(SIZES).join(' + ')} users into PostgreSQL in ${String(Math.round((Date.now() - started) / 1000))} s`,
  );
  await database.close();
  return { url: url.toString(), accounts };
}

/** Whether `url` holds every bench account with at least its number of users. */
async function isLoaded(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ account_id: string; members: string }>(
      'SELECT account_id, sum(members) AS members FROM account_user_stats WHERE account_id = ANY($1) GROUP BY account_id',
      [Object.values(ACCOUNT_IDS)],
    );
    const members = new Map(rows.map((row) => [row.account_id, Number(row.members)]));
    return (Object.keys(SIZES) as (keyof typeof SIZES)[]).every(
      (size) => (members.get(ACCOUNT_IDS[size]) ?? 0) >= SIZES[size],
    );
  } catch {
    // No such database, or not one of ours: load afresh.
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function issueBenchToken(database: DatabaseHandle, account: SeededAccount): Promise<string> {
  const config = loadConfig({ STEWARD_SECRET: SECRET, DATABASE_URL: 'postgres://unused/unused', LOG_LEVEL: 'silent' });
  const deps = { config, db: database.db, clock: systemClock, log: pino({ level: 'silent' }) };
  const { token } = await database.db.transaction((tx) =>
    issueApiTokenIn(tx, deps, systemContext('bench'), {
      accountId: account.accountId,
      ownerId: account.adminId,
      // Unique per run, so a reused database takes another token.
      name: `bench ${new Date().toISOString()}`,
      scopes: ALL_SCOPE_KEYS,
      expiresAt: null,
    }),
  );
  return token;
}

async function prepareEmbedded(
  users: number,
): Promise<{ dataDir: string; account: SeededAccount & { token: string } }> {
  const dataDir = join(tmpdir(), `steward-bench-pglite-${String(users)}`);
  const loadedMarker = join(dataDir, 'bench-loaded');
  const reused = flags.reuse && existsSync(loadedMarker);
  if (!reused) rmSync(dataDir, { recursive: true, force: true });
  const database = await openDatabase({ databaseUrl: null, dataDir });
  await migrate(database);
  const started = Date.now();
  const seeded = reused
    ? seededAccount(ACCOUNT_IDS.medium)
    : await database.withSession((session) => seedAccount(session, ACCOUNT_IDS.medium, users));
  const token = await issueBenchToken(database, seeded);
  await database.close();
  if (!reused) {
    writeFileSync(loadedMarker, '');
    log(`Loaded ${String(users)} users into PGlite in ${String(Math.round((Date.now() - started) / 1000))} s`);
  }
  return { dataDir, account: { ...seeded, token } };
}

const pick = (n: number): number => 1 + Math.floor(Math.random() * n);
/** A seeded user that the directory does not own (source rivery), so Patch applies. */
const pickEditable = (n: number): number => {
  for (;;) {
    const g = pick(n);
    if (g % 10 !== 0) return g;
  }
};

function cases(accounts: Record<keyof typeof SIZES, SeededAccount>): Case[] {
  const users = (size: keyof typeof SIZES) => `/v1/accounts/${accounts[size].accountId}/users`;
  const { large, medium } = accounts;
  let invited = 0;
  return [
    {
      id: 'ceiling',
      description: 'bare Fastify, same response schema, precomputed 20-user page',
      users: 0,
      target: 'ceiling',
      path: '/page',
    },
    { id: 'list-1k-p1', description: 'list, page 1', users: SIZES.small, target: 'steward', path: users('small') },
    { id: 'list-100k-p1', description: 'list, page 1', users: SIZES.medium, target: 'steward', path: users('medium') },
    {
      id: 'list-100k-p500',
      description: 'list, page 500',
      users: SIZES.medium,
      target: 'steward',
      path: `${users('medium')}?page=${String(quick ? 2 : 500)}`,
    },
    {
      id: 'list-100k-random-page',
      description: 'list, a random page of 1–5,000 per request (no two calls alike: the page cache cannot help)',
      users: SIZES.medium,
      target: 'steward',
      path: () => `${users('medium')}?page=${String(pick(quick ? 50 : 5000))}`,
    },
    ...SORT_KEYS.map((key): Case => ({
      id: `list-100k-sort-${key}`,
      description: `list sorted by ${key}, ascending`,
      users: SIZES.medium,
      target: 'steward',
      path: `${users('medium')}?sort_by=${key}&sort_order=asc`,
    })),
    { id: 'list-1m-p1', description: 'list, page 1', users: SIZES.large, target: 'steward', path: users('large') },
    {
      id: 'list-1m-deep',
      description: 'list, page 5,000',
      users: SIZES.large,
      target: 'steward',
      path: `${users('large')}?page=${String(quick ? 3 : 5000)}`,
    },
    {
      id: 'list-1m-name-common',
      description: 'name filter matching ~2% of users',
      users: SIZES.large,
      target: 'steward',
      path: `${users('large')}?name=lovelace`,
    },
    {
      id: 'list-1m-name-rare',
      description: 'name filter matching <0.1% of users',
      users: SIZES.large,
      target: 'steward',
      path: `${users('large')}?name=ada.4242`,
    },
    {
      id: 'list-1m-team',
      description: 'team filter (~0.6% of users)',
      users: SIZES.large,
      target: 'steward',
      path: `${users('large')}?team_id=${large.teamIds[0] ?? ''}`,
    },
    {
      id: 'list-1m-email',
      description: 'email filter',
      users: SIZES.large,
      target: 'steward',
      path: () => `${users('large')}?email=${encodeURIComponent(large.emailOf(pick(SIZES.large)))}`,
    },
    {
      id: 'get-user-1m',
      description: 'get a random user',
      users: SIZES.large,
      target: 'steward',
      path: () => `${users('large')}/${userIdOf(large.accountId, pick(SIZES.large))}`,
    },
    {
      id: 'patch-user-1m',
      description: 'rename a random user',
      users: SIZES.large,
      target: 'steward',
      method: 'PATCH',
      path: () => `${users('large')}/${userIdOf(large.accountId, pickEditable(SIZES.large))}`,
      body: () => JSON.stringify({ user_name: `Renamed ${String(pick(1_000_000))}` }),
    },
    {
      id: 'permissions-1m',
      description: 'effective permissions of a random user',
      users: SIZES.large,
      target: 'steward',
      path: () => `${users('large')}/${userIdOf(large.accountId, pick(SIZES.large))}/permissions`,
    },
    {
      id: 'invite-1m',
      description: 'invite a new user (mail queued)',
      users: SIZES.large,
      target: 'steward',
      method: 'POST',
      path: `${users('large')}/invite`,
      body: () =>
        JSON.stringify({
          user_name: 'Bench Invitee',
          user_email: `invitee-${String(process.pid)}-${String(++invited)}@bench.example`,
          environments: { [large.environmentIds[0] ?? '']: { role: 'viewer' } },
          allow_login_password: true,
        }),
    },
    {
      id: 'embedded-list-100k-p1',
      description: 'list, page 1, embedded PGlite',
      users: SIZES.medium,
      target: 'embedded',
      path: `/v1/accounts/${medium.accountId}/users`,
    },
  ];
}

async function drive(address: string, token: string, testCase: Case, seconds: number): Promise<autocannon.Result> {
  const method = testCase.method ?? 'GET';
  const { path, body } = testCase;
  return autocannon({
    url: address,
    connections: CONNECTIONS,
    duration: seconds,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    requests: [
      {
        method,
        setupRequest: (request) => ({
          ...request,
          path: typeof path === 'string' ? path : path(),
          ...(body === undefined ? {} : { body: body() }),
        }),
      },
    ],
  });
}

function machine(): Record<string, unknown> {
  return {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    connections: CONNECTIONS,
    duration_s: DURATION_S,
    warmup_s: WARMUP_S,
    quick,
  };
}

async function main(): Promise<void> {
  const { url, accounts } = await prepareServerDatabase();
  const embedded = await prepareEmbedded(SIZES.medium);
  const mailSink = await startMailSink();
  const steward = await startProcess(
    'node',
    [join(root, 'bin/steward.js'), 'serve'],
    {
      DATABASE_URL: url,
      STEWARD_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      SMTP_URL: mailSink.url,
    },
    '/readyz',
  );
  const embeddedServer = await startProcess(
    'node',
    [join(root, 'bin/steward.js'), 'serve'],
    {
      STEWARD_DATA_DIR: embedded.dataDir,
      STEWARD_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      SMTP_URL: mailSink.url,
    },
    '/readyz',
  );
  const pageFile = join(mkdtempSync(join(tmpdir(), 'steward-ceiling-')), 'page.json');
  const sample = await fetch(`${steward.address}/v1/accounts/${accounts.small.accountId}/users`, {
    headers: { authorization: `Bearer ${accounts.small.token}` },
  });
  writeFileSync(pageFile, await sample.text());
  const ceiling = await startProcess(
    'node',
    ['--import', 'tsx', join(root, 'bench/ceiling-server.ts')],
    {
      CEILING_PAGE_FILE: pageFile,
    },
    '/page',
  );

  const servers: Record<Case['target'], ServerProcess> = { steward, embedded: embeddedServer, ceiling };
  const tokenFor = (testCase: Case): string => {
    if (testCase.target === 'embedded') return embedded.account.token;
    if (testCase.users === SIZES.large && testCase.id.includes('1m')) return accounts.large.token;
    if (testCase.users === SIZES.medium && testCase.id.includes('100k')) return accounts.medium.token;
    return accounts.small.token;
  };

  const results: CaseResult[] = [];
  let ceilingRps = 0;
  const database = new pg.Client({ connectionString: url });
  await database.connect();
  try {
    const selected = cases(accounts).filter(
      (testCase) => testCase.id === 'ceiling' || onlyCases === null || onlyCases.test(testCase.id),
    );
    for (const testCase of selected) {
      const server = servers[testCase.target];
      // Flushing what earlier cases wrote keeps their background writes out of this case's figures.
      await database.query('CHECKPOINT');
      await drive(server.address, tokenFor(testCase), testCase, WARMUP_S);
      server.resetPeak();
      const result = await drive(server.address, tokenFor(testCase), testCase, DURATION_S);
      const rps = Math.round(result.requests.average);
      if (testCase.id === 'ceiling') ceilingRps = rps;
      const row: CaseResult = {
        id: testCase.id,
        description: testCase.description,
        users: testCase.users,
        rps,
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        errors: result.errors + result.timeouts,
        non_2xx: result.non2xx,
        rss_mb: Math.round(server.peakRssMb()),
        ratio_to_ceiling: ceilingRps === 0 ? 0 : Math.round((rps / ceilingRps) * 1000) / 1000,
      };
      results.push(row);
      log(
        `${row.id.padEnd(26)} ${String(row.rps).padStart(7)} req/s  p50 ${String(row.p50_ms).padStart(4)} ms  p99 ${String(row.p99_ms).padStart(4)} ms  errors ${String(row.errors)}  non-2xx ${String(row.non_2xx)}  rss ${String(row.rss_mb)} MB`,
      );
    }
  } finally {
    await Promise.all([steward.stop(), embeddedServer.stop(), ceiling.stop(), database.end()]);
    log(`Invitation mails delivered to the loopback SMTP server: ${String(mailSink.delivered())}`);
    await mailSink.close();
  }

  const report = { machine: machine(), cases: results };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${table(results)}\n`);
  const failures = results.filter((r) => r.errors > 0 || r.non_2xx > 0);
  if (failures.length > 0) {
    log(`Cases with errors or non-2xx answers: ${failures.map((f) => f.id).join(', ')}`);
    process.exitCode = 1;
  }
}

function table(rows: CaseResult[]): string {
  const header = '| case | users | req/s | p50 ms | p99 ms | errors | non-2xx | RSS MB | ÷ ceiling |';
  const lines = rows.map(
    (r) =>
      `| ${r.id} | ${r.users.toLocaleString('en-US')} | ${r.rps.toLocaleString('en-US')} | ${String(r.p50_ms)} | ${String(r.p99_ms)} | ${String(r.errors)} | ${String(r.non_2xx)} | ${String(r.rss_mb)} | ${r.ratio_to_ceiling.toFixed(2)} |`,
  );
  return [header, '|---|---:|---:|---:|---:|---:|---:|---:|---:|', ...lines].join('\n');
}

await main();
