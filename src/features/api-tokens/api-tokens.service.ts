import type { RequestContext } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { dbTimestampMs } from '../../core/time.js';
import { newId } from '../../core/ids.js';
import { keyedHash, newAccountSecret, parseAccountSecret } from '../../core/secrets.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { ACCOUNT_PRIVILEGES } from '../roles/roles.catalog.js';
import { findScope } from './api-tokens.scopes.js';
import { findTokenWithOwner, insertApiToken, updateTokenLastUse } from './api-tokens.store.js';

export const API_TOKEN_PREFIX = 'stw';
/** How long a verified token may be trusted without asking the database again. */
const CACHE_MS = 1_000;
const LAST_USE_RESOLUTION_MS = 60_000;
const CACHE_LIMIT = 10_000;

export interface NewApiToken {
  accountId: string;
  ownerId: string;
  name: string;
  scopes: string[];
  expiresAt: Date | null;
}

export interface IssuedApiToken {
  id: string;
  /** The secret; shown once, never stored. */
  token: string;
}

/** Issues a token inside the caller's transaction. */
export async function issueApiTokenIn(
  tx: Executor,
  deps: Deps,
  ctx: RequestContext,
  input: NewApiToken,
): Promise<IssuedApiToken> {
  const unknown = input.scopes.filter((scope) => findScope(scope) === undefined);
  if (unknown.length > 0) {
    throw invalid([
      { loc: ['body', 'scopes'], msg: `Unknown scopes: ${unknown.join(', ')}`, type: 'value_error.scope' },
    ]);
  }
  const now = deps.clock.now();
  const token = newAccountSecret(API_TOKEN_PREFIX, input.accountId);
  const id = newId(now);
  await insertApiToken(tx, {
    accountId: input.accountId,
    id,
    ownerId: input.ownerId,
    name: input.name,
    nameKey: input.name.toLowerCase(),
    tokenHash: keyedHash(deps.config.secret, 'api-token', token),
    scopes: [...new Set(input.scopes)],
    expiresAt: input.expiresAt?.toISOString() ?? null,
    createdAt: now.toISOString(),
  });
  await recordAudit(tx, ctx, now, {
    accountId: input.accountId,
    action: 'token.create',
    targetType: 'api_token',
    targetId: id,
    after: { name: input.name, owner_id: input.ownerId, scopes: input.scopes },
  });
  return { id, token };
}

/** Who a verified token acts for, and what it may do right now. */
export interface TokenPrincipal {
  tokenId: string;
  accountId: string;
  identityId: string;
  email: string;
  scopes: ReadonlySet<string>;
  /** the owner's account-wide privileges at the time of the check */
  privileges: ReadonlySet<string>;
}

interface CacheEntry {
  principal: TokenPrincipal | null;
  expiresAt: number;
}

/**
 * Verifies bearer tokens. A verdict is reused for at most a second, so a revocation, a
 * deactivated owner or a lost privilege takes effect on every process within that second.
 */
export class TokenVerifier {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly deps: Deps) {}

  async verify(token: string, clientIp: string | null): Promise<TokenPrincipal | null> {
    const parsed = parseAccountSecret(API_TOKEN_PREFIX, token);
    if (parsed === null) return null;
    const hash = keyedHash(this.deps.config.secret, 'api-token', token);
    const nowMs = this.deps.clock.now().getTime();
    const cached = this.cache.get(hash);
    if (cached !== undefined && cached.expiresAt > nowMs) return cached.principal;

    const principal = await this.load(parsed.accountId, hash, clientIp);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(hash, { principal, expiresAt: nowMs + CACHE_MS });
    return principal;
  }

  private async load(accountId: string, hash: string, clientIp: string | null): Promise<TokenPrincipal | null> {
    const row = await findTokenWithOwner(this.deps.db, accountId, hash);
    const now = this.deps.clock.now();
    if (!row || !row.ownerIsActive) return null;
    if (row.expiresAt !== null && dbTimestampMs(row.expiresAt) <= now.getTime()) return null;
    const staleBefore = new Date(now.getTime() - LAST_USE_RESOLUTION_MS);
    if (row.lastUsedAt === null || dbTimestampMs(row.lastUsedAt) < staleBefore.getTime()) {
      await updateTokenLastUse(
        this.deps.db,
        accountId,
        row.tokenId,
        now.toISOString(),
        clientIp,
        staleBefore.toISOString(),
      );
    }
    return {
      tokenId: row.tokenId,
      accountId: row.accountId,
      identityId: row.ownerId,
      email: row.ownerEmail,
      scopes: new Set(row.scopes),
      privileges: new Set(row.ownerIsAdmin ? ACCOUNT_PRIVILEGES : []),
    };
  }
}
