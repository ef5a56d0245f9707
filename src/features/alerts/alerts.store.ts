import { and, asc, eq } from 'drizzle-orm';
import { notFound } from '../../core/errors.js';
import type { Executor } from '../../db/client.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import { alertSubscriptions, memberships } from '../../db/schema/index.js';
import type { AlertFlag } from './alerts.rules.js';

export type AlertSubscriptionRow = typeof alertSubscriptions.$inferSelect;

export async function findAlertSubscription(
  ex: Executor,
  accountId: string,
  userId: string,
): Promise<AlertSubscriptionRow | undefined> {
  const [row] = await ex
    .select()
    .from(alertSubscriptions)
    .where(and(eq(alertSubscriptions.accountId, accountId), eq(alertSubscriptions.userId, userId)))
    .limit(1);
  return row;
}

/** Sets every flag of the member's subscription, creating it the first time. */
export async function saveAlertSubscription(ex: Executor, row: AlertSubscriptionRow): Promise<void> {
  try {
    await ex
      .insert(alertSubscriptions)
      .values(row)
      .onConflictDoUpdate({
        target: [alertSubscriptions.accountId, alertSubscriptions.userId],
        set: {
          runtimeStatus: row.runtimeStatus,
          executionStatus: row.executionStatus,
          userNotifications: row.userNotifications,
          updatedAt: row.updatedAt,
        },
      });
  } catch (error) {
    // The membership was removed by a transaction that committed first.
    if (isForeignKeyViolation(error)) throw notFound('Account');
    throw error;
  }
}

export interface Subscriber {
  userId: string;
  email: string;
  name: string;
}

/** The account's active, accepted members who subscribed to `flag`, in a stable order. */
export async function findSubscribers(ex: Executor, accountId: string, flag: AlertFlag): Promise<Subscriber[]> {
  return ex
    .select({ userId: memberships.userId, email: memberships.userEmail, name: memberships.userName })
    .from(alertSubscriptions)
    .innerJoin(
      memberships,
      and(eq(memberships.accountId, alertSubscriptions.accountId), eq(memberships.userId, alertSubscriptions.userId)),
    )
    .where(
      and(
        eq(alertSubscriptions.accountId, accountId),
        eq(alertSubscriptions[flag], true),
        eq(memberships.isActive, true),
        eq(memberships.status, 'active'),
      ),
    )
    .orderBy(asc(memberships.userId));
}
