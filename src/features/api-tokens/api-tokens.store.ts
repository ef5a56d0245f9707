import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { apiTokens, identities, memberships } from '../../db/schema/index.js';
import { conflict } from '../../core/errors.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertApiToken(ex: Executor, token: typeof apiTokens.$inferInsert): Promise<void> {
  try {
    await ex.insert(apiTokens).values(token);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('An API token with this name already exists in the account');
    throw error;
  }
}

export interface TokenOwnerRow {
  tokenId: string;
  accountId: string;
  scopes: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  ownerId: string;
  ownerEmail: string;
  ownerIsAdmin: boolean;
  ownerIsActive: boolean;
  ownerIsSuperAdmin: boolean;
}

/** The token with its owner as they are now: a token never outlives its owner's standing. */
export async function findTokenWithOwner(
  ex: Executor,
  accountId: string,
  tokenHash: string,
): Promise<TokenOwnerRow | undefined> {
  const [row] = await ex
    .select({
      tokenId: apiTokens.id,
      accountId: apiTokens.accountId,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      ownerId: memberships.userId,
      ownerEmail: memberships.userEmail,
      ownerIsAdmin: memberships.isAdmin,
      ownerIsActive: memberships.isActive,
      ownerIsSuperAdmin: identities.isSuperAdmin,
    })
    .from(apiTokens)
    .innerJoin(
      memberships,
      and(eq(memberships.accountId, apiTokens.accountId), eq(memberships.userId, apiTokens.ownerId)),
    )
    .innerJoin(identities, eq(identities.id, memberships.userId))
    .where(and(eq(apiTokens.accountId, accountId), eq(apiTokens.tokenHash, tokenHash)))
    .limit(1);
  return row;
}

/** Writes last use only when the stored value is older than `staleBefore`: one write a minute at most. */
export async function updateTokenLastUse(
  ex: Executor,
  accountId: string,
  tokenId: string,
  usedAt: string,
  usedFrom: string | null,
  staleBefore: string,
): Promise<void> {
  await ex
    .update(apiTokens)
    .set({ lastUsedAt: usedAt, lastUsedIp: usedFrom })
    .where(
      and(
        eq(apiTokens.accountId, accountId),
        eq(apiTokens.id, tokenId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore)),
      ),
    );
}
