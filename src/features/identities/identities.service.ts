import { newId } from '../../core/ids.js';
import type { Executor } from '../../db/client.js';
import { insertIdentityIfAbsent, updateIdentity, type IdentityRow } from './identities.store.js';

/** Changes an identity inside the caller’s transaction (an invitation’s acceptance). */
export { updateIdentity } from './identities.store.js';

/** One person, one identity: an email seen before gets the identity it already has. */
export async function findOrCreateIdentity(
  tx: Executor,
  now: Date,
  input: { email: string; name: string },
): Promise<IdentityRow> {
  const stamp = now.toISOString();
  return insertIdentityIfAbsent(tx, {
    id: newId(now),
    email: input.email,
    name: input.name,
    createdAt: stamp,
    updatedAt: stamp,
  });
}

export async function grantSuperAdmin(tx: Executor, now: Date, identityId: string): Promise<void> {
  await updateIdentity(tx, identityId, { isSuperAdmin: true, updatedAt: now.toISOString() });
}
