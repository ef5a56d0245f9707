import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { identities } from '../../db/schema/index.js';

export type IdentityRow = typeof identities.$inferSelect;

// Global table (one person across accounts): no account_id to filter on.

/**
 * The identity of the email, inserted when there is none; either way its row is locked, so two
 * invitations of one new email cannot create it twice. A new email costs one statement.
 */
export async function insertIdentityIfAbsent(
  ex: Executor,
  identity: typeof identities.$inferInsert,
): Promise<IdentityRow> {
  const [inserted] = await ex
    .insert(identities)
    .values(identity)
    .onConflictDoNothing({ target: identities.email })
    .returning();
  if (inserted) return inserted;
  const [row] = await ex.select().from(identities).where(eq(identities.email, identity.email)).for('update');
  if (!row) throw new Error('Identity vanished after insert');
  return row;
}

export async function updateIdentity(
  ex: Executor,
  id: string,
  changes: Partial<Pick<IdentityRow, 'name' | 'isSuperAdmin' | 'updatedAt'>>,
): Promise<void> {
  await ex.update(identities).set(changes).where(eq(identities.id, id));
}
