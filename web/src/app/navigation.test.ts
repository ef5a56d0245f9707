import { describe, expect, it } from 'vitest';
import { loginErrorMessage, loginUrl, safeNext } from './navigation';

describe('where a sign-in returns to', () => {
  it('is a path of this console', () => {
    expect(safeNext('/users?page=2&q=ann')).toBe('/users?page=2&q=ann');
  });

  it('is never another site, the API or the login page itself', () => {
    for (const next of [
      'https://evil.example',
      '//evil.example/x',
      '/\\evil.example',
      'users',
      '/v1/me',
      '/login?next=/x',
    ]) {
      expect(safeNext(next), next).toBeNull();
    }
    expect(safeNext(null)).toBeNull();
  });

  it('rides along on the login URL', () => {
    expect(loginUrl('/users?page=2')).toBe('/login?next=%2Fusers%3Fpage%3D2');
    expect(loginUrl('/')).toBe('/login');
    expect(loginUrl('//evil.example')).toBe('/login');
  });

  it('explains the codes Google sign-in comes back with', () => {
    expect(loginErrorMessage('google_no_account')).toMatch(/invite/);
    expect(loginErrorMessage('something_new')).toMatch(/did not work/);
    expect(loginErrorMessage(null)).toBeNull();
  });
});
