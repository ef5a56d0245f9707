import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type DatabaseHandle, type Db } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import type { Deps } from '../src/deps.js';
import { TestClock } from './clock.js';
import { testServerUrl, withDatabase, type TestStore } from './stores.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-steward';
export const TEST_PUBLIC_URL = 'http://steward.test';

export interface TestApp {
  store: TestStore;
  app: FastifyInstance;
  deps: Deps;
  db: Db;
  database: DatabaseHandle;
  clock: TestClock;
  config: Config;
  /** `app.inject` with a bearer token and a JSON body. */
  call(options: TestCall): Promise<LightMyRequestResponse>;
}

export interface TestCall {
  method: InjectOptions['method'];
  url: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export function currentStore(): TestStore {
  return process.env.STEWARD_TEST_STORE === 'postgres' ? 'postgres' : 'pglite';
}

/** Opens a fresh database on the store this project runs on: in-memory PGlite, or a copy of the template. */
export async function openTestDatabase(): Promise<{
  database: DatabaseHandle;
  /** the server database's URL; `null` for the in-memory embedded store */
  url: string | null;
  drop: () => Promise<void>;
}> {
  if (currentStore() === 'pglite') {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrate(database);
    return { database, url: null, drop: () => database.close() };
  }
  const serverUrl = testServerUrl();
  const template = inject('templateDatabase');
  const name = `${template}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ databaseUrl: url, dataDir: null, poolSize: 10 });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    STEWARD_SECRET: TEST_SECRET,
    PUBLIC_URL: TEST_PUBLIC_URL,
    STEWARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'steward-test-')),
    LOG_LEVEL: 'silent',
    // Test files sign in from one address (inject's 127.0.0.1) far faster than a person would.
    AUTH_RATE_LIMIT: '100000',
    ...overrides,
  });
}

/**
 * A fresh database and app for one test file. The returned object is filled in `beforeAll`,
 * so declare it at the top of the file and use it inside tests.
 */
export function useTestApp(configOverrides: Record<string, string> = {}): TestApp {
  const t = { store: currentStore() } as TestApp;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await openTestDatabase();
    drop = opened.drop;
    t.database = opened.database;
    t.db = opened.database.db;
    t.clock = new TestClock();
    t.config = testConfig(configOverrides);
    t.deps = { config: t.config, db: t.db, clock: t.clock, log: pino({ level: 'silent' }) };
    t.app = await buildApp(t.deps, { database: opened.database });
    await t.app.ready();
    t.call = (options) =>
      t.app.inject({
        method: options.method,
        url: options.url,
        headers: {
          ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(options.body === undefined
          ? {}
          : { payload: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
      });
  });
  afterAll(async () => {
    await t.app.close();
    await drop?.();
  });
  return t;
}
