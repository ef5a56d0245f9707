// A quick check of the Users list at 100,000 users on PostgreSQL: page 1, every sort key in both
// orders, with and without a name filter, over real HTTP. Reports median and p95 per case.
//   npx tsx bench/quick-list.ts            (BENCH_DATABASE_URL, default the local server)
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/core/clock.js';
import { systemContext } from '../src/core/context.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { issueApiTokenIn } from '../src/features/api-tokens/api-tokens.service.js';
import { ALL_SCOPE_KEYS } from '../src/features/api-tokens/api-tokens.scopes.js';
import { SORT_KEYS } from '../src/features/users/users.rules.js';
import { seedAccount } from './seed.js';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = 'steward_quick_bench';

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${databaseName}`);
const url = new URL(serverUrl);
url.pathname = `/${databaseName}`;

const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
await migrate(database);
const accountId = '6b000000aaaaaaaaaaaaaaaa';
const started = Date.now();
const seeded = await database.withSession((session) => seedAccount(session, accountId, USERS));
process.stderr.write(`Seeded ${String(USERS)} users in ${String(Date.now() - started)} ms\n`);

const config = loadConfig({
  DATABASE_URL: url.toString(),
  STEWARD_SECRET: 'bench-secret-bench-secret-bench-secret',
  LOG_LEVEL: 'silent',
});
const deps = { config, db: database.db, clock: systemClock, log: pino({ level: 'silent' }) };
const { token } = await database.db.transaction((tx) =>
  issueApiTokenIn(tx, deps, systemContext('bench'), {
    accountId,
    ownerId: seeded.adminId,
    name: 'bench',
    scopes: ALL_SCOPE_KEYS,
    expiresAt: null,
  }),
);
const app = await buildApp(deps, { database });
const address = await app.listen({ port: 0, host: '127.0.0.1' });

async function measure(query: string): Promise<{ first: number; p50: number; p95: number; total: number }> {
  const times: number[] = [];
  let first = 0;
  let total = 0;
  for (let round = 0; round < ROUNDS + 5; round++) {
    const start = performance.now();
    const res = await fetch(`${address}/v1/accounts/${accountId}/users?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { total_items: number };
    if (res.status !== 200) throw new Error(`${query}: ${String(res.status)} ${JSON.stringify(body)}`);
    if (round === 0) first = performance.now() - start;
    if (round >= 5) times.push(performance.now() - start);
    total = body.total_items;
  }
  times.sort((a, b) => a - b);
  return {
    first,
    p50: times[Math.floor(times.length / 2)] ?? 0,
    p95: times[Math.floor(times.length * 0.95)] ?? 0,
    total,
  };
}

const cases: string[] = [];
for (const key of SORT_KEYS) for (const order of ['asc', 'desc']) cases.push(`sort_by=${key}&sort_order=${order}`);
for (const key of SORT_KEYS) cases.push(`sort_by=${key}&name=lovelace`);
cases.push(
  'name=ada',
  'name=a',
  'name=zzzz-none',
  `team_id=${seeded.teamIds[0] ?? ''}`,
  `email=${seeded.emailOf(40)}`,
  'page=500',
);
let worst = 0;
for (const query of cases) {
  const { first, p50, p95, total } = await measure(query);
  worst = Math.max(worst, p50);
  process.stdout.write(
    `${query.padEnd(48)} total=${String(total).padStart(7)}  first=${first.toFixed(1).padStart(6)} ms  ` +
      `p50=${p50.toFixed(1).padStart(6)} ms  p95=${p95.toFixed(1).padStart(6)} ms\n`,
  );
}
process.stdout.write(`worst median: ${worst.toFixed(1)} ms\n`);
await app.close();
await database.close();
if (process.env.BENCH_KEEP !== '1') await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
await admin.end();
