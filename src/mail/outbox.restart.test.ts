import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { systemClock } from '../core/clock.js';
import { systemContext } from '../core/context.js';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { mailOutbox } from '../db/schema/index.js';
import type { Deps } from '../deps.js';
import { bootstrapAccount } from '../features/setup/setup.service.js';
import { currentStore, openTestDatabase, TEST_SECRET } from '../../test/app.js';
import { deliveriesByRecipient, startTestSmtp, type SmtpMessage } from '../../test/smtp.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/main.ts');
/**
 * Node itself with tsx as a loader, not the tsx command: that one runs the server as a child of
 * its own, and a SIGKILL would kill the wrapper and leave the server running.
 */
const NODE_ARGS = ['--import', 'tsx', CLI];
const INVITEES = 100;
/** Delivered before the mail server stalls, so the kill finds mail sent, in flight and waiting. */
const DELIVERED_FIRST = 30;

interface ServerProcess {
  child: ChildProcess;
  address: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/** `steward serve` as its own process, on a port of its choosing. */
async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...NODE_ARGS, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const address = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /"address":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void exited.then(({ code }) => {
      reject(new Error(`steward serve exited early with ${String(code)}: ${output}`));
    });
  });
  return { child, address, exited, output: () => output };
}

interface Bootstrapped {
  accountId: string;
  token: string;
}

/**
 * What `steward bootstrap` does, in this process: spawning it would cost a process start for
 * nothing the test looks at. It also creates the data folder's secret the servers then read.
 */
async function bootstrap(env: Record<string, string>, database: DatabaseHandle): Promise<Bootstrapped> {
  await migrate(database);
  const deps: Deps = { config: loadConfig(env), db: database.db, clock: systemClock, log: pino({ level: 'silent' }) };
  const result = await bootstrapAccount(deps, systemContext('restart test'), {
    accountName: 'Restart Test',
    adminEmail: 'admin@example.com',
    adminName: null,
    environmentNames: [],
    superAdmin: false,
  });
  return { accountId: result.accountId, token: result.token };
}

async function inviteAll(address: string, account: Bootstrapped, emails: string[]): Promise<void> {
  // Ten at a time: enough to queue mail faster than one drain sends it.
  for (let start = 0; start < emails.length; start += 10) {
    const statuses = await Promise.all(
      emails.slice(start, start + 10).map(async (email) => {
        const res = await fetch(`${address}/v1/accounts/${account.accountId}/users/invite`, {
          method: 'POST',
          headers: { authorization: `Bearer ${account.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            user_name: 'Invitee',
            user_email: email,
            environments: {},
            allow_login_password: true,
          }),
        });
        return res.status;
      }),
    );
    expect(statuses).toEqual(statuses.map(() => 200));
  }
}

describe('the outbox across a crash', () => {
  it(`delivers each of ${String(INVITEES)} invitations exactly once when the server is killed mid-send and started again`, async () => {
    const smtp = await startTestSmtp();
    // PGlite: the data folder outlives the process. PostgreSQL: a fresh database of its own.
    const store = currentStore() === 'postgres' ? await openTestDatabase() : null;
    const dataDir = mkdtempSync(join(tmpdir(), 'steward-restart-'));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'http://steward.test',
      STEWARD_DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      // A killed worker's leases lapse after this; a live one renews its own (every third of it),
      // with room to spare on a loaded machine, or a late renewal would let a message go twice.
      MAIL_LEASE_SECONDS: '10',
      ...(store?.url == null ? {} : { DATABASE_URL: store.url, STEWARD_SECRET: TEST_SECRET }),
    };
    const servers: ServerProcess[] = [];
    const emails = Array.from({ length: INVITEES }, (_, n) => `invitee-${String(n)}@example.com`);
    try {
      const setup = store?.database ?? (await openDatabase({ databaseUrl: null, dataDir }));
      const account = await bootstrap(env, setup).finally(() => setup.close());
      const first = await startServer(env);
      servers.push(first);

      await inviteAll(first.address, account, emails.slice(0, DELIVERED_FIRST));
      await smtp.until(() => smtp.accepted.length === DELIVERED_FIRST);
      // The server now reads each message and never answers: the process is mid-send when it dies.
      smtp.decide = () => 'hold';
      await inviteAll(first.address, account, emails.slice(DELIVERED_FIRST));
      await smtp.until(() => smtp.held.length > 0);
      const inFlight: SmtpMessage[] = [...smtp.held];
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      expect(smtp.accepted).toHaveLength(DELIVERED_FIRST);

      smtp.dropHeld();
      smtp.decide = () => 'accept';
      // On PostgreSQL two processes come back and drain the one outbox side by side.
      const restarted = await Promise.all(Array.from({ length: store === null ? 1 : 2 }, () => startServer(env)));
      servers.push(...restarted);
      await smtp.until(() => new Set(smtp.accepted.flatMap((m) => m.to)).size === INVITEES);
      for (const server of restarted) server.child.kill('SIGTERM');
      for (const server of restarted) expect(await server.exited, server.output()).toEqual({ code: 0, signal: null });

      const counts = deliveriesByRecipient(smtp);
      expect(emails.map((email) => counts.get(email))).toEqual(emails.map(() => 1));
      expect(smtp.accepted).toHaveLength(INVITEES);
      // What was in flight at the kill came again under its Message-ID, so a receiver could tell.
      for (const held of inFlight) {
        const delivered = smtp.accepted.find((message) => message.to.join() === held.to.join());
        expect(delivered?.messageId).toBe(held.messageId);
        expect(held.messageId).toMatch(/^<[0-9a-f]{24}@steward>$/);
      }

      const database = await openDatabase({ databaseUrl: store?.url ?? null, dataDir });
      try {
        const rows = await database.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'invitation'));
        expect(rows).toHaveLength(INVITEES);
        for (const row of rows) {
          expect(row).toMatchObject({ failedAt: null, lastError: null, textBody: null, htmlBody: null });
          expect(row.sentAt).not.toBeNull();
        }
        // The mail leased by the killed process counts that lease as an attempt.
        const retried = rows.filter((row) => row.attempts === 2).map((row) => row.toAddress);
        expect(retried).toEqual(expect.arrayContaining(inFlight.flatMap((message) => message.to)));
        expect(rows.every((row) => row.attempts <= 2)).toBe(true);
      } finally {
        await database.close();
      }
    } finally {
      for (const server of servers) {
        if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      }
      await smtp.close();
      await store?.drop();
    }
  }, 90_000);
});
