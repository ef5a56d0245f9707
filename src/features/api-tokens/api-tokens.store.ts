import { and, count, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import { accountSecuritySettings, apiTokens, identities, memberships } from '../../db/schema/index.js';
import { conflict, unauthenticated } from '../../core/errors.js';

export async function insertApiToken(ex: Executor, token: typeof apiTokens.$inferInsert): Promise<void> {
  try {
    await ex.insert(apiTokens).values(token);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('An API token with this name already exists in the account');
    // The owner's membership went away while their token was still trusted (for up to a second).
    if (isForeignKeyViolation(error)) throw unauthenticated('The token’s owner is no longer a member of this account');
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
  ownerIsActive: boolean;
  ownerIsSuperAdmin: boolean;
  /** the account's trusted addresses; empty when it has none */
  trustedIps: string[];
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
      ownerIsActive: memberships.isActive,
      ownerIsSuperAdmin: identities.isSuperAdmin,
      trustedIps: sql<string[]>`coalesce(${accountSecuritySettings.trustedIps}, '{}')`,
    })
    .from(apiTokens)
    .innerJoin(
      memberships,
      and(eq(memberships.accountId, apiTokens.accountId), eq(memberships.userId, apiTokens.ownerId)),
    )
    .innerJoin(identities, eq(identities.id, memberships.userId))
    .leftJoin(accountSecuritySettings, eq(accountSecuritySettings.accountId, apiTokens.accountId))
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

/** A token as the API shows it: never its hash. */
export interface ApiTokenRecord {
  tokenId: string;
  name: string;
  ownerId: string;
  ownerEmail: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
}

const recordColumns = {
  tokenId: apiTokens.id,
  name: apiTokens.name,
  ownerId: apiTokens.ownerId,
  ownerEmail: memberships.userEmail,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  lastUsedIp: apiTokens.lastUsedIp,
};

export interface TokenPageQuery {
  /** only this owner's tokens; `null`: every token of the account */
  ownerId: string | null;
  limit: number;
  offset: number;
}

function visibleTokens(accountId: string, ownerId: string | null): SQL | undefined {
  return and(eq(apiTokens.accountId, accountId), ownerId === null ? undefined : eq(apiTokens.ownerId, ownerId));
}

/** Newest first; the id breaks ties between tokens created in the same instant. */
export async function findApiTokenPage(
  ex: Executor,
  accountId: string,
  query: TokenPageQuery,
): Promise<ApiTokenRecord[]> {
  return ex
    .select(recordColumns)
    .from(apiTokens)
    .innerJoin(
      memberships,
      and(eq(memberships.accountId, apiTokens.accountId), eq(memberships.userId, apiTokens.ownerId)),
    )
    .where(visibleTokens(accountId, query.ownerId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(query.limit)
    .offset(query.offset);
}

export async function countApiTokens(ex: Executor, accountId: string, ownerId: string | null): Promise<number> {
  const [row] = await ex.select({ total: count() }).from(apiTokens).where(visibleTokens(accountId, ownerId));
  return row?.total ?? 0;
}

/** The token and its hash, locked until the transaction ends. */
export async function lockApiToken(
  ex: Executor,
  accountId: string,
  tokenId: string,
): Promise<(ApiTokenRecord & { tokenHash: string }) | undefined> {
  const [row] = await ex
    .select({ ...recordColumns, tokenHash: apiTokens.tokenHash })
    .from(apiTokens)
    .innerJoin(
      memberships,
      and(eq(memberships.accountId, apiTokens.accountId), eq(memberships.userId, apiTokens.ownerId)),
    )
    .where(and(eq(apiTokens.accountId, accountId), eq(apiTokens.id, tokenId)))
    .for('update', { of: apiTokens });
  return row;
}

export async function deleteApiToken(ex: Executor, accountId: string, tokenId: string): Promise<void> {
  await ex.delete(apiTokens).where(and(eq(apiTokens.accountId, accountId), eq(apiTokens.id, tokenId)));
}

/** The NOTIFY channel on which revoked token ids are announced to every server process. */
export const TOKEN_REVOKED_CHANNEL = 'steward_token_revoked';

/**
 * Announces a revocation to every process once the transaction commits (never if it rolls
 * back). Token ids are unique across accounts, so the id alone names the token.
 */
export async function notifyTokenRevoked(ex: Executor, tokenId: string): Promise<void> {
  await ex.execute(sql`select pg_notify(${TOKEN_REVOKED_CHANNEL}, ${tokenId})`);
}

const OWNER_PAYLOAD = /^owner:([^:]+):([^:]+)$/;

/**
 * Announces that every token of one owner in an account lost its power (the owner was
 * deactivated or removed), once the transaction commits.
 */
export async function notifyOwnerTokensRevoked(ex: Executor, accountId: string, identityId: string): Promise<void> {
  await ex.execute(sql`select pg_notify(${TOKEN_REVOKED_CHANNEL}, ${`owner:${accountId}:${identityId}`})`);
}

export function parseOwnerRevocation(payload: string): { accountId: string; identityId: string } | null {
  const match = OWNER_PAYLOAD.exec(payload);
  return match?.[1] === undefined || match[2] === undefined ? null : { accountId: match[1], identityId: match[2] };
}
