import { describe, expect, it } from 'vitest';
import { isConsolePath, openFlow, sealFlow, type SignInFlow } from './google-sign-in.rules.js';

const SECRET = 'a-secret-that-is-long-enough-for-the-tests';
const NOW = Date.parse('2026-01-15T10:00:00Z');
const flow: SignInFlow = {
  state: 'state-value',
  nonce: 'nonce-value',
  codeVerifier: 'verifier-value',
  returnTo: '/accounts',
  expiresAt: NOW + 600_000,
};

describe('the sealed sign-in flow', () => {
  it('opens to what was sealed, and hides it from the browser', () => {
    const sealed = sealFlow(SECRET, flow);
    expect(openFlow(SECRET, sealed, NOW)).toEqual(flow);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('verifier-value');
    expect(sealFlow(SECRET, flow)).not.toBe(sealed);
  });

  it('does not open once it has expired', () => {
    const sealed = sealFlow(SECRET, flow);
    expect(openFlow(SECRET, sealed, flow.expiresAt - 1)).not.toBeNull();
    expect(openFlow(SECRET, sealed, flow.expiresAt)).toBeNull();
  });

  it('does not open when altered, truncated, or sealed under another secret', () => {
    const sealed = Buffer.from(sealFlow(SECRET, flow), 'base64url');
    for (const index of [0, 12, 28, sealed.length - 1]) {
      const altered = Buffer.from(sealed);
      altered[index] = (altered[index] ?? 0) ^ 1;
      expect(openFlow(SECRET, altered.toString('base64url'), NOW), `byte ${String(index)}`).toBeNull();
    }
    expect(openFlow(SECRET, sealed.subarray(0, 28).toString('base64url'), NOW)).toBeNull();
    expect(openFlow(SECRET, '', NOW)).toBeNull();
    expect(openFlow(`${SECRET}-other`, sealed.toString('base64url'), NOW)).toBeNull();
  });
});

describe('return_to', () => {
  it('accepts paths of the console', () => {
    for (const path of ['/', '/accounts', '/accounts/abc/users?page=2#top', '/a/@b', '/%2F%2Fx']) {
      expect(isConsolePath(path), path).toBe(true);
    }
  });

  it('refuses anything a browser could read as another site', () => {
    for (const path of [
      '',
      'accounts',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      '/a\\b',
      '/\t/evil',
      '/a\nb',
      `/${'a'.repeat(1000)}`,
    ]) {
      expect(isConsolePath(path), JSON.stringify(path)).toBe(false);
    }
  });
});
