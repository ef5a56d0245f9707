import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, fieldPath, splitProblems } from './errors';

describe('API errors', () => {
  it('keep the detail the API sent', () => {
    const error = ApiError.from(409, { detail: 'Steward is set up already: sign in instead' });
    expect(error.status).toBe(409);
    expect(errorMessage(error)).toBe('Steward is set up already: sign in instead');
  });

  it('say something useful when the body has no detail', () => {
    expect(ApiError.from(502, 'Bad gateway').message).toBe('Steward could not do that; try again');
    expect(ApiError.from(418, null).message).toBe('Request refused (418)');
    expect(errorMessage(new TypeError('x is undefined'))).toMatch(/reload the page/);
  });

  it('read a 422’s problems, ignoring entries of another shape', () => {
    const error = ApiError.from(422, {
      detail: [{ loc: ['body', 'password'], msg: 'Password is too short', type: 'value_error' }, 'junk'],
    });
    expect(error.problems).toHaveLength(1);
    expect(error.message).toBe('Password is too short');
  });
});

describe('a 422 on a form', () => {
  const error = ApiError.from(422, {
    detail: [
      { loc: ['body', 'password'], msg: 'Password is too short', type: 'value_error' },
      { loc: ['body', 'password'], msg: 'Password is commonly used', type: 'value_error' },
      { loc: ['body', 'environment_names', 1], msg: 'Environment "prod" is named twice', type: 'value_error' },
      { loc: ['body', 'is_super_admin'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
      { loc: ['query', 'page'], msg: 'Input should be a valid integer', type: 'int_parsing' },
    ],
  });

  it('puts each problem at the field it names, or the nearest field the form has', () => {
    const { atFields } = splitProblems(error, ['account_name', 'environment_names', 'password']);
    expect(atFields).toEqual({
      password: 'Password is too short; Password is commonly used',
      environment_names: 'Environment "prod" is named twice',
    });
  });

  it('leaves problems about no field of the form for a notification', () => {
    expect(splitProblems(error, ['password']).elsewhere).toEqual([
      'Environment "prod" is named twice',
      'Extra inputs are not permitted',
      'Input should be a valid integer',
    ]);
  });

  it('maps a body location to a form path and nothing else', () => {
    expect(fieldPath(['body', 'environment_names', 1])).toBe('environment_names.1');
    expect(fieldPath(['query', 'page'])).toBeNull();
    expect(fieldPath(['body'])).toBeNull();
  });
});
