/**
 * Drizzle wraps driver errors; the PostgreSQL error code sits on the error or its cause.
 * Only stores use this, to turn a constraint they own into a domain conflict.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return hasCode(error, '23505', constraint);
}

/** A row the change refers to is gone (it was deleted by a transaction that committed first). */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  return hasCode(error, '23503', constraint);
}

function hasCode(error: unknown, code: string, constraint: string | undefined): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const record = current as Error & { code?: unknown; constraint?: unknown };
    if (record.code === code) return constraint === undefined || record.constraint === constraint;
  }
  return false;
}
