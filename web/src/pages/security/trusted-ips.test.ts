import { describe, expect, it } from 'vitest';
import { isTrustedIpEntry, normaliseTrustedIps, trustedIpProblem } from './trusted-ips';

describe('a trusted IP entry', () => {
  it.each([
    '203.0.113.7',
    '0.0.0.0',
    '255.255.255.255',
    ' 10.0.0.1 ',
    '203.0.113.0/24',
    '10.0.0.0/8',
    '0.0.0.0/0',
    '192.0.2.1/32',
    '2001:db8::1',
    '::1',
    '::',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7::',
    '::2:3:4:5:6:7:8',
    '2001:DB8::/32',
    '::ffff:192.0.2.1',
    '64:ff9b::192.0.2.33/120',
    'fe80::/10',
    '::/0',
    '2001:db8::1/128',
  ])('takes %s', (entry) => {
    expect(isTrustedIpEntry(entry)).toBe(true);
    expect(trustedIpProblem(entry)).toBeNull();
  });

  it.each([
    '',
    'localhost',
    '203.0.113',
    '203.0.113.7.1',
    '256.0.0.1',
    '01.2.3.4',
    '1.2.3.4/33',
    '1.2.3.4/024',
    '1.2.3.4/',
    '1.2.3.4/8/8',
    '1.2.3.-1',
    '2001:db8::1/129',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1::2::3',
    '1:::2',
    ':1::',
    '12345::1',
    'g::1',
    'fe80::1%eth0',
    '1.2.3.4::',
    '::1.2.3.256',
    '1:2:3:4:5:6:7:1.2.3.4',
  ])('refuses %j', (entry) => {
    expect(isTrustedIpEntry(entry)).toBe(false);
    expect(trustedIpProblem(entry)).not.toBeNull();
  });

  it('asks to fill or remove an empty line', () => {
    expect(trustedIpProblem('  ')).toBe('Enter an address or a range, or remove this line');
  });
});

describe('the trusted IP list as the API keeps it', () => {
  it('is trimmed, lower-cased and without repeats, in order', () => {
    expect(normaliseTrustedIps([' 2001:DB8::1', '10.0.0.1', '2001:db8::1 ', '10.0.0.1'])).toEqual([
      '2001:db8::1',
      '10.0.0.1',
    ]);
  });
});
