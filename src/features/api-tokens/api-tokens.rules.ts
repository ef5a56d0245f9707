/** The owner privilege that lets a token see and revoke every token of the account, not only its owner's. */
export const MANAGE_TOKENS_PRIVILEGE = 'tokens:manage';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * Parses an ISO 8601 date-time such as `2026-06-30T12:00:00Z`. Without a zone it is UTC, as
 * every timestamp the API returns is. `null` for anything else, including dates that do not
 * exist (`2026-02-30`), which `Date.parse` would silently roll over.
 */
export function parseDateTime(text: string): Date | null {
  const match = DATE_TIME.exec(text.trim());
  if (match === null) return null;
  const [, year = '', month = '', day = '', hour = '', minute = '', second = '', fraction = '', zone] = match;
  const calendarDay = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const exists =
    calendarDay.getUTCFullYear() === Number(year) &&
    calendarDay.getUTCMonth() === Number(month) - 1 &&
    calendarDay.getUTCDate() === Number(day);
  if (!exists || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  // Milliseconds are all a Date keeps; finer digits are dropped rather than rounded up.
  const millis = fraction === '' ? '.000' : fraction.slice(0, 4).padEnd(4, '0');
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${millis}${zone?.toUpperCase() ?? 'Z'}`);
  return Number.isNaN(ms) ? null : new Date(ms);
}
