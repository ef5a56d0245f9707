import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../core/context.js';
import { forbidden, notFound, unauthenticated } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import type { Deps } from '../deps.js';
import { ALL_SCOPE_KEYS, findScope, type Scope, type ScopeKey } from '../features/api-tokens/api-tokens.scopes.js';
import type { TokenVerifier } from '../features/api-tokens/api-tokens.verifier.js';
import {
  findLiveSession,
  isCsrfTokenValid,
  toLiveSession,
  type LiveSession,
} from '../features/sessions/sessions.service.js';
import { findSignedInPermissions } from '../features/users/users.service.js';
import { CSRF_HEADER, sessionCookieOf } from './cookies.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The token scope the route needs; what the scope needs is required of the token's owner too. */
    scope?: ScopeKey;
    /**
     * `public`: no credentials at all. `session`: a signed-in person (session cookie), whatever
     * account they work in; API tokens are refused.
     */
    auth?: 'public' | 'session';
    /** Open to a person who must enrol in two-factor authentication before anything else. */
    duringEnrolment?: true;
    /** Open to a person whose password passed its maximum age and must change it before anything else. */
    duringPasswordChange?: true;
    /**
     * Routes of the operators' realm: super admins may name any account in the path, and act
     * there as operators (the scope's privilege is not asked of them); others only their
     * token's account, with the scope's privilege.
     */
    operator?: 'any-account';
  }
  interface FastifyRequest {
    ctx: RequestContext;
    principal: Principal | null;
    /** the signed-in session, when the request came with a session cookie */
    session: LiveSession | null;
  }
}

const BEARER = /^Bearer[ ]+(\S+)$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ALL_SCOPES: ReadonlySet<string> = new Set(ALL_SCOPE_KEYS);

/**
 * One place decides who may call what. Order matters and is part of the contract: no or bad
 * credentials → 401; another account's id in the path → 404 (as if it did not exist);
 * missing scope or privilege → 403 naming the scope; only then is the input validated.
 *
 * A request is authenticated by a bearer token, or else by the session cookie. A session acts
 * with every scope, limited by the person's own privileges in the account of the path (or the
 * account they work in); its changes must carry the CSRF header.
 */
export function installAuth(app: FastifyInstance, deps: Deps, verifier: TokenVerifier): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    const config = route.config as { scope?: string; auth?: string } | undefined;
    if (config?.auth === undefined && config?.scope === undefined) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares neither a scope nor its access`);
    }
    if (config.auth === 'session') {
      route.schema = {
        ...route.schema,
        security: [{ sessionCookie: [] }],
        description:
          `${route.schema?.description ?? ''}\n\nNeeds a signed-in session (cookie); API tokens are refused.`.trim(),
      };
    }
    if (config.scope !== undefined) {
      const scope = findScope(config.scope);
      if (!scope) throw new Error(`Route ${route.url} declares unknown scope ${config.scope}`);
      route.schema = {
        ...route.schema,
        security: [{ bearerAuth: [scope.key] }, { sessionCookie: [] }],
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
    if (req.headers.authorization === undefined && sessionCookieOf(req) !== undefined) {
      await authenticateSession(req, deps);
      return;
    }
    if (config.auth === 'session') throw unauthenticated('Sign in first: this needs a signed-in session');
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

/** The credential acting on a route that is not public (the hook has set it, or refused the call). */
export function principalOf(req: FastifyRequest): Principal {
  if (req.principal === null) throw unauthenticated();
  return req.principal;
}

/** The signed-in person on a route with `auth: 'session'`. */
export function sessionOf(req: FastifyRequest): LiveSession {
  if (req.session === null) throw unauthenticated('Sign in first: this needs a signed-in session');
  return req.session;
}

async function authenticateSession(req: FastifyRequest, deps: Deps): Promise<void> {
  const config = req.routeOptions.config;
  const cookie = sessionCookieOf(req) ?? '';
  const row = await findLiveSession(deps, cookie, 'active');
  if (row === null) throw unauthenticated('Your session has ended: sign in again');
  if (!SAFE_METHODS.has(req.method) && !isCsrfTokenValid(deps, cookie, headerText(req, CSRF_HEADER))) {
    throw forbidden('A change made with a session cookie needs the X-CSRF-Token header from GET /v1/me');
  }
  const session = toLiveSession(row);
  if (session.mustEnrolTwoFactor && config.duringEnrolment !== true) {
    throw forbidden('Your account requires two-factor authentication: enrol at POST /v1/me/two-factor first');
  }
  if (session.mustChangePassword && config.duringPasswordChange !== true) {
    throw forbidden('Your password is older than your account allows: change it at POST /v1/me/password first');
  }
  req.session = session;
  req.ctx = {
    actor: { type: 'identity', identityId: session.identityId, tokenId: null, label: session.email },
    requestId: req.id,
    clientIp: req.ip,
  };
  if (config.auth === 'session') return;

  const pathAccountId = (req.params as { account_id?: unknown }).account_id;
  const accountId = typeof pathAccountId === 'string' ? pathAccountId : session.accountId;
  if (accountId === null) throw forbidden('You are not an active member of any account');
  const asOperator = config.operator !== undefined && session.isSuperAdmin;
  const permissions = await findSignedInPermissions(deps, { accountId, userId: session.identityId }, session.method);
  if (permissions === null && !asOperator) throw notFound('Account');
  const principal: Principal = {
    kind: 'session',
    tokenId: null,
    sessionId: session.id,
    accountId,
    identityId: session.identityId,
    email: session.email,
    scopes: ALL_SCOPES,
    privileges: new Set(permissions?.accountPrivileges ?? []),
    isSuperAdmin: session.isSuperAdmin,
    expiresAt: null,
    isTrustedAddress: () => true,
  };
  authorize(principal, config.scope, asOperator);
  req.principal = principal;
}

function headerText(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function ownerRequirement(scope: Scope): string {
  if (scope.operator) return 'the token’s owner must be a super admin';
  if (scope.privilege === null) return 'any active member’s token';
  return `the token’s owner must hold \`${scope.privilege}\``;
}

async function authenticate(req: FastifyRequest, verifier: TokenVerifier): Promise<Principal> {
  const header = req.headers.authorization;
  if (header === undefined) throw unauthenticated('Not authenticated');
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw unauthenticated('Authorization header must be "Bearer <token>"');
  const principal = await verifier.verify(token, req.ip);
  if (principal === null) throw unauthenticated('Invalid, expired or revoked token');
  return principal;
}

function authorize(principal: Principal, scopeKey: ScopeKey | undefined, asOperator: boolean): void {
  if (scopeKey === undefined) return;
  if (!principal.scopes.has(scopeKey)) throw forbidden(`This token lacks the scope "${scopeKey}"`);
  const scope = findScope(scopeKey);
  if (scope?.operator === true && !principal.isSuperAdmin) {
    throw forbidden(`Only operators (super admins) may use the scope "${scopeKey}"`);
  }
  if (scope?.privilege != null && !asOperator && !principal.privileges.has(scope.privilege)) {
    throw forbidden(
      principal.kind === 'token'
        ? `The token's owner may no longer use the scope "${scopeKey}" (needs ${scope.privilege})`
        : `This needs the privilege ${scope.privilege} in the account; ask an admin of the account for it`,
    );
  }
}

function anonymousContext(req: FastifyRequest): RequestContext {
  return {
    actor: { type: 'system', identityId: null, tokenId: null, label: 'anonymous' },
    requestId: req.id,
    clientIp: req.ip,
  };
}
