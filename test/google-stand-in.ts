import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll } from 'vitest';
import { TEST_PUBLIC_URL } from './app.js';

/** A person as the stand-in's ID token describes them. */
export interface GooglePerson {
  sub: string;
  email: string;
  email_verified: boolean;
}

export interface GoogleStandIn {
  /**
   * GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and GOOGLE_ISSUER for `useTestApp`. Filled in by this
   * helper's `beforeAll`, which runs before the app's when `useGoogleStandIn` is called first.
   */
  env: Record<string, string>;
  /**
   * Plays the browser at the provider: follows `authorizationUrl`, signs `person` in (or declines
   * when `person` is `'decline'`), consents, and returns the URL the provider sends back to.
   */
  authorize(authorizationUrl: string, person: GooglePerson | 'decline'): Promise<URL>;
}

const CLIENT_ID = 'steward-test-client';
const SIGN_IN_AS = 'x-test-sign-in-as';
const DECLINE = 'decline';
const MAX_HOPS = 10;

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 standing in for Google: one
 * client, claims like Google's (email and email_verified in the ID token), and an interaction
 * page that signs in whoever the test names, so no browser is needed.
 */
export function useGoogleStandIn(redirectUri = `${TEST_PUBLIC_URL}/v1/auth/google/callback`): GoogleStandIn {
  const people = new Map<string, GooglePerson>();
  const env: Record<string, string> = {};
  const clientSecret = randomBytes(24).toString('base64url');
  const server = createServer();

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // Listening on a TCP port, so the address is an AddressInfo (a pipe would give a string).
    const issuer = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      findAccount: async (_ctx, id) => {
        const person = people.get(id);
        return person === undefined ? undefined : { accountId: id, claims: () => ({ ...person }) };
      },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      conformIdTokenClaims: false,
      cookies: { keys: [randomBytes(24).toString('base64url')] },
      jwks: { keys: [signingKey()] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    });
    const handle = provider.callback();
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith('/interaction/') === true) void interact(provider, req, res);
      else handle(req, res);
    });
    Object.assign(env, { GOOGLE_CLIENT_ID: CLIENT_ID, GOOGLE_CLIENT_SECRET: clientSecret, GOOGLE_ISSUER: issuer });
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  return {
    env,
    authorize: async (authorizationUrl, person) => {
      if (person !== DECLINE) people.set(person.sub, person);
      const jar = new Map<string, string>();
      let url = authorizationUrl;
      for (let hop = 0; hop < MAX_HOPS; hop++) {
        if (url.startsWith(`${redirectUri}?`)) return new URL(url);
        const res = await fetch(url, {
          redirect: 'manual',
          headers: {
            cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
            [SIGN_IN_AS]: person === DECLINE ? DECLINE : person.sub,
          },
        });
        for (const cookie of res.headers.getSetCookie()) {
          const [name = '', value = ''] = (cookie.split(';')[0] ?? '').split(/=(.*)/s);
          if (value === '') jar.delete(name);
          else jar.set(name, value);
        }
        const location = res.headers.get('location');
        if (location === null)
          throw new Error(`The provider stopped at ${url}: ${String(res.status)} ${await res.text()}`);
        url = new URL(location, url).href;
      }
      throw new Error('The provider never sent the browser back');
    },
  };
}

/** Signs in the person the test named, or declines; then consents to what the client asked. */
async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const details = await provider.interactionDetails(req, res);
    const signInAs = req.headers[SIGN_IN_AS];
    if (signInAs === DECLINE) {
      await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'The person declined',
      });
      return;
    }
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId: String(signInAs) } });
      return;
    }
    const accountId = details.session?.accountId ?? String(signInAs);
    const grant =
      (details.grantId === undefined ? undefined : await provider.Grant.find(details.grantId)) ??
      new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.prompt.details.missingOIDCScope?.join(' ') ?? 'openid');
    grant.addOIDCClaims(details.prompt.details.missingOIDCClaims ?? []);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  } catch (error) {
    res.statusCode = 500;
    res.end(error instanceof Error ? error.message : 'interaction failed');
  }
}

function signingKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: 'stand-in', alg: 'RS256', use: 'sig' };
}
