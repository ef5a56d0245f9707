/**
 * Drizzle wraps driver errors; the PostgreSQL error code sits on the error or its cause.
 * Only stores use this, to turn a constraint they own into a domain conflict.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const record = current as Error & { code?: unknown; constraint?: unknown };
    if (record.code === '23505') return constraint === undefined || record.constraint === constraint;
  }
  return false;
}
