import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_SECRET } from '../test/app.js';

const TSX = join(import.meta.dirname, '../node_modules/.bin/tsx');

describe('the server process', () => {
  it('serves, then on SIGTERM stops accepting, closes the database and exits 0', async () => {
    // On PostgreSQL the server gets its own fresh database; on PGlite a fresh data folder.
    const store = await openTestDatabase();
    await store.database.close();
    const child = spawn(TSX, [join(import.meta.dirname, 'cli/main.ts'), 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        STEWARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'steward-serve-')),
        ...(store.url === null ? {} : { DATABASE_URL: store.url, STEWARD_SECRET: TEST_SECRET }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /"address":"(http:\/\/[^"]+)"/.exec(output);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.once('exit', (code) => {
        reject(new Error(`server exited early with ${String(code)}: ${output}`));
      });
    });
    const health = await fetch(`${address}/healthz`);
    expect(health.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('Shutting down');
    expect(output).toContain('Stopped');
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
    await store.drop();
  });
});
