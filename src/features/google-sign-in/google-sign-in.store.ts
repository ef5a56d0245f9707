import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { externalIdentities } from '../../db/schema/index.js';

/** The identity a Google account (by its subject id) is linked to, if any. */
export async function findLinkedIdentityId(ex: Executor, subject: string): Promise<string | undefined> {
  const [row] = await ex
    .select({ identityId: externalIdentities.identityId })
    .from(externalIdentities)
    .where(and(eq(externalIdentities.provider, 'google'), eq(externalIdentities.subject, subject)))
    .limit(1);
  return row?.identityId;
}

/** The subject id of the Google account linked to the identity, if any. */
export async function findLinkedSubject(ex: Executor, identityId: string): Promise<string | undefined> {
  const [row] = await ex
    .select({ subject: externalIdentities.subject })
    .from(externalIdentities)
    .where(and(eq(externalIdentities.provider, 'google'), eq(externalIdentities.identityId, identityId)))
    .limit(1);
  return row?.subject;
}

/**
 * Links a Google account to an identity. Two first sign-ins at once link once: the second
 * insert does nothing (either key), and the caller reads which account won.
 */
export async function linkGoogleAccount(
  ex: Executor,
  link: { subject: string; identityId: string; linkedAt: string },
): Promise<void> {
  await ex
    .insert(externalIdentities)
    .values({ provider: 'google', ...link })
    .onConflictDoNothing();
}
