/** One entry of a 422 answer: where (`["body", "password"]`), what, and its kind. */
export interface FieldProblem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** An answer of the API that was not a success, with its `detail`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** From a status and the JSON body the API sent with it (`{"detail": "…"}` or a 422's list). */
  static from(status: number, body: unknown): ApiError {
    const detail = typeof body === 'object' && body !== null && 'detail' in body ? body.detail : undefined;
    if (Array.isArray(detail)) {
      const problems = detail.filter(isFieldProblem);
      return new ApiError(status, problems.map((p) => p.msg).join('; ') || 'The request was not valid', problems);
    }
    if (typeof detail === 'string' && detail !== '') return new ApiError(status, detail);
    return new ApiError(
      status,
      status >= 500 ? 'Steward could not do that; try again' : `Request refused (${String(status)})`,
    );
  }
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { loc, msg } = value as Partial<FieldProblem>;
  return Array.isArray(loc) && typeof msg === 'string';
}

/** The form path of a problem's location: `["body", "environment_names", 1]` → `environment_names.1`. */
export function fieldPath(loc: (string | number)[]): string | null {
  const [part, ...rest] = loc;
  if (part !== 'body' || rest.length === 0) return null;
  return rest.map(String).join('.');
}

/**
 * Splits a 422 into messages for the form's own fields and the rest, which a notification
 * shows. `fields` are the paths the form has; a problem deeper than one (`environment_names.1`)
 * goes to the nearest one the form has (`environment_names`).
 */
export function splitProblems(
  error: ApiError,
  fields: readonly string[],
): { atFields: Record<string, string>; elsewhere: string[] } {
  const atFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const problem of error.problems) {
    const path = fieldPath(problem.loc);
    const field = path === null ? undefined : nearestField(path, fields);
    if (field === undefined) {
      elsewhere.push(problem.msg);
    } else {
      atFields[field] = atFields[field] === undefined ? problem.msg : `${atFields[field]}; ${problem.msg}`;
    }
  }
  return { atFields, elsewhere };
}

function nearestField(path: string, fields: readonly string[]): string | undefined {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    if (fields.includes(candidate)) return candidate;
  }
  return undefined;
}

/** What a person reads for an error that belongs to no field. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong in the console; reload the page and try again';
}
