/**
 * A wire timestamp (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`, no zone) as a person reads it in their
 * time zone; `fallback` when there is none (never signed in).
 */
export function formatTimestamp(value: string | null | undefined, timeZone: string, fallback = '—'): string {
  if (value === null || value === undefined || value === '') return fallback;
  const instant = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(instant.getTime())) return fallback;
  try {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(instant);
  } catch {
    // An unknown zone name (set through the API) must not break the page: show UTC.
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
      instant,
    );
  }
}

/** "1 team", "3 teams": a count with its noun, for a page's summary line. */
export function countOf(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}
