import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../core/context.js';
import { forbidden, notFound, unauthenticated } from '../core/errors.js';
import { findScope, type Scope, type ScopeKey } from '../features/api-tokens/api-tokens.scopes.js';
import type { TokenPrincipal, TokenVerifier } from '../features/api-tokens/api-tokens.verifier.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The token scope the route needs; what the scope needs is required of the token's owner too. */
    scope?: ScopeKey;
    /** `public`: no credentials at all. */
    auth?: 'public';
    /**
     * Routes of the operators' realm: super admins may name any account in the path, and act
     * there as operators (the scope's privilege is not asked of them); others only their
     * token's account, with the scope's privilege.
     */
    operator?: 'any-account';
  }
  interface FastifyRequest {
    ctx: RequestContext;
    principal: TokenPrincipal | null;
  }
}

const BEARER = /^Bearer[ ]+(\S+)$/i;

/**
 * One place decides who may call what. Order matters and is part of the contract: no or bad
 * credentials → 401; another account's id in the path → 404 (as if it did not exist);
 * missing scope or privilege → 403 naming the scope; only then is the input validated.
 */
export function installAuth(app: FastifyInstance, verifier: TokenVerifier): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    const config = route.config as { scope?: string; auth?: string } | undefined;
    if (config?.auth !== 'public' && config?.scope === undefined) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares neither a scope nor public access`);
    }
    if (config.scope !== undefined) {
      const scope = findScope(config.scope);
      if (!scope) throw new Error(`Route ${route.url} declares unknown scope ${config.scope}`);
      route.schema = {
        ...route.schema,
        security: [{ bearerAuth: [scope.key] }],
        description:
          `${route.schema?.description ?? ''}\n\nToken scope: \`${scope.key}\` (${ownerRequirement(scope)}).`.trim(),
      };
    }
  });

  app.addHook('onRequest', async (req) => {
    const config = req.routeOptions.config;
    // Unknown routes answer 404 whoever asks; there is nothing to protect.
    if (config.auth === 'public' || req.is404) {
      req.ctx = anonymousContext(req);
      return;
    }
    const principal = await authenticate(req, verifier);
    if (!principal.isTrustedAddress(req.ip)) {
      throw forbidden('This account accepts API tokens only from its trusted IP addresses');
    }
    const accountId = (req.params as { account_id?: unknown }).account_id;
    const asOperator = config.operator !== undefined && principal.isSuperAdmin;
    if (typeof accountId === 'string' && accountId !== principal.accountId && !asOperator) {
      throw notFound('Account');
    }
    authorize(principal, config.scope, asOperator);
    req.principal = principal;
    req.ctx = {
      actor: { type: 'token', identityId: principal.identityId, tokenId: principal.tokenId, label: principal.email },
      requestId: req.id,
      clientIp: req.ip,
    };
  });
}

/** The token acting on a route that is not public (the hook has set it, or refused the call). */
export function principalOf(req: FastifyRequest): TokenPrincipal {
  if (req.principal === null) throw unauthenticated();
  return req.principal;
}

function ownerRequirement(scope: Scope): string {
  if (scope.operator) return 'the token’s owner must be a super admin';
  if (scope.privilege === null) return 'any active member’s token';
  return `the token’s owner must hold \`${scope.privilege}\``;
}

async function authenticate(req: FastifyRequest, verifier: TokenVerifier): Promise<TokenPrincipal> {
  const header = req.headers.authorization;
  if (header === undefined) throw unauthenticated('Not authenticated');
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw unauthenticated('Authorization header must be "Bearer <token>"');
  const principal = await verifier.verify(token, req.ip);
  if (principal === null) throw unauthenticated('Invalid, expired or revoked token');
  return principal;
}

function authorize(principal: TokenPrincipal, scopeKey: ScopeKey | undefined, asOperator: boolean): void {
  if (scopeKey === undefined) return;
  if (!principal.scopes.has(scopeKey)) throw forbidden(`This token lacks the scope "${scopeKey}"`);
  const scope = findScope(scopeKey);
  if (scope?.operator === true && !principal.isSuperAdmin) {
    throw forbidden(`Only operators (super admins) may use the scope "${scopeKey}"`);
  }
  if (scope?.privilege != null && !asOperator && !principal.privileges.has(scope.privilege)) {
    throw forbidden(`The token's owner may no longer use the scope "${scopeKey}" (needs ${scope.privilege})`);
  }
}

function anonymousContext(req: FastifyRequest): RequestContext {
  return {
    actor: { type: 'system', identityId: null, tokenId: null, label: 'anonymous' },
    requestId: req.id,
    clientIp: req.ip,
  };
}
