import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import { dbTimestampMs } from '../core/time.js';
import { openDatabase, type Db } from '../db/client.js';
import { mailOutbox } from '../db/schema/index.js';
import type { Deps } from '../deps.js';
import { openTestDatabase, useTestApp, type TestApp } from '../../test/app.js';
import { deliveriesByRecipient, startTestSmtp, type SmtpVerdict } from '../../test/smtp.js';
import { drainBacklog, drainOutbox, listDeadMail, queueMail } from './outbox.js';
import { leaseDueMessages, markMessageFailed, markMessageSent } from './outbox.store.js';
import { createMailTransport } from './transport.js';

const smtp = await startTestSmtp();
const t = useTestApp({ SMTP_URL: smtp.url });

afterAll(async () => {
  await smtp.close();
});

/** Per recipient: how many more times the mail server refuses their message (Infinity: always). */
const refusals = new Map<string, number>();
const BUSY: SmtpVerdict = { refuse: 'Mailbox busy, try again later', code: 451 };
smtp.decide = (message) => {
  const [to = ''] = message.to;
  const left = refusals.get(to) ?? 0;
  if (left === 0) return 'accept';
  refusals.set(to, left - 1);
  return BUSY;
};

/** The retry schedule the docs promise: 30 s after the first attempt, then doubling. */
const RETRY_DELAYS_S = [30, 60, 120, 240, 480, 960, 1920];
const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;

let counter = 0;
const newAddress = (label: string): string => `${label}-${String(++counter)}@example.com`;

async function queue(app: TestApp, to: string): Promise<string> {
  return app.db.transaction((tx) =>
    queueMail(tx, app.clock.now(), {
      accountId: null,
      to,
      content: { template: 'notice', subject: 'A notice', text: `Text for ${to}`, html: `<p>HTML for ${to}</p>` },
    }),
  );
}

async function drain(app: TestApp = t, deps: Deps = app.deps) {
  const transport = createMailTransport(app.config, app.deps.log);
  try {
    return await drainOutbox(deps, transport);
  } finally {
    transport.close();
  }
}

async function rowOf(app: TestApp, id: string) {
  const [row] = await app.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (row === undefined) throw new Error(`No outbox row ${id}`);
  return row;
}

const seenBy = (to: string) => smtp.seen.filter((message) => message.to.includes(to));
const acceptedBy = (to: string) => smtp.accepted.filter((message) => message.to.includes(to));
const at = (value: string | null): number | null => (value === null ? null : dbTimestampMs(value));

describe('queueing', () => {
  it('takes only a transaction, so no mail can be queued outside the change that causes it', () => {
    expectTypeOf<Db>().not.toExtend<Parameters<typeof queueMail>[0]>();
  });

  it('keeps no mail of a change that rolls back', async () => {
    const to = newAddress('rolled-back');
    await expect(
      t.db.transaction(async (tx) => {
        await queueMail(tx, t.clock.now(), {
          accountId: null,
          to,
          content: { template: 'notice', subject: 'Never', text: 'Never', html: '<p>Never</p>' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to))).toEqual([]);
    await drain();
    expect(seenBy(to)).toEqual([]);
  });
});

describe('retries', () => {
  it('retries with a doubling backoff and delivers once the mail server recovers, under one Message-ID', async () => {
    const to = newAddress('recovers');
    refusals.set(to, 3);
    const id = await queue(t, to);

    for (const [attempt, delayS] of RETRY_DELAYS_S.slice(0, 3).entries()) {
      const failedAt = t.clock.now().getTime();
      expect(await drain()).toEqual({ leased: 1, delivered: 0 });
      const row = await rowOf(t, id);
      expect(row).toMatchObject({ attempts: attempt + 1, sentAt: null, failedAt: null, textBody: `Text for ${to}` });
      expect(row.lastError).toContain('Mailbox busy, try again later');
      expect(at(row.nextAttemptAt)).toBe(failedAt + delayS * 1_000);

      t.clock.advance(delayS * 1_000 - 1);
      expect(await drain()).toEqual({ leased: 0, delivered: 0 });
      t.clock.advance(1);
    }
    expect(await drain()).toEqual({ leased: 1, delivered: 1 });

    const sent = await rowOf(t, id);
    expect(sent).toMatchObject({ attempts: 4, failedAt: null, lastError: null, textBody: null, htmlBody: null });
    expect(at(sent.sentAt)).toBe(t.clock.now().getTime());
    expect(seenBy(to)).toHaveLength(4);
    expect(acceptedBy(to)).toHaveLength(1);
    // The same Message-ID on every attempt lets a receiving server drop a repeat.
    expect(seenBy(to).map((message) => message.messageId)).toEqual(Array(4).fill(`<${id}@steward>`));

    t.clock.advanceHours(24);
    expect((await drain()).leased).toBe(0);
    expect(seenBy(to)).toHaveLength(4);
  });

  it(`gives a message up as dead after ${String(MAX_ATTEMPTS)} attempts, keeping its last error and erasing its body`, async () => {
    const to = newAddress('dead');
    refusals.set(to, Infinity);
    const id = await queue(t, to);

    for (const delayS of RETRY_DELAYS_S) {
      expect(await drain()).toEqual({ leased: 1, delivered: 0 });
      expect((await rowOf(t, id)).failedAt).toBeNull();
      t.clock.advance(delayS * 1_000);
    }
    expect(await rowOf(t, id)).toMatchObject({ textBody: `Text for ${to}`, attempts: MAX_ATTEMPTS - 1 });
    expect(await drain()).toEqual({ leased: 1, delivered: 0 });

    const dead = await rowOf(t, id);
    expect(dead).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null, textBody: null, htmlBody: null });
    expect(at(dead.failedAt)).toBe(t.clock.now().getTime());
    expect(dead.lastError).toMatch(/451.*Mailbox busy, try again later/);
    expect((await listDeadMail(t.db)).map((message) => message.id)).toContain(id);

    t.clock.advanceHours(24 * 30);
    expect((await drain()).leased).toBe(0);
    expect(seenBy(to)).toHaveLength(MAX_ATTEMPTS);
    expect(acceptedBy(to)).toEqual([]);
  });
});

describe('leases', () => {
  it('sends mail whose worker died mid-send once the lease lapses, and not before', async () => {
    const to = newAddress('orphaned');
    const id = await queue(t, to);
    const leaseMs = t.config.mailLeaseSeconds * 1_000;
    const leasedAt = t.clock.now().getTime();
    // A worker leases the message, then its process dies: nothing ever renews or finishes it.
    await t.db.transaction((tx) =>
      leaseDueMessages(tx, t.clock.now().toISOString(), new Date(leasedAt + leaseMs).toISOString(), 20),
    );

    t.clock.advance(leaseMs - 1);
    expect(await drain()).toEqual({ leased: 0, delivered: 0 });
    t.clock.advance(1);
    expect(await drain()).toEqual({ leased: 1, delivered: 1 });

    expect(await rowOf(t, id)).toMatchObject({ attempts: 2, lastError: null });
    expect(acceptedBy(to)).toHaveLength(1);
  });

  it('ignores what a worker whose lease lapsed reports, once another worker has the message', async () => {
    const to = newAddress('stale');
    const id = await queue(t, to);
    const leaseFor = () =>
      t.db.transaction((tx) =>
        leaseDueMessages(
          tx,
          t.clock.now().toISOString(),
          new Date(t.clock.now().getTime() + t.config.mailLeaseSeconds * 1_000).toISOString(),
          20,
        ),
      );
    const [stale] = await leaseFor();
    t.clock.advance(t.config.mailLeaseSeconds * 1_000);
    const [current] = await leaseFor();
    expect([stale?.attempts, current?.attempts]).toEqual([1, 2]);

    const now = t.clock.now().toISOString();
    expect(await markMessageFailed(t.db, { id, attempts: 1 }, 'late failure', null, now)).toBe(false);
    expect(await rowOf(t, id)).toMatchObject({ failedAt: null, lastError: null, textBody: `Text for ${to}` });
    expect(await markMessageSent(t.db, { id, attempts: 2 }, now)).toBe(true);
    expect(await markMessageFailed(t.db, { id, attempts: 2 }, 'after success', null, now)).toBe(false);
    expect(await rowOf(t, id)).toMatchObject({ failedAt: null, lastError: null });
  });
});

describe('a slow mail server', () => {
  it('never makes a second worker send what a live one is still sending: the lease is renewed', async () => {
    const slow: Deps = { ...t.deps, config: { ...t.config, mailLeaseSeconds: 1 } };
    const to = newAddress('slow');
    const id = await queue(t, to);
    const decide = smtp.decide;
    smtp.decide = (message) => (message.to.includes(to) ? 'hold' : decide(message));
    try {
      const first = drain(t, slow);
      await smtp.until(() => smtp.held.length === 1);
      // Well past the first lease: only renewals keep the message from being due again.
      t.clock.advance(5_000);
      await expect
        .poll(async () => at((await rowOf(t, id)).nextAttemptAt), { timeout: 5_000, interval: 50 })
        .toBeGreaterThan(t.clock.now().getTime());

      expect(await drain(t, slow)).toEqual({ leased: 0, delivered: 0 });
      smtp.releaseHeld();
      expect(await first).toEqual({ leased: 1, delivered: 1 });
    } finally {
      smtp.decide = decide;
      smtp.releaseHeld();
    }
    expect(acceptedBy(to)).toHaveLength(1);
    expect(await rowOf(t, id)).toMatchObject({ attempts: 1 });
  });
});

describe('two workers on one outbox', () => {
  it('deliver each of 50 messages exactly once, side by side', async () => {
    // On PostgreSQL the workers have a connection pool each, like two processes, and their
    // leases race for real (FOR UPDATE SKIP LOCKED). PGlite has one connection, so there the
    // lease transactions take turns: it shows only that a leased message is skipped.
    const store = t.store === 'postgres' ? await openTestDatabase() : null;
    const first = store?.database.db ?? t.db;
    const second =
      store === null || store.url === null ? null : await openDatabase({ databaseUrl: store.url, dataDir: null });
    const base = { config: t.config, clock: t.clock, log: t.deps.log };
    const workers: Deps[] = [
      { ...base, db: first },
      { ...base, db: second?.db ?? first },
    ];
    const recipients = Array.from({ length: 50 }, () => newAddress('shared'));
    await first.transaction(async (tx) => {
      for (const to of recipients) {
        await queueMail(tx, t.clock.now(), {
          accountId: null,
          to,
          content: { template: 'notice', subject: 'Shared', text: 'Shared', html: '<p>Shared</p>' },
        });
      }
    });
    // Messages wait at the server until both workers have their connections busy: one alone
    // opens at most 5, so 10 held at once shows both were sending at the same time.
    const decide = smtp.decide;
    let gateOpen = false;
    smtp.decide = (message) => {
      if (!recipients.some((to) => message.to.includes(to))) return decide(message);
      if (gateOpen) return 'accept';
      if (smtp.held.length + 1 === 10) {
        gateOpen = true;
        queueMicrotask(() => {
          smtp.releaseHeld();
        });
      }
      return 'hold';
    };
    const transports = workers.map(() => createMailTransport(t.config, t.deps.log));
    try {
      const delivered = await Promise.all(
        workers.map((deps, n) => {
          const transport = transports[n];
          if (transport === undefined) throw new Error('A worker has no transport');
          return drainBacklog(deps, transport);
        }),
      );
      expect(gateOpen).toBe(true);
      expect(delivered.reduce((sum, count) => sum + count, 0)).toBe(50);
      expect(delivered.every((count) => count > 0)).toBe(true);
    } finally {
      smtp.decide = decide;
      for (const transport of transports) transport.close();
      await second?.close();
      await store?.drop();
    }
    const counts = deliveriesByRecipient(smtp);
    expect(recipients.map((to) => counts.get(to))).toEqual(Array(50).fill(1));
  });
});
