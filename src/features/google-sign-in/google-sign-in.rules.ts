import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** How long a person has at Google between leaving Steward and coming back. */
export const FLOW_MINUTES = 10;

/**
 * What the browser carries to Google and back: the values the callback must check. It lives in
 * the browser (sealed) rather than in the database, so any process can finish a sign-in that
 * another one started, and an abandoned sign-in leaves nothing behind.
 */
export interface SignInFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** a path of the console to land on once signed in; `null`: its home page */
  returnTo: string | null;
  /** epoch milliseconds, on Steward's clock */
  expiresAt: number;
}

/** Why a Google sign-in ended at the login page; the code is the `error` of `/login?error=…`. */
export type GoogleSignInRefusal =
  | 'google_access_denied'
  | 'google_provider_error'
  | 'google_unavailable'
  | 'google_invalid_state'
  | 'google_email_not_verified'
  | 'google_no_account'
  | 'google_other_account'
  | 'google_not_allowed';

const SEAL_CONTEXT = 'steward_google_flow';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts the flow with AES-256-GCM under a key derived from STEWARD_SECRET: the browser
 * can neither read the PKCE verifier nor change a field without the seal breaking.
 */
export function sealFlow(secret: string, flow: SignInFlow): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', flowKey(secret), iv);
  cipher.setAAD(Buffer.from(SEAL_CONTEXT));
  const body = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The flow a sealed value holds; `null` when it was altered, sealed with another secret, or has expired. */
export function openFlow(secret: string, sealed: string, nowMs: number): SignInFlow | null {
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', flowKey(secret), raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(SEAL_CONTEXT));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  let text: string;
  try {
    text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null; // the authentication tag did not match: not a flow Steward sealed
  }
  const flow = JSON.parse(text) as SignInFlow; // sealed by sealFlow, so it has the shape
  return flow.expiresAt > nowMs ? flow : null;
}

const flowKeys = new Map<string, Buffer>();

function flowKey(secret: string): Buffer {
  let key = flowKeys.get(secret);
  if (key === undefined) {
    key = Buffer.from(hkdfSync('sha256', secret, 'steward', 'google-sign-in-flow', 32));
    flowKeys.set(secret, key);
  }
  return key;
}

/**
 * Whether `path` may follow the sign-in: a path of the console itself. `//evil.example` and
 * `/\evil.example` are read by browsers as another host, and control characters can smuggle
 * one in, so only a plain absolute path passes.
 */
export function isConsolePath(path: string): boolean {
  return /^\/(?![/\\])[^\\\p{Cc}]*$/u.test(path) && path.length <= 1000;
}
