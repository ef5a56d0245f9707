import { and, eq, gt, inArray, isNull, lt, lte, max, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { signInThrottle } from '../../db/schema/index.js';
import { LOCK_DURATIONS_MS, LOCKOUT_MEMORY_MS, type ThrottleRule } from './sign-in-throttle.rules.js';

// Global table: keys are keyed hashes of an email or an address group, never the text itself.

/** The latest end of a lock among `keys` still locked at `now`, or `null`. */
export async function findLockedUntil(ex: Executor, keys: string[], now: string): Promise<string | null> {
  const [row] = await ex
    .select({ lockedUntil: max(signInThrottle.lockedUntil) })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.lockedUntil, now)));
  return row?.lockedUntil ?? null;
}

/**
 * Counts one failure against `key` in one statement, so processes counting at once never lose
 * one. The SET expressions read the row as it was; PostgreSQL re-reads it when a concurrent
 * upsert got there first. Answers the end of the lock when this failure locked the key.
 */
export async function upsertFailure(
  ex: Executor,
  key: string,
  rule: ThrottleRule,
  now: string,
): Promise<string | null> {
  const t = signInThrottle;
  const at = sql`${now}::timestamptz`;
  const windowExpired = sql`(${at} >= ${t.windowStartedAt} + ${rule.windowMs} * interval '1 millisecond')`;
  const count = sql`(case when ${windowExpired} then 1 else ${t.failures} + 1 end)`;
  const locks = sql`(${count} >= ${rule.maxFailures})`;
  const priorLockouts = sql`(case when ${at} >= ${t.windowStartedAt} + ${LOCKOUT_MEMORY_MS} * interval '1 millisecond'
    then 0 else ${t.lockouts} end)`;
  // Constants of the code, not input: safe to inline, and one array instead of a parameter per entry.
  const durations = sql.raw(`array[${LOCK_DURATIONS_MS.join(', ')}]`);
  const lockMs = sql`(${durations})[least(${priorLockouts}, ${LOCK_DURATIONS_MS.length - 1}) + 1]`;
  const [row] = await ex
    .insert(t)
    .values({ key, failures: 1, windowStartedAt: now, lockouts: 0, lockedUntil: null })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        // A lock starts a fresh window: after it ends, the count starts again from zero.
        failures: sql`case when ${locks} then 0 else ${count} end`,
        windowStartedAt: sql`case when ${locks} or ${windowExpired} then ${at} else ${t.windowStartedAt} end`,
        lockouts: sql`${priorLockouts} + case when ${locks} then 1 else 0 end`,
        lockedUntil: sql`case when ${locks} then ${at} + ${lockMs} * interval '1 millisecond' else ${t.lockedUntil} end`,
      },
    })
    .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
  // Only a failure that locks leaves the count at zero; every other one leaves at least 1.
  return row !== undefined && row.failures === 0 ? row.lockedUntil : null;
}

export async function deleteThrottleKey(ex: Executor, key: string): Promise<void> {
  await ex.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

/** Rows pruned per failure counted: enough to keep up, never a long statement. */
const PRUNE_BATCH = 100;

/**
 * Deletes counters that no longer matter: not locked, and older than the lockout memory (by
 * then their window is over and their lockouts forgotten, so a fresh row would count the
 * same). Rows of keys that never fail again would otherwise stay for ever.
 */
export async function deleteStaleThrottleRows(ex: Executor, now: string): Promise<void> {
  const t = signInThrottle;
  const stale = ex
    .select({ key: t.key })
    .from(t)
    .where(
      and(
        lte(t.windowStartedAt, sql`${now}::timestamptz - ${LOCKOUT_MEMORY_MS} * interval '1 millisecond'`),
        or(isNull(t.lockedUntil), lt(t.lockedUntil, now)),
      ),
    )
    .limit(PRUNE_BATCH);
  await ex.delete(t).where(inArray(t.key, stale));
}
