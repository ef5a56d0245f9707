import { describe, expect, it } from 'vitest';
import { expiryInstant, groupScopes, isExpired, scopeCaveat, type Scope } from './tokens.rules';

const scope = (key: string, privilege: string | null = null, operator = false): Scope => ({
  key,
  description: `about ${key}`,
  privilege,
  operator,
});

describe('grouping the scope catalog', () => {
  it('puts scopes under what they are about, in the catalog’s order', () => {
    const groups = groupScopes([
      scope('user:list'),
      scope('account:read'),
      scope('user:edit'),
      scope('settings:read'),
      scope('widget:spin'),
    ]);
    expect(groups.map((g) => [g.label, g.scopes.map((s) => s.key)])).toEqual([
      ['Users', ['user:list', 'user:edit']],
      ['Account', ['account:read']],
      ['Security settings', ['settings:read']],
      ['Widget', ['widget:spin']],
    ]);
  });
});

describe('what a scope needs of its owner', () => {
  const member = { is_super_admin: false, account_privileges: ['users:view'] };
  it('says nothing when the owner meets it', () => {
    expect(scopeCaveat(scope('account:read'), member)).toBeNull();
    expect(scopeCaveat(scope('user:list', 'users:view'), member)).toBeNull();
  });
  it('names a privilege the owner lacks, and operators’ scopes to others', () => {
    expect(scopeCaveat(scope('user:edit', 'users:manage'), member)).toBe('Works only while you hold users:manage');
    expect(scopeCaveat(scope('account:manage', null, true), member)).toBe('Super admins only');
    expect(scopeCaveat(scope('account:manage', null, true), { ...member, is_super_admin: true })).toBeNull();
  });
});

describe('a token’s expiry', () => {
  const now = new Date('2030-06-01T12:00:00Z');
  it('is past only at or after its time, read as UTC', () => {
    expect(isExpired(null, now)).toBe(false);
    expect(isExpired('2030-06-01T11:59:59.000000', now)).toBe(true);
    expect(isExpired('2030-06-01T12:00:00.000000', now)).toBe(true);
    expect(isExpired('2030-06-01T12:00:01.000000', now)).toBe(false);
  });

  it('picked as a wall clock time is read in the person’s time zone', () => {
    expect(expiryInstant('2030-01-15T09:30', 'UTC')).toBe('2030-01-15T09:30:00.000Z');
    expect(expiryInstant('2030-01-15T09:30', 'Europe/Paris')).toBe('2030-01-15T08:30:00.000Z');
    expect(expiryInstant('2030-07-15T09:30', 'Europe/Paris')).toBe('2030-07-15T07:30:00.000Z');
    expect(expiryInstant('2030-07-15T09:30:15', 'America/New_York')).toBe('2030-07-15T13:30:15.000Z');
    expect(expiryInstant('2030-01-15T09:30', 'Asia/Kolkata')).toBe('2030-01-15T04:00:00.000Z');
  });

  it('is right on the day clocks change', () => {
    // Paris moves from +01:00 to +02:00 at 02:00 local on 31 March 2030.
    expect(expiryInstant('2030-03-31T01:30', 'Europe/Paris')).toBe('2030-03-31T00:30:00.000Z');
    expect(expiryInstant('2030-03-31T03:30', 'Europe/Paris')).toBe('2030-03-31T01:30:00.000Z');
  });

  it('falls back to UTC for an unknown zone, and refuses what is no date-time', () => {
    expect(expiryInstant('2030-01-15T09:30', 'Mars/Olympus')).toBe('2030-01-15T09:30:00.000Z');
    expect(expiryInstant('', 'UTC')).toBeNull();
    expect(expiryInstant('2030-01-15', 'UTC')).toBeNull();
    expect(expiryInstant('tomorrow', 'UTC')).toBeNull();
  });
});
