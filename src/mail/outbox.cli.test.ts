import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { currentStore, openTestDatabase, TEST_SECRET } from '../../test/app.js';
import { insertOutboxMessage, type OutboxInsert } from './outbox.store.js';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/main.ts');

const dataDir = mkdtempSync(join(tmpdir(), 'steward-mail-cli-'));
let env: Record<string, string> = { PATH: process.env.PATH ?? '', STEWARD_DATA_DIR: dataDir };
let dropDatabase: (() => Promise<void>) | undefined;

const message = (id: string, fields: Partial<OutboxInsert>): OutboxInsert => ({
  id,
  accountId: null,
  template: 'invitation',
  toAddress: `${id}@example.com`,
  subject: 'You are invited',
  textBody: null,
  htmlBody: null,
  attempts: 8,
  nextAttemptAt: '2026-01-15T10:00:00.000Z',
  createdAt: '2026-01-15T09:00:00.000Z',
  ...fields,
});

beforeAll(async () => {
  const opened = currentStore() === 'postgres' ? await openTestDatabase() : null;
  if (opened?.url != null) env = { ...env, DATABASE_URL: opened.url, STEWARD_SECRET: TEST_SECRET };
  dropDatabase = opened?.drop;
  const database = opened?.database ?? (await openDatabase({ databaseUrl: null, dataDir }));
  try {
    await migrate(database);
    await insertOutboxMessage(
      database.db,
      message('aaaaaaaaaaaaaaaaaaaaaaa1', {
        failedAt: '2026-01-15T11:03:30.000Z',
        lastError: 'Message failed: 451 Mailbox busy',
      }),
    );
    await insertOutboxMessage(
      database.db,
      message('aaaaaaaaaaaaaaaaaaaaaaa2', { attempts: 2, textBody: 'Pending', lastError: 'Connection refused' }),
    );
    await insertOutboxMessage(database.db, message('aaaaaaaaaaaaaaaaaaaaaaa3', { sentAt: '2026-01-15T10:00:01.000Z' }));
  } finally {
    await database.close();
  }
});

afterAll(async () => {
  await dropDatabase?.();
});

async function steward(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(TSX, [CLI, ...args], { cwd: ROOT, env, timeout: 60_000 });
  return stdout;
}

describe('steward mail --failed', () => {
  it('lists only the mail given up on, with its last error', async () => {
    const listed = JSON.parse(await steward(['mail', '--failed', '--json'])) as { messages: unknown[] };
    expect(listed).toEqual({
      messages: [
        {
          id: 'aaaaaaaaaaaaaaaaaaaaaaa1',
          account_id: null,
          template: 'invitation',
          to: 'aaaaaaaaaaaaaaaaaaaaaaa1@example.com',
          subject: 'You are invited',
          attempts: 8,
          created_at: '2026-01-15T09:00:00.000Z',
          failed_at: '2026-01-15T11:03:30.000Z',
          last_error: 'Message failed: 451 Mailbox busy',
        },
      ],
    });

    const text = await steward(['mail', '--failed']);
    expect(text.trim().split('\n')).toEqual([
      'aaaaaaaaaaaaaaaaaaaaaaa1  2026-01-15T11:03:30.000Z  invitation  to aaaaaaaaaaaaaaaaaaaaaaa1@example.com  after 8 attempts: Message failed: 451 Mailbox busy',
    ]);
  });
});
