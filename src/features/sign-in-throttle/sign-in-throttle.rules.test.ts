import { describe, expect, it } from 'vitest';
import { addressGroup, lockedMessage } from './sign-in-throttle.rules.js';

describe('sign-in throttle rules', () => {
  it('counts an IPv6 /64 as one address, and an IPv4-mapped address as the IPv4 one', () => {
    expect(addressGroup('2001:db8:1:2:aaaa::1')).toBe(addressGroup('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(addressGroup('2001:db8:1:2::1')).not.toBe(addressGroup('2001:db8:1:3::1'));
    expect(addressGroup('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressGroup('198.51.100.7')).not.toBe(addressGroup('198.51.100.8'));
  });

  it('says whole minutes left, rounded up, and the seconds for Retry-After', () => {
    const now = new Date('2026-01-15T10:00:00Z');
    expect(lockedMessage(new Date('2026-01-15T10:00:30Z'), now)).toEqual({
      message: 'Too many failed sign-ins; try again in 1 minute',
      retryAfterSeconds: 30,
    });
    expect(lockedMessage(new Date('2026-01-15T10:03:01Z'), now)).toEqual({
      message: 'Too many failed sign-ins; try again in 4 minutes',
      retryAfterSeconds: 181,
    });
  });
});
