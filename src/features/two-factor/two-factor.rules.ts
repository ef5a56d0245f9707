import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** The name authenticator apps show above the code. */
export const TOTP_ISSUER = 'Steward';
export const RECOVERY_CODE_COUNT = 10;
/** Codes of the step before and after the current one are accepted too: clocks drift, people type slowly. */
const TOTP_WINDOW = 1;
const TOTP_CODE = /^\d{6}$/;
const RECOVERY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const RECOVERY_CODE = /^[a-z2-7]{10}$/;

/** A new TOTP secret: 20 random bytes (RFC 4226's recommended size for SHA1), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** SHA1, 6 digits, 30 s: the only settings every authenticator app understands. */
export function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The time step `code` was made for at `nowMs`, or `null` when it belongs to none within the window. */
export function matchingStep(totp: TOTP, code: string, nowMs: number): number | null {
  const token = code.replace(/\s/g, '');
  if (!TOTP_CODE.test(token)) return null;
  const delta = totp.validate({ token, timestamp: nowMs, window: TOTP_WINDOW });
  return delta === null ? null : totp.counter({ timestamp: nowMs }) + delta;
}

/** Whether a code typed where either kind is accepted is a TOTP code rather than a recovery code. */
export function isTotpCode(code: string): boolean {
  return TOTP_CODE.test(code.replace(/\s/g, ''));
}

/** 50 random bits in lower-case base32, which has no 0/O or 1/l to confuse; in the form that is hashed. */
export function newRecoveryCode(): string {
  return Array.from({ length: 10 }, () => RECOVERY_ALPHABET.charAt(randomInt(RECOVERY_ALPHABET.length))).join('');
}

/** `xxxxx-xxxxx`, as the person is shown it once. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A typed recovery code in the one form that is hashed, or `null` when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toLowerCase();
  return RECOVERY_CODE.test(code) ? code : null;
}
