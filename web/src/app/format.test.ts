import { expect, it } from 'vitest';
import { countOf, formatTimestamp } from './format';

it('shows a wire timestamp (UTC without a zone) in the person’s time zone', () => {
  expect(formatTimestamp('2026-01-15T23:30:00.000000', 'UTC')).toBe('15 Jan 2026, 23:30');
  expect(formatTimestamp('2026-01-15T23:30:00.000000', 'Europe/Paris')).toBe('16 Jan 2026, 00:30');
});

it('falls back for a missing value and to UTC for a zone the browser does not know', () => {
  expect(formatTimestamp(null, 'UTC', 'Never')).toBe('Never');
  expect(formatTimestamp('not a date', 'UTC')).toBe('—');
  expect(formatTimestamp('2026-01-15T23:30:00', 'Mars/Olympus')).toBe('15 Jan 2026, 23:30');
});

it('counts in the singular for one and the plural otherwise', () => {
  expect(countOf(1, 'team')).toBe('1 team');
  expect(countOf(0, 'team')).toBe('0 teams');
  expect(countOf(31, 'user')).toBe('31 users');
});
