import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { DataDirInUseError } from './data-dir-lock.js';

describe('the embedded store’s folder', () => {
  it('opens for one process only, and is free again once closed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'steward-lock-'));
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dataDir, 'steward.lock'), String(holder.pid));
      await expect(openDatabase({ databaseUrl: null, dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once('exit', resolve));

    // The holder died without cleaning up: its lock is taken over.
    const database = await openDatabase({ databaseUrl: null, dataDir });
    expect(existsSync(join(dataDir, 'steward.lock'))).toBe(true);
    await database.close();
    expect(existsSync(join(dataDir, 'steward.lock'))).toBe(false);
  });
});
