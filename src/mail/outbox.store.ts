import { and, asc, desc, eq, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { mailOutbox } from '../db/schema/index.js';

export type OutboxInsert = typeof mailOutbox.$inferInsert;
export type OutboxRow = typeof mailOutbox.$inferSelect;

/**
 * A worker's hold on one message. `attempts` is the count its lease gave the row: any later
 * lease (by another worker, once this one lapsed) raises it, so a stale holder matches nothing.
 */
export interface MessageLease {
  id: string;
  attempts: number;
}

/** Global table: a message may belong to no account (password reset of an identity). */
export async function insertOutboxMessage(ex: Executor, message: OutboxInsert): Promise<void> {
  await ex.insert(mailOutbox).values(message);
}

/**
 * Leases due messages by pushing their next attempt past the lease: another worker skips them,
 * and a worker that dies mid-send leaves them to be retried once the lease runs out. The lease
 * counts as an attempt, so a message that kills its worker every time still ends dead.
 */
export async function leaseDueMessages(
  ex: Executor,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<OutboxRow[]> {
  // SKIP LOCKED: a second worker takes the next rows instead of waiting for, then re-leasing, these.
  const due = ex
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return ex
    .update(mailOutbox)
    .set({ nextAttemptAt: leaseUntil, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(sql`${mailOutbox.id} IN (${due})`)
    .returning();
}

/**
 * Moves the leases still at `leaseUntil` to `renewedUntil`. A row whose failure was just
 * recorded has another next attempt, so a renewal racing with it leaves its retry time alone.
 */
export async function renewLeases(
  ex: Executor,
  leases: MessageLease[],
  leaseUntil: string,
  renewedUntil: string,
): Promise<void> {
  if (leases.length === 0) return;
  await ex
    .update(mailOutbox)
    .set({ nextAttemptAt: renewedUntil })
    .where(and(stillLeased(leases), eq(mailOutbox.nextAttemptAt, leaseUntil)));
}

/**
 * The body may hold a single-use link: it is erased once delivered. Answers false when the
 * lease was lost (another worker holds or finished the message).
 */
export async function markMessageSent(ex: Executor, lease: MessageLease, now: string): Promise<boolean> {
  const rows = await ex
    .update(mailOutbox)
    .set({ sentAt: now, textBody: null, htmlBody: null, lastError: null })
    .where(stillLeased([lease]))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

/**
 * Records a failed attempt: retried at `retryAt`, or, when that is null, dead, its body erased
 * like a sent one's. Answers false when the lease was lost.
 */
export async function markMessageFailed(
  ex: Executor,
  lease: MessageLease,
  error: string,
  retryAt: string | null,
  now: string,
): Promise<boolean> {
  const rows = await ex
    .update(mailOutbox)
    .set(
      retryAt === null
        ? { failedAt: now, lastError: error, textBody: null, htmlBody: null }
        : { nextAttemptAt: retryAt, lastError: error },
    )
    .where(stillLeased([lease]))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

function stillLeased(leases: MessageLease[]): SQL | undefined {
  return and(
    isNull(mailOutbox.sentAt),
    isNull(mailOutbox.failedAt),
    or(...leases.map((lease) => and(eq(mailOutbox.id, lease.id), eq(mailOutbox.attempts, lease.attempts)))),
  );
}

export async function findOutboxMessages(ex: Executor, toAddress: string): Promise<OutboxRow[]> {
  return ex.select().from(mailOutbox).where(eq(mailOutbox.toAddress, toAddress)).orderBy(asc(mailOutbox.createdAt));
}

/** Global table: operators see every account's dead mail, newest first. */
export async function findDeadMessages(ex: Executor, limit: number): Promise<OutboxRow[]> {
  return ex
    .select()
    .from(mailOutbox)
    .where(isNotNull(mailOutbox.failedAt))
    .orderBy(desc(mailOutbox.failedAt), desc(mailOutbox.id))
    .limit(limit);
}
