import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { identities, memberships, signInEvents } from '../../db/schema/index.js';

export type IdentityRow = typeof identities.$inferSelect;
export type SignInEventInsert = typeof signInEvents.$inferInsert;

export async function findIdentityByEmail(ex: Executor, email: string): Promise<IdentityRow | undefined> {
  const [row] = await ex.select().from(identities).where(eq(identities.email, email)).limit(1);
  return row;
}

export async function findIdentityById(ex: Executor, id: string): Promise<IdentityRow | undefined> {
  const [row] = await ex.select().from(identities).where(eq(identities.id, id)).limit(1);
  return row;
}

export async function insertSignInEvent(ex: Executor, event: SignInEventInsert): Promise<void> {
  await ex.insert(signInEvents).values(event);
}

/** Stamps `last_login` on the membership the person signed in to. */
export async function stampLastLogin(ex: Executor, accountId: string, identityId: string, now: string): Promise<void> {
  await ex
    .update(memberships)
    .set({ lastLogin: now })
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, identityId)));
}
