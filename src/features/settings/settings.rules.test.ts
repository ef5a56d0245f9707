import { describe, expect, it } from 'vitest';
import { isTrustedAddress, normaliseTrustedIp, parseTrustedIp } from './settings.rules.js';

describe('parseTrustedIp', () => {
  it.each([
    ['203.0.113.7', { address: '203.0.113.7', prefix: 32, family: 'ipv4' }],
    ['203.0.113.0/24', { address: '203.0.113.0', prefix: 24, family: 'ipv4' }],
    ['0.0.0.0/0', { address: '0.0.0.0', prefix: 0, family: 'ipv4' }],
    ['1.2.3.4/32', { address: '1.2.3.4', prefix: 32, family: 'ipv4' }],
    ['  10.0.0.0/8 ', { address: '10.0.0.0', prefix: 8, family: 'ipv4' }],
    ['2001:db8::1', { address: '2001:db8::1', prefix: 128, family: 'ipv6' }],
    ['2001:DB8::/32', { address: '2001:DB8::', prefix: 32, family: 'ipv6' }],
    ['::/0', { address: '::', prefix: 0, family: 'ipv6' }],
    ['::1/128', { address: '::1', prefix: 128, family: 'ipv6' }],
    ['::ffff:203.0.113.7', { address: '::ffff:203.0.113.7', prefix: 128, family: 'ipv6' }],
  ])('reads %j', (entry, range) => {
    expect(parseTrustedIp(entry)).toEqual(range);
  });

  it.each([
    '1.2.3.4/33',
    '1.2.3.4/',
    '1.2.3.4/-1',
    '1.2.3.4/08',
    '1.2.3.4/8/8',
    '1.2.3.4/ 8',
    '2001:db8::/129',
    '300.1.1.1',
    '01.2.3.4',
    '1.2.3',
    'abc',
    '',
    '/24',
    'fe80::1%eth0',
    '2001:db8:::1',
    'localhost',
  ])('refuses %j', (entry) => {
    expect(parseTrustedIp(entry)).toBeNull();
  });
});

describe('normaliseTrustedIp', () => {
  it('trims and lower-cases; refuses what is not an address or range', () => {
    expect(normaliseTrustedIp(' 2001:DB8::/32 ')).toBe('2001:db8::/32');
    expect(normaliseTrustedIp('203.0.113.7')).toBe('203.0.113.7');
    expect(normaliseTrustedIp('abc')).toBeNull();
  });
});

describe('isTrustedAddress', () => {
  it('trusts everyone when the list is empty', () => {
    expect(isTrustedAddress('198.51.100.7', [])).toBe(true);
  });

  it('matches single addresses and the edges of CIDR ranges', () => {
    const list = ['203.0.113.0/24', '198.51.100.7', '2001:db8::/32'];
    expect(isTrustedAddress('203.0.113.0', list)).toBe(true);
    expect(isTrustedAddress('203.0.113.255', list)).toBe(true);
    expect(isTrustedAddress('203.0.112.255', list)).toBe(false);
    expect(isTrustedAddress('203.0.114.0', list)).toBe(false);
    expect(isTrustedAddress('198.51.100.7', list)).toBe(true);
    expect(isTrustedAddress('198.51.100.8', list)).toBe(false);
    expect(isTrustedAddress('2001:db8::', list)).toBe(true);
    expect(isTrustedAddress('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', list)).toBe(true);
    expect(isTrustedAddress('2001:db9::', list)).toBe(false);
    expect(isTrustedAddress('2001:DB8::1', list)).toBe(true);
  });

  it('compares an IPv4-mapped IPv6 client as the IPv4 address it is', () => {
    expect(isTrustedAddress('::ffff:203.0.113.9', ['203.0.113.0/24'])).toBe(true);
    expect(isTrustedAddress('::FFFF:203.0.113.9', ['203.0.113.0/24'])).toBe(true);
    expect(isTrustedAddress('::ffff:198.51.100.1', ['203.0.113.0/24'])).toBe(false);
    expect(isTrustedAddress('203.0.113.9', ['::ffff:203.0.113.0/120'])).toBe(true);
  });

  it('keeps IPv4 and IPv6 apart otherwise', () => {
    expect(isTrustedAddress('::1', ['127.0.0.1'])).toBe(false);
    expect(isTrustedAddress('127.0.0.1', ['::1'])).toBe(false);
    expect(isTrustedAddress('10.1.2.3', ['0.0.0.0/0'])).toBe(true);
    expect(isTrustedAddress('2001:db8::1', ['0.0.0.0/0'])).toBe(false);
  });

  it('trusts nobody from a list of only unreadable entries, and never an unreadable client', () => {
    expect(isTrustedAddress('203.0.113.9', ['abc'])).toBe(false);
    expect(isTrustedAddress('not an address', ['0.0.0.0/0', '::/0'])).toBe(false);
  });
});
