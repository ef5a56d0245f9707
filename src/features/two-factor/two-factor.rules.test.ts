import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from '../../core/secrets.js';
import {
  formatRecoveryCode,
  isTotpCode,
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  normaliseRecoveryCode,
  totpFor,
} from './two-factor.rules.js';

const SECRET = 'a-steward-secret-that-is-long-enough-for-tests';
const NOW = Date.parse('2026-01-15T10:00:10.000Z');

describe('TOTP codes', () => {
  const totp = totpFor(newTotpSecret(), 'ann@example.com');
  const step = Math.floor(NOW / 30_000);
  const codeAt = (ms: number) => totp.generate({ timestamp: ms });

  it('finds the step a code was made for, one step either side', () => {
    expect(matchingStep(totp, codeAt(NOW), NOW)).toBe(step);
    expect(matchingStep(totp, codeAt(NOW - 30_000), NOW)).toBe(step - 1);
    expect(matchingStep(totp, codeAt(NOW + 30_000), NOW)).toBe(step + 1);
    expect(matchingStep(totp, codeAt(NOW - 60_000), NOW)).toBeNull();
    expect(matchingStep(totp, codeAt(NOW + 60_000), NOW)).toBeNull();
  });

  it('ignores spaces and refuses anything but six digits', () => {
    const code = codeAt(NOW);
    expect(matchingStep(totp, ` ${code.slice(0, 3)} ${code.slice(3)} `, NOW)).toBe(step);
    expect(matchingStep(totp, `${code}0`, NOW)).toBeNull();
    expect(matchingStep(totp, 'abcdef', NOW)).toBeNull();
    expect(isTotpCode('123 456')).toBe(true);
    expect(isTotpCode('abcde-fghij')).toBe(false);
  });
});

describe('recovery codes', () => {
  it('are ten lower-case base32 characters, shown with a dash', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[a-z2-7]{10}$/);
    expect(formatRecoveryCode(code)).toBe(`${code.slice(0, 5)}-${code.slice(5)}`);
    expect(new Set(Array.from({ length: 50 }, newRecoveryCode)).size).toBe(50);
  });

  it('are read whatever the case, spaces and dashes', () => {
    expect(normaliseRecoveryCode(' ABCDE-fgh23 ')).toBe('abcdefgh23');
    expect(normaliseRecoveryCode('abcde fgh23')).toBe('abcdefgh23');
    expect(normaliseRecoveryCode('abcde-fgh2')).toBeNull();
    expect(normaliseRecoveryCode('abcde-fgh01')).toBeNull();
  });
});

describe('secrets encrypted at rest', () => {
  it('read back only with the same secret and purpose, and never the same text twice', () => {
    const encrypted = encryptSecret(SECRET, 'totp', 'JBSWY3DPEHPK3PXP');
    expect(encrypted).toMatch(/^v1\./);
    expect(encrypted).not.toContain('JBSWY3DPEHPK3PXP');
    expect(encryptSecret(SECRET, 'totp', 'JBSWY3DPEHPK3PXP')).not.toBe(encrypted);
    expect(decryptSecret(SECRET, 'totp', encrypted)).toBe('JBSWY3DPEHPK3PXP');
    expect(decryptSecret(`${SECRET}!`, 'totp', encrypted)).toBeNull();
    expect(decryptSecret(SECRET, 'session', encrypted)).toBeNull();
  });

  it('refuses an altered text', () => {
    const [version, iv, tag, ciphertext] = encryptSecret(SECRET, 'totp', 'JBSWY3DPEHPK3PXP').split('.');
    const flipped = Buffer.from(ciphertext ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(decryptSecret(SECRET, 'totp', [version, iv, tag, flipped.toString('base64url')].join('.'))).toBeNull();
    const shortTag = Buffer.from(tag ?? '', 'base64url')
      .subarray(0, 4)
      .toString('base64url');
    expect(decryptSecret(SECRET, 'totp', [version, iv, shortTag, ciphertext].join('.'))).toBeNull();
    expect(decryptSecret(SECRET, 'totp', 'JBSWY3DPEHPK3PXP')).toBeNull();
  });
});
