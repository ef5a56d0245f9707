import { createHmac, hkdfSync, randomBytes } from 'node:crypto';

export type SecretPurpose =
  'api-token' | 'invitation' | 'session' | 'csrf' | 'identity-link' | 'recovery-code' | 'throttle';

/**
 * A fast keyed hash for high-entropy secrets (tokens, links). They are random, so a password
 * hash would add cost without adding safety; the key keeps a stolen table useless on its own.
 */
export function keyedHash(secret: string, purpose: SecretPurpose, value: string): string {
  return createHmac('sha256', derivedKey(secret, purpose)).update(value).digest('base64url');
}

const derivedKeys = new Map<string, Buffer>();

function derivedKey(secret: string, purpose: SecretPurpose): Buffer {
  const id = `${purpose}:${secret}`;
  let key = derivedKeys.get(id);
  if (key === undefined) {
    key = Buffer.from(hkdfSync('sha256', secret, 'steward', purpose, 32));
    derivedKeys.set(id, key);
  }
  return key;
}

/** `<prefix>_<account id>_<43 chars>`: 32 random bytes, recognisable, bound to one account. */
export function newAccountSecret(prefix: string, accountId: string): string {
  return `${prefix}_${accountId}_${randomBytes(32).toString('base64url')}`;
}

export function parseAccountSecret(prefix: string, value: string): { accountId: string } | null {
  const match = new RegExp(`^${prefix}_([0-9a-f]{24})_[A-Za-z0-9_-]{43}$`).exec(value);
  return match?.[1] === undefined ? null : { accountId: match[1] };
}
