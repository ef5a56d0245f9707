import type { RequestContext } from '../../core/context.js';
import { forbidden, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { keyedHash, newAccountSecret } from '../../core/secrets.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { nameKey } from '../users/users.rules.js';
import { recordAudit } from '../audit/audit.service.js';
import { MANAGE_TOKENS_PRIVILEGE, parseDateTime } from './api-tokens.rules.js';
import { findScope } from './api-tokens.scopes.js';
import type { TokenPrincipal, TokenVerifier } from './api-tokens.verifier.js';
import {
  countApiTokens,
  deleteApiToken,
  findApiTokenPage,
  insertApiToken,
  lockApiToken,
  notifyTokenRevoked,
  type ApiTokenRecord,
} from './api-tokens.store.js';

/** Tells the token verifiers a member’s tokens stopped working, inside the caller’s transaction (deactivation, removal). */
export { notifyOwnerTokensRevoked } from './api-tokens.store.js';

export const API_TOKEN_PREFIX = 'stw';

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
  createdAt: string;
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
  const createdAt = now.toISOString();
  const scopes = [...new Set(input.scopes)];
  await insertApiToken(tx, {
    accountId: input.accountId,
    id,
    ownerId: input.ownerId,
    name: input.name,
    nameKey: nameKey(input.name),
    tokenHash: keyedHash(deps.config.secret, 'api-token', token),
    scopes,
    expiresAt: input.expiresAt?.toISOString() ?? null,
    createdAt,
  });
  // Never the secret nor its hash: the audit log is read by more people than the tokens' owners.
  await recordAudit(tx, ctx, now, {
    accountId: input.accountId,
    action: 'token.create',
    targetType: 'api_token',
    targetId: id,
    after: {
      name: input.name,
      owner_id: input.ownerId,
      scopes,
      expires_at: input.expiresAt?.toISOString() ?? null,
    },
  });
  return { id, token, createdAt };
}

/** The token making a call, as far as managing tokens needs to know it. */
export type TokenCaller = Pick<TokenPrincipal, 'identityId' | 'email' | 'scopes' | 'privileges' | 'expiresAt'>;

export interface NewTokenRequest {
  accountId: string;
  name: string;
  scopes: string[];
  /** as the client sent it; `undefined`: the token never expires */
  expiresAt: string | undefined;
}

export interface CreatedApiToken {
  record: ApiTokenRecord;
  /** The secret; shown once, never stored. */
  token: string;
}

/**
 * Creates a token for the caller. It may carry only scopes the calling token holds itself and
 * expire no later than it, so no token can mint one more powerful or longer-lived than itself.
 */
export async function createApiToken(
  deps: Deps,
  ctx: RequestContext,
  caller: TokenCaller,
  request: NewTokenRequest,
): Promise<CreatedApiToken> {
  const now = deps.clock.now();
  const name = request.name.trim();
  const scopes = [...new Set(request.scopes)];
  const problems: FieldProblem[] = [];
  if (name === '') problems.push({ loc: ['body', 'name'], msg: 'Name must not be empty', type: 'value_error' });
  request.scopes.forEach((scope, index) => {
    if (findScope(scope) === undefined) {
      problems.push({
        loc: ['body', 'scopes', index],
        msg: `Unknown scope "${scope}"; see GET /v1/scopes`,
        type: 'value_error.scope',
      });
    }
  });
  const expiresAt = request.expiresAt === undefined ? null : parseDateTime(request.expiresAt);
  if (request.expiresAt !== undefined && expiresAt === null) {
    problems.push({
      loc: ['body', 'expires_at'],
      msg: 'Input should be an ISO 8601 date-time such as 2026-12-31T23:59:59Z',
      type: 'datetime_parsing',
    });
  } else if (expiresAt !== null && expiresAt.getTime() <= now.getTime()) {
    problems.push({ loc: ['body', 'expires_at'], msg: 'The expiry must be in the future', type: 'value_error' });
  } else if (caller.expiresAt !== null && (expiresAt === null || expiresAt > caller.expiresAt)) {
    // Like its scopes, a new token's life is bounded by the token that creates it.
    problems.push({
      loc: ['body', 'expires_at'],
      msg: `The calling token expires at ${caller.expiresAt.toISOString()}; a token it creates must expire by then`,
      type: 'value_error.outlives_caller',
    });
  }
  if (problems.length > 0) throw invalid(problems);
  const notHeld = scopes.filter((scope) => !caller.scopes.has(scope));
  if (notHeld.length > 0) {
    throw forbidden(`A token can only grant scopes it holds itself; this one lacks ${notHeld.join(', ')}`);
  }

  const issued = await deps.db.transaction((tx) =>
    issueApiTokenIn(tx, deps, ctx, {
      accountId: request.accountId,
      ownerId: caller.identityId,
      name,
      scopes,
      expiresAt,
    }),
  );
  return {
    token: issued.token,
    record: {
      tokenId: issued.id,
      name,
      ownerId: caller.identityId,
      ownerEmail: caller.email,
      scopes,
      createdAt: issued.createdAt,
      expiresAt: expiresAt?.toISOString() ?? null,
      lastUsedAt: null,
      lastUsedIp: null,
    },
  };
}

export interface TokenListQuery {
  page: number;
  itemsPerPage: number;
  /** only this owner's tokens */
  ownerId?: string;
}

export interface TokenList {
  items: ApiTokenRecord[];
  totalItems: number;
}

/** The caller's own tokens; every token of the account when the caller's owner may manage them. */
export async function listApiTokens(
  deps: Deps,
  caller: TokenCaller,
  accountId: string,
  query: TokenListQuery,
): Promise<TokenList> {
  const ownOnly = caller.privileges.has(MANAGE_TOKENS_PRIVILEGE) ? null : caller.identityId;
  const ownerId = query.ownerId ?? ownOnly;
  // Someone else's tokens are as absent to a caller who may see only their own.
  if (ownOnly !== null && ownerId !== ownOnly) return { items: [], totalItems: 0 };
  const items = await findApiTokenPage(deps.db, accountId, {
    ownerId,
    limit: query.itemsPerPage,
    offset: (query.page - 1) * query.itemsPerPage,
  });
  return { items, totalItems: await countApiTokens(deps.db, accountId, ownerId) };
}

export interface TokenRef {
  accountId: string;
  tokenId: string;
}

/**
 * Revokes a token: the caller's own, or anyone's when the caller's owner may manage tokens
 * (to others the token is as absent as a missing one). It stops working at once: here, and on
 * every other process when the revocation's notification reaches it (within a second at worst,
 * when their cached verdict expires).
 */
export async function revokeApiToken(
  deps: Deps,
  verifier: TokenVerifier,
  ctx: RequestContext,
  caller: TokenCaller,
  ref: TokenRef,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const token = await lockApiToken(tx, ref.accountId, ref.tokenId);
    const mayRevoke =
      token !== undefined && (token.ownerId === caller.identityId || caller.privileges.has(MANAGE_TOKENS_PRIVILEGE));
    if (!mayRevoke) throw notFound('API token');
    await deleteApiToken(tx, ref.accountId, ref.tokenId);
    await recordAudit(tx, ctx, deps.clock.now(), {
      accountId: ref.accountId,
      action: 'token.revoke',
      targetType: 'api_token',
      targetId: ref.tokenId,
      before: {
        name: token.name,
        owner_id: token.ownerId,
        scopes: token.scopes,
        expires_at: token.expiresAt,
        last_used_at: token.lastUsedAt,
      },
    });
    await notifyTokenRevoked(tx, ref.tokenId);
  });
  // After the commit: forgetting earlier would let a request re-cache the token before the delete is visible.
  verifier.forget(ref.tokenId);
}
