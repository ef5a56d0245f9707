import { Type, type TSchema, type TSchemaOptions } from 'typebox';
import { ID_PATTERN } from '../core/ids.js';

export const IdSchema = (description: string) => Type.String({ pattern: ID_PATTERN, description });

export const Nullable = <T extends TSchema>(schema: T, options: TSchemaOptions = {}) =>
  Type.Union([schema, Type.Null()], options);

/** A timestamp on the wire, in the reference's shape. */
export const TimestampSchema = (description: string) =>
  Type.String({ description: `${description} (UTC, \`YYYY-MM-DDTHH:MM:SS.ffffff\`)` });

/** `:account_id` of the routes under /v1/accounts/:account_id. */
export const AccountParamsSchema = Type.Object(
  { account_id: Type.String({ description: 'The account id' }) },
  { additionalProperties: false },
);

export const ErrorSchema = Type.Object(
  { detail: Type.String({ description: 'What went wrong' }) },
  { title: 'HTTPError', description: 'An error that is not about a particular field' },
);

export const ValidationErrorSchema = Type.Object(
  {
    detail: Type.Array(
      Type.Object({
        loc: Type.Array(Type.Union([Type.String(), Type.Integer()]), {
          description: 'Where the problem is: the request part, then the field path',
        }),
        msg: Type.String(),
        type: Type.String(),
      }),
    ),
  },
  { title: 'HTTPValidationError', description: 'Invalid input: one entry per problem' },
);

const ERROR_DESCRIPTIONS: Record<number, string> = {
  401: 'No credentials, or credentials that are not valid',
  403: 'Authenticated, but not allowed to do this',
  404: 'Not found, or not in this account',
  409: 'Conflicts with the current state',
  410: 'The link was used or has expired',
  422: 'Validation Error',
  429: 'Too many attempts; retry later',
};

export type ErrorStatus = 401 | 403 | 404 | 409 | 410 | 422 | 429;

/** Response schemas for the error statuses a route can answer. */
export function errorResponses(...statuses: ErrorStatus[]): Record<number, TSchema> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      status === 422
        ? { ...ValidationErrorSchema, description: ERROR_DESCRIPTIONS[status] }
        : { ...ErrorSchema, description: ERROR_DESCRIPTIONS[status] },
    ]),
  );
}
