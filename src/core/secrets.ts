import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export type SecretPurpose =
  'api-token' | 'invitation' | 'session' | 'csrf' | 'identity-link' | 'recovery-code' | 'throttle' | 'totp' | 'setup';

/**
 * A fast keyed hash for high-entropy secrets (tokens, links). They are random, so a password
 * hash would add cost without adding safety; the key keeps a stolen table useless on its own.
 */
export function keyedHash(secret: string, purpose: SecretPurpose, value: string): string {
  return createHmac('sha256', derivedKey(secret, purpose)).update(value).digest('base64url');
}

/**
 * Encrypts a secret Steward must read back (a TOTP secret) with AES-256-GCM under a key derived
 * for `purpose`: `v1.<iv>.<tag>.<ciphertext>` (base64url), so a stolen table is useless without
 * STEWARD_SECRET and the version leaves room to change the scheme later.
 */
export function encryptSecret(secret: string, purpose: SecretPurpose, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derivedKey(secret, purpose), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
}

/**
 * Reads back what `encryptSecret` wrote; `null` when it was altered, is not such a text, or was
 * written under another STEWARD_SECRET.
 */
export function decryptSecret(secret: string, purpose: SecretPurpose, encrypted: string): string | null {
  const [version, iv, tag, ciphertext, ...rest] = encrypted.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
    return null;
  }
  try {
    // A fixed tag length: GCM would otherwise accept a truncated tag, which is easier to forge.
    const decipher = createDecipheriv('aes-256-gcm', derivedKey(secret, purpose), Buffer.from(iv, 'base64url'), {
      authTagLength: 16,
    });
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // Node signals a failed authentication (and a tag of the wrong length) only by throwing.
    return null;
  }
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

/** `<prefix>_<43 chars>`: 32 random bytes, recognisable, for a secret that belongs to no one account. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Whether `value` has the shape `newSecret(prefix)` makes; anything else is not worth a lookup. */
export function isSecretOf(prefix: string, value: string): boolean {
  return new RegExp(`^${prefix}_[A-Za-z0-9_-]{43}$`).test(value);
}
