import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { invalid, type FieldProblem } from '../core/errors.js';

// ajv-formats ships CommonJS with its function on `default` under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function newAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // Unknown fields are refused by the schemas, never silently dropped.
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    verbose: true,
    strict: true,
    strictRequired: false,
  });
  addFormats(ajv);
  return ajv;
}

/** Only the query string is text by nature; in a JSON body `"1"` is not `1`. */
export function installValidators(app: FastifyInstance): void {
  const strictAjv = newAjv(false);
  const queryAjv = newAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'querystring' ? queryAjv : strictAjv).compile(schema),
  );
  app.addHook('preValidation', async (req) => {
    const problems = [
      ...findUnsafeText(req.params, ['path']),
      ...findUnsafeText(req.query, ['query']),
      ...findUnsafeText(req.body, ['body']),
    ];
    if (problems.length > 0) throw invalid(problems);
  });
}

/** Deeper than any input of the API; JSON nested further is refused, not walked (the stack is finite). */
const MAX_NESTING = 32;

/**
 * PostgreSQL cannot store NUL and JSON can carry unpaired surrogates; both are refused as
 * input errors before any of it reaches a query.
 */
function findUnsafeText(value: unknown, loc: (string | number)[], found: FieldProblem[] = []): FieldProblem[] {
  if (found.length >= 20) return found;
  if (loc.length > MAX_NESTING && typeof value === 'object' && value !== null) {
    found.push({ loc, msg: `Input should not be nested more than ${MAX_NESTING} levels deep`, type: 'value_error' });
  } else if (typeof value === 'string') {
    const problem = unsafeTextProblem(value);
    if (problem !== null) found.push({ loc, msg: problem, type: 'string_unicode' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findUnsafeText(item, [...loc, index], found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = unsafeTextProblem(key);
      if (keyProblem !== null) found.push({ loc: [...loc, key], msg: keyProblem, type: 'string_unicode' });
      else findUnsafeText(item, [...loc, key], found);
    }
  }
  return found;
}

function unsafeTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'Input should not contain NUL characters';
  if (!text.isWellFormed()) return 'Input should be valid Unicode (unpaired surrogate)';
  return null;
}

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

/** Ajv's errors, reworded to the reference's (FastAPI's) `loc`/`msg`/`type`. */
export function toFieldProblems(errors: FastifySchemaValidationError[], context: string): FieldProblem[] {
  const part = PART_NAMES[context] ?? context;
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors as ErrorObject[]) {
    const problem = toFieldProblem(error, part);
    if (problem === null) continue;
    const key = JSON.stringify(problem.loc);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems.length > 0 ? problems : [{ loc: [part], msg: 'Invalid input', type: 'value_error' }];
}

function toFieldProblem(error: ErrorObject, part: string): FieldProblem | null {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const loc = [part, ...path];
  const params = error.params as Record<string, unknown>;
  const isQuery = part === 'query' || part === 'path';
  switch (error.keyword) {
    case 'anyOf':
      return null;
    case 'required':
      return { loc: [...loc, String(params.missingProperty)], msg: 'Field required', type: 'missing' };
    case 'additionalProperties':
      return {
        loc: [...loc, String(params.additionalProperty)],
        msg: 'Extra inputs are not permitted',
        type: 'extra_forbidden',
      };
    case 'type': {
      // In `X or null` unions the null branch adds nothing a person needs to read.
      if (params.type === 'null') return null;
      if (error.data === undefined) return { loc, msg: 'Field required', type: 'missing' };
      return typeProblem(String(params.type), loc, isQuery);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => `'${String(v)}'`);
      const last = allowed.pop();
      const list = allowed.length > 0 ? `${allowed.join(', ')} or ${String(last)}` : String(last);
      return { loc, msg: `Input should be ${list}`, type: 'enum' };
    }
    case 'minimum':
      return {
        loc,
        msg: `Input should be greater than or equal to ${String(params.limit)}`,
        type: 'greater_than_equal',
      };
    case 'maximum':
      return { loc, msg: `Input should be less than or equal to ${String(params.limit)}`, type: 'less_than_equal' };
    case 'minLength':
      return { loc, msg: `String should have at least ${String(params.limit)} characters`, type: 'string_too_short' };
    case 'maxLength':
      return { loc, msg: `String should have at most ${String(params.limit)} characters`, type: 'string_too_long' };
    case 'pattern':
      return { loc, msg: `String should match pattern '${String(params.pattern)}'`, type: 'string_pattern_mismatch' };
    case 'maxItems':
      return { loc, msg: `List should have at most ${String(params.limit)} items`, type: 'too_long' };
    case 'minItems':
      return { loc, msg: `List should have at least ${String(params.limit)} items`, type: 'too_short' };
    case 'maxProperties':
      return { loc, msg: `Object should have at most ${String(params.limit)} entries`, type: 'too_long' };
    case 'format':
      return { loc, msg: `Input should be a valid ${String(params.format)}`, type: 'value_error' };
    default:
      return { loc, msg: error.message ?? 'Invalid input', type: 'value_error' };
  }
}

function typeProblem(expected: string, loc: (string | number)[], fromText: boolean): FieldProblem {
  switch (expected) {
    case 'boolean':
      return fromText
        ? { loc, msg: 'Input should be a valid boolean, unable to interpret input', type: 'bool_parsing' }
        : { loc, msg: 'Input should be a valid boolean', type: 'bool_type' };
    case 'integer':
      return fromText
        ? { loc, msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing' }
        : { loc, msg: 'Input should be a valid integer', type: 'int_type' };
    case 'number':
      return { loc, msg: 'Input should be a valid number', type: fromText ? 'float_parsing' : 'float_type' };
    case 'string':
      return { loc, msg: 'Input should be a valid string', type: 'string_type' };
    case 'object':
      return { loc, msg: 'Input should be a valid dictionary or object', type: 'dict_type' };
    case 'array':
      return { loc, msg: 'Input should be a valid list', type: 'list_type' };
    default:
      return { loc, msg: `Input should be of type ${expected}`, type: 'type_error' };
  }
}
