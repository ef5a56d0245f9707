import type { Principal } from '../../core/principal.js';
import { keyedHash, parseAccountSecret } from '../../core/secrets.js';
import { dbTimestampMs } from '../../core/time.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { findUserPermissions } from '../users/users.service.js';
import { API_TOKEN_PREFIX } from './api-tokens.service.js';
import { trustedAddressCheck } from '../settings/settings.rules.js';
import {
  findTokenWithOwner,
  parseOwnerRevocation,
  TOKEN_REVOKED_CHANNEL,
  updateTokenLastUse,
} from './api-tokens.store.js';

/** How long a verified token may be trusted without asking the database again. */
const CACHE_MS = 1_000;
const LAST_USE_RESOLUTION_MS = 60_000;
const CACHE_LIMIT = 10_000;

/** A principal whose credential is an API token. */
export type TokenPrincipal = Principal & { kind: 'token'; tokenId: string };

interface CacheEntry {
  principal: TokenPrincipal | null;
  expiresAt: number;
}

/**
 * Verifies bearer tokens. A verdict is reused for at most a second, so a revocation, a
 * deactivated owner or a lost privilege takes effect on every process within that second; a
 * revocation made through this process's verifier takes effect here at once.
 */
export class TokenVerifier {
  private readonly cache = new Map<string, CacheEntry>();
  /** Moves with every forget, so a verdict read before a revocation is never cached after it. */
  private generation = 0;

  constructor(private readonly deps: Deps) {}

  /** Forgets the cached verdict for a token: its next request reads the database. */
  forget(tokenId: string): void {
    this.forgetWhere((principal) => principal.tokenId === tokenId);
  }

  /** Forgets every cached verdict of one owner's tokens in an account (deactivated, removed). */
  forgetOwner(accountId: string, identityId: string): void {
    this.forgetWhere((principal) => principal.accountId === accountId && principal.identityId === identityId);
  }

  private forgetWhere(matches: (principal: TokenPrincipal) => boolean): void {
    this.generation += 1;
    for (const [hash, entry] of this.cache) {
      if (entry.principal !== null && matches(entry.principal)) this.cache.delete(hash);
    }
  }

  /**
   * Forgets tokens as other processes revoke them (a NOTIFY sent with each revocation), so a
   * revocation takes effect at once everywhere; the cache's second remains the fallback.
   */
  async followRevocations(database: Pick<DatabaseHandle, 'listen'>): Promise<() => Promise<void>> {
    return database.listen(TOKEN_REVOKED_CHANNEL, (payload) => {
      const owner = parseOwnerRevocation(payload);
      if (owner === null) this.forget(payload);
      else this.forgetOwner(owner.accountId, owner.identityId);
    });
  }

  async verify(token: string, clientIp: string | null): Promise<TokenPrincipal | null> {
    const parsed = parseAccountSecret(API_TOKEN_PREFIX, token);
    if (parsed === null) return null;
    const hash = keyedHash(this.deps.config.secret, 'api-token', token);
    const nowMs = this.deps.clock.now().getTime();
    const cached = this.cache.get(hash);
    if (cached !== undefined && cached.expiresAt > nowMs) return cached.principal;

    const generation = this.generation;
    const principal = await this.load(parsed.accountId, hash, clientIp);
    if (generation !== this.generation) return principal;
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
    const permissions = await findUserPermissions(this.deps, { accountId, userId: row.ownerId });
    // Removed between the two reads: the token went with the membership.
    if (permissions === null) return null;
    return {
      kind: 'token',
      tokenId: row.tokenId,
      sessionId: null,
      accountId: row.accountId,
      identityId: row.ownerId,
      email: row.ownerEmail,
      scopes: new Set(row.scopes),
      privileges: new Set(permissions.accountPrivileges),
      isSuperAdmin: row.ownerIsSuperAdmin,
      expiresAt: row.expiresAt === null ? null : new Date(dbTimestampMs(row.expiresAt)),
      isTrustedAddress: trustedAddressCheck(row.trustedIps),
    };
  }
}
