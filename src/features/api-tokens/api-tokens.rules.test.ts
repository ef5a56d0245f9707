import { describe, expect, it } from 'vitest';
import { parseDateTime } from './api-tokens.rules.js';

describe('parseDateTime', () => {
  it.each([
    ['2026-06-30T12:00:00Z', '2026-06-30T12:00:00.000Z'],
    ['2026-06-30T12:00:00.5+02:00', '2026-06-30T10:00:00.500Z'],
    ['2026-06-30T12:00:00.123456', '2026-06-30T12:00:00.123Z'],
    ['2026-06-30 12:00:00', '2026-06-30T12:00:00.000Z'],
    ['2028-02-29T00:00:00z', '2028-02-29T00:00:00.000Z'],
  ])('reads %s as %s (UTC without a zone)', (text, iso) => {
    expect(parseDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    'tomorrow',
    '',
    '2026-06-30',
    '2026-02-30T00:00:00Z',
    '2027-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-06-30T24:00:00Z',
    '2026-06-30T12:60:00Z',
    '2026-06-30T12:00:00+0200',
    '2026-06-30T12:00:00.1234567Z',
    '0050-01-01T00:00:00Z',
  ])('refuses %j', (text) => {
    expect(parseDateTime(text)).toBeNull();
  });
});
