import * as oidc from 'openid-client';
import type { RequestContext } from '../../core/context.js';
import { DomainError, invalid } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import {
  completeFirstFactor,
  findIdentityByEmail,
  findIdentityById,
  recordSignIn,
  type IdentityRow,
  type SignInResult,
} from '../auth/auth.service.js';
import { describeProviderError, type GoogleProvider } from './google-sign-in.provider.js';
import { FLOW_MINUTES, isConsolePath, openFlow, sealFlow, type GoogleSignInRefusal } from './google-sign-in.rules.js';
import { findLinkedIdentityId, findLinkedSubject, linkGoogleAccount } from './google-sign-in.store.js';

const SCOPE = 'openid email profile';

/** Where a started sign-in goes: to the provider with a sealed flow to keep, or straight back refused. */
export type GoogleStart = { authorizationUrl: string; sealedFlow: string } | { refused: GoogleSignInRefusal };

export type GoogleFinish = { result: SignInResult; returnTo: string | null } | { refused: GoogleSignInRefusal };

/** Prepares the trip to the provider: PKCE (S256), state and nonce, all kept in the sealed flow. */
export async function startGoogleSignIn(
  deps: Deps,
  provider: GoogleProvider,
  returnTo: string | undefined,
): Promise<GoogleStart> {
  if (returnTo !== undefined && !isConsolePath(returnTo)) {
    throw invalid([
      {
        loc: ['query', 'return_to'],
        msg: 'return_to must be a path of the console, such as /accounts',
        type: 'value_error',
      },
    ]);
  }
  const configuration = await discover(deps, provider);
  if (configuration === null) return { refused: 'google_unavailable' };
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: provider.redirectUri,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const sealedFlow = sealFlow(deps.config.secret, {
    state,
    nonce,
    codeVerifier,
    returnTo: returnTo ?? null,
    expiresAt: deps.clock.now().getTime() + FLOW_MINUTES * 60_000,
  });
  return { authorizationUrl: authorizationUrl.href, sealedFlow };
}

/**
 * Finishes the sign-in the provider sent the browser back from. The ID token is checked by
 * openid-client (signature, issuer, audience, expiry, nonce); Steward then wants a verified
 * email that belongs to an identity already, and lets the membership flags decide the rest.
 * No identity is ever created here: people join Steward through an invitation only.
 */
export async function finishGoogleSignIn(
  deps: Deps,
  ctx: RequestContext,
  provider: GoogleProvider,
  input: {
    sealedFlow: string | undefined;
    /** the callback's query string as received, `?` included */
    search: string;
    userAgent: string | null;
  },
): Promise<GoogleFinish> {
  const flow =
    input.sealedFlow === undefined ? null : openFlow(deps.config.secret, input.sealedFlow, deps.clock.now().getTime());
  // The state ties this answer to the browser that started the sign-in (login CSRF).
  if (flow === null || new URLSearchParams(input.search).get('state') !== flow.state) {
    return { refused: 'google_invalid_state' };
  }

  const configuration = await discover(deps, provider);
  if (configuration === null) return { refused: 'google_unavailable' };
  let claims: oidc.IDToken | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, new URL(`${provider.redirectUri}${input.search}`), {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    if (error instanceof oidc.AuthorizationResponseError && error.error === 'access_denied') {
      return { refused: 'google_access_denied' };
    }
    deps.log.warn({ error: describeProviderError(error) }, 'Google sign-in: the provider refused or answered badly');
    return { refused: 'google_provider_error' };
  }

  const subject = typeof claims?.sub === 'string' && claims.sub !== '' ? claims.sub : null;
  if (subject === null) return { refused: 'google_provider_error' };
  const email = typeof claims?.email === 'string' ? claims.email.trim().toLowerCase() : null;
  const identity = await identityOfGoogleAccount(deps, ctx, subject, email, claims?.email_verified === true);
  if ('refused' in identity) return identity;
  try {
    const result = await completeFirstFactor(deps, ctx, identity.row, 'google', input.userAgent);
    if (!identity.linked) {
      await linkGoogleAccount(deps.db, {
        subject,
        identityId: identity.row.id,
        linkedAt: deps.clock.now().toISOString(),
      });
    }
    return { result, returnTo: flow.returnTo };
  } catch (error) {
    // completeFirstFactor has recorded the refusal: no active membership allows Google for them.
    if (error instanceof DomainError && error.kind === 'forbidden') return { refused: 'google_not_allowed' };
    throw error;
  }
}

/**
 * The identity a Google account signs in: the one it is linked to (by Google's subject id,
 * whatever email it shows now), else the one with its verified email, unless that identity is
 * linked to another Google account (a recycled or reassigned address). Refusals are recorded.
 */
async function identityOfGoogleAccount(
  deps: Deps,
  ctx: RequestContext,
  subject: string,
  email: string | null,
  emailVerified: boolean,
): Promise<{ row: IdentityRow; linked: boolean } | { refused: GoogleSignInRefusal }> {
  const refuse = async (reason: string, identityId: string | null, refused: GoogleSignInRefusal) => {
    await recordSignIn(deps.db, deps, ctx, { outcome: 'failure', email, identityId, method: 'google', reason });
    return { refused };
  };
  const linkedId = await findLinkedIdentityId(deps.db, subject);
  const linked = linkedId === undefined ? undefined : await findIdentityById(deps.db, linkedId);
  if (linked !== undefined) return { row: linked, linked: true };
  if (email === null || !emailVerified) return refuse('email_not_verified', null, 'google_email_not_verified');
  const identity = await findIdentityByEmail(deps.db, email);
  if (identity === undefined) return refuse('no_identity', null, 'google_no_account');
  const otherSubject = await findLinkedSubject(deps.db, identity.id);
  if (otherSubject !== undefined && otherSubject !== subject) {
    return refuse('other_google_account', identity.id, 'google_other_account');
  }
  return { row: identity, linked: false };
}

/** The provider's configuration; `null` (and a log line) when it cannot be discovered now. */
async function discover(deps: Deps, provider: GoogleProvider): Promise<oidc.Configuration | null> {
  try {
    return await provider.configuration();
  } catch (error) {
    deps.log.error({ error: describeProviderError(error) }, 'Google sign-in: the provider could not be discovered');
    return null;
  }
}
