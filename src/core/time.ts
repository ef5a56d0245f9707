/**
 * Timestamps on the wire follow the reference: UTC, six fraction digits, no zone
 * (`2025-10-22T09:58:03.849078`). PostgreSQL hands them over as text in the session's time
 * zone, which Steward pins to UTC, with trailing fraction zeros dropped.
 */
export function toWireTimestamp(value: string | Date): string {
  if (value instanceof Date) return `${value.toISOString().slice(0, 23)}000`;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(?:Z|[+-]00(?::?00)?)?$/.exec(value);
  if (!match) throw new Error(`Unexpected timestamp text: ${value}`);
  const [, date, time, fraction = ''] = match;
  return `${date}T${time}.${fraction.padEnd(6, '0')}`;
}

export function toWireTimestampOrNull(value: string | Date | null): string | null {
  return value === null ? null : toWireTimestamp(value);
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * 3_600_000);
}

/** A timestamp read from the database (UTC text) as milliseconds since the epoch. */
export function dbTimestampMs(value: string): number {
  return Date.parse(`${toWireTimestamp(value).slice(0, 23)}Z`);
}
