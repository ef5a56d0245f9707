import { expect, it } from 'vitest';
import { formatTimestamp } from './format';

it('shows a wire timestamp (UTC without a zone) in the person’s time zone', () => {
  expect(formatTimestamp('2026-01-15T23:30:00.000000', 'UTC')).toBe('15 Jan 2026, 23:30');
  expect(formatTimestamp('2026-01-15T23:30:00.000000', 'Europe/Paris')).toBe('16 Jan 2026, 00:30');
});

it('falls back for a missing value and to UTC for a zone the browser does not know', () => {
  expect(formatTimestamp(null, 'UTC', 'Never')).toBe('Never');
  expect(formatTimestamp('not a date', 'UTC')).toBe('—');
  expect(formatTimestamp('2026-01-15T23:30:00', 'Mars/Olympus')).toBe('15 Jan 2026, 23:30');
});
