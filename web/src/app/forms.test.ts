import type { UseFormReturnType } from '@mantine/form';
import { notifications, notificationsStore } from '@mantine/notifications';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { showFormError } from './forms';

interface Values extends Record<string, unknown> {
  name: string;
  policy: { min_length: number };
}

/** The parts of a Mantine form `showFormError` uses, recording the errors it sets. */
function fakeForm() {
  const errors: Record<string, string> = {};
  const form = {
    getValues: () => ({ name: '', policy: { min_length: 8 } }),
    setFieldError: (path: string, message: string) => {
      errors[path] = message;
    },
    setErrors: (next: Record<string, string>) => {
      Object.assign(errors, next);
    },
  };
  // useForm is a React hook; outside a component only these three members are needed.
  return { form: form as unknown as UseFormReturnType<Values>, errors };
}

const shown = () => notificationsStore.getState().notifications.map((n) => n.message);
const taken = new ApiError(409, 'A team with this name already exists');

afterEach(() => {
  notifications.clean();
});

describe('an API error in a form', () => {
  it('puts a 409 at the conflict field when there is one, and notifies nothing', () => {
    const { form, errors } = fakeForm();
    showFormError(form, taken, { conflictField: 'name' });
    expect(errors).toEqual({ name: 'A team with this name already exists' });
    expect(shown()).toEqual([]);
  });

  it('notifies a 409 when the form names no conflict field', () => {
    const { form, errors } = fakeForm();
    showFormError(form, taken);
    showFormError(form, taken, { conflictField: undefined });
    expect(errors).toEqual({});
    expect(shown()).toEqual([taken.message, taken.message]);
  });

  it('puts a 422 at the fields, nested ones when the form lists them, the rest in a notification', () => {
    const problems = [
      { loc: ['body', 'policy', 'min_length'], msg: 'too short', type: 'greater_than_equal' },
      { loc: ['body', 'other'], msg: 'unknown', type: 'extra_forbidden' },
    ];
    const invalid = new ApiError(422, 'too short; unknown', problems);
    const topLevel = fakeForm();
    showFormError(topLevel.form, invalid, { conflictField: 'name' });
    expect(topLevel.errors).toEqual({ policy: 'too short' });

    const nested = fakeForm();
    showFormError(nested.form, invalid, { fields: ['name', 'policy.min_length'] });
    expect(nested.errors).toEqual({ 'policy.min_length': 'too short' });
    expect(shown()).toHaveLength(2);
  });
});
