import * as oidc from 'openid-client';
import type { GoogleSignInConfig } from '../../config.js';

/** Where Google sends the browser back; it must be registered with the OAuth client as is. */
export const CALLBACK_PATH = '/v1/auth/google/callback';

const DISCOVERY_TIMEOUT_SECONDS = 10;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The OpenID Connect provider (Google, or the issuer configured in its place). Its metadata and
 * keys are discovered on first use and kept for the life of the process; a failed discovery is
 * forgotten, so the next sign-in tries again rather than the process staying broken.
 */
export class GoogleProvider {
  readonly redirectUri: string;
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly settings: GoogleSignInConfig,
    publicUrl: string,
  ) {
    this.redirectUri = `${publicUrl}${CALLBACK_PATH}`;
  }

  configuration(): Promise<oidc.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = null;
      throw error;
    });
    return this.discovered;
  }

  private async discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.settings.issuer);
    // Tokens must not cross a network in the clear; plain http is for an issuer on this machine (tests).
    const insecure = issuer.protocol === 'http:';
    if (insecure && !LOOPBACK_HOSTS.has(issuer.hostname)) {
      throw new Error(`GOOGLE_ISSUER ${issuer.origin} must use https unless it runs on this machine`);
    }
    return oidc.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      // Deprecated only to stand out, says openid-client; it is reached for a loopback issuer alone.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  }
}

/** What a log line may say about a failure: never the parameters, which hold the authorization code. */
export function describeProviderError(error: unknown): Record<string, string> {
  if (error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError) {
    return {
      name: error.name,
      error: error.error,
      ...(error.error_description ? { description: error.error_description } : {}),
    };
  }
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    return { name: error.name, message: error.message, ...(code === undefined ? {} : { code }) };
  }
  return { name: 'unknown' };
}
