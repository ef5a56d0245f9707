import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { systemClock } from '../core/clock.js';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import { currentStore, openTestDatabase, testConfig, TEST_SECRET } from '../../test/app.js';

const run = promisify(execFile);
const CLI = [join(import.meta.dirname, 'main.ts')];
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function steward(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(TSX, [...CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The CLI against this project's store: a data folder for PGlite, a fresh database for PostgreSQL. */
let env: Record<string, string>;
let dropServerDatabase: (() => Promise<void>) | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'steward-cli-'));

beforeAll(async () => {
  env = { STEWARD_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  if (currentStore() === 'postgres') {
    const opened = await openTestDatabase();
    await opened.database.close();
    dropServerDatabase = opened.drop;
    env = { ...env, DATABASE_URL: opened.url ?? '', STEWARD_SECRET: TEST_SECRET };
  }
});

afterAll(async () => {
  await dropServerDatabase?.();
});

async function openStore(): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir });
}

describe('steward bootstrap', () => {
  it('prints one JSON object on stdout and nothing else, and the token works', async () => {
    const result = await steward(
      [
        'bootstrap',
        '--account-name',
        'Fresh Clone',
        '--admin-email',
        'Admin@Example.com',
        '--admin-name',
        'Fresh Admin',
        '--environment',
        'Production',
        '--environment',
        'Staging',
        '--json',
      ],
      env,
    );
    expect(result.stderr).not.toContain('stw_');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const output = JSON.parse(lines[0] ?? '') as {
      account_id: string;
      user_id: string;
      environments: Record<string, string>;
      token: string;
    };
    expect(Object.keys(output).sort()).toEqual(['account_id', 'environments', 'token', 'user_id']);
    expect(Object.keys(output.environments)).toEqual(['Production', 'Staging']);
    expect(output.token).toMatch(/^stw_[0-9a-f]{24}_[A-Za-z0-9_-]{43}$/);

    const database = await openStore();
    try {
      const config = testConfig({
        STEWARD_DATA_DIR: dataDir,
        ...(env.DATABASE_URL === undefined ? {} : { DATABASE_URL: env.DATABASE_URL }),
        // Embedded: no secret given, so the one bootstrap generated in the data folder is read.
        STEWARD_SECRET: env.STEWARD_SECRET ?? '',
      });
      const app = await buildApp(
        { config, db: database.db, clock: systemClock, log: pino({ level: 'silent' }) },
        { database },
      );
      const res = await app.inject({
        method: 'GET',
        url: `/v1/accounts/${output.account_id}/users`,
        headers: { authorization: `Bearer ${output.token}` },
      });
      expect(res.statusCode).toBe(200);
      const [admin] = res.json<{ items: Record<string, unknown>[] }>().items;
      expect(admin).toMatchObject({
        user_id: output.user_id,
        user_email: 'admin@example.com',
        user_name: 'Fresh Admin',
        is_admin: true,
        is_active: true,
        status: 'active',
      });
      await app.close();
    } finally {
      await database.close();
    }
  });

  it('names Production when no environment is given', async () => {
    const result = await steward(
      ['bootstrap', '--account-name', 'Second', '--admin-email', 'two@example.com', '--json'],
      env,
    );
    expect(result.code).toBe(0);
    expect(Object.keys((JSON.parse(result.stdout) as { environments: object }).environments)).toEqual(['Production']);
  });

  it('refuses missing options and a bad email without writing to stdout', async () => {
    const missing = await steward(['bootstrap', '--account-name', 'X', '--json'], env);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('--admin-email');

    const badEmail = await steward(
      ['bootstrap', '--account-name', 'X', '--admin-email', 'not-an-email', '--json'],
      env,
    );
    expect(badEmail.code).toBe(1);
    expect(badEmail.stdout).toBe('');
    expect(badEmail.stderr).toContain('not a valid email');

    const unknownOption = await steward(['bootstrap', '--acount-name', 'X'], env);
    expect(unknownOption.code).toBe(1);
    expect(unknownOption.stderr).toContain('Unknown option');
  });
});

describe('steward migrate and usage', () => {
  it('migrates an up-to-date store without error', async () => {
    const result = await steward(['migrate'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('prints usage for an unknown command', async () => {
    const result = await steward(['frobnicate'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: steward');
  });

  it('names every bad configuration variable and exits 1', async () => {
    const result = await steward(['migrate'], { ...env, PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('LOG_LEVEL');
  });
});
