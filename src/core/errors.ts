export type ErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'gone' | 'throttled' | 'unavailable';

/** One entry of a 422 answer, in the reference's shape. */
export interface FieldProblem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** What services throw; only `http/error-handler.ts` turns it into a response. */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (problems: FieldProblem[]): DomainError =>
  new DomainError('invalid', problems.map((p) => p.msg).join('; '), problems);
export const unauthenticated = (message = 'Not authenticated'): DomainError =>
  new DomainError('unauthenticated', message);
export const forbidden = (message: string): DomainError => new DomainError('forbidden', message);
export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} not found`);
export const conflict = (message: string): DomainError => new DomainError('conflict', message);
export const gone = (message: string): DomainError => new DomainError('gone', message);
/** A service Steward depends on does not answer (503): retrying later may work. */
export const unavailable = (message: string): DomainError => new DomainError('unavailable', message);

/** A 429 that tells the caller when to try again (the Retry-After header, in seconds). */
export class ThrottledError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('throttled', message);
  }
}
