import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { mailOutbox } from '../db/schema/index.js';

export type OutboxInsert = typeof mailOutbox.$inferInsert;
export type OutboxRow = typeof mailOutbox.$inferSelect;

/** Global table: a message may belong to no account (password reset of an identity). */
export async function insertOutboxMessage(ex: Executor, message: OutboxInsert): Promise<void> {
  await ex.insert(mailOutbox).values(message);
}

/**
 * Leases due messages by pushing their next attempt past the lease: another worker skips them,
 * and a worker that dies mid-send leaves them to be retried once the lease runs out.
 */
export async function leaseDueMessages(
  ex: Executor,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<OutboxRow[]> {
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

/** The body may hold a single-use link: it is erased once delivered. */
export async function markMessageSent(ex: Executor, id: string, now: string): Promise<void> {
  await ex
    .update(mailOutbox)
    .set({ sentAt: now, textBody: null, htmlBody: null, lastError: null })
    .where(eq(mailOutbox.id, id));
}

export async function markMessageFailed(
  ex: Executor,
  id: string,
  error: string,
  retryAt: string | null,
  now: string,
): Promise<void> {
  await ex
    .update(mailOutbox)
    .set(
      retryAt === null
        ? { failedAt: now, lastError: error, textBody: null, htmlBody: null }
        : { nextAttemptAt: retryAt, lastError: error },
    )
    .where(eq(mailOutbox.id, id));
}

export async function findOutboxMessages(ex: Executor, toAddress: string): Promise<OutboxRow[]> {
  return ex.select().from(mailOutbox).where(eq(mailOutbox.toAddress, toAddress)).orderBy(asc(mailOutbox.createdAt));
}
