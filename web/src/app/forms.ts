import type { UseFormReturnType } from '@mantine/form';
import { ApiError, splitProblems } from '../api/errors';
import { notifyError } from './notify';

export interface FormErrorOptions {
  /**
   * The form's paths when they are nested (`password_policy.min_length`, `trusted_ips.2`); by
   * default they are the form's top-level values.
   */
  fields?: readonly string[];
  /** The field a 409 (a name or key already taken) belongs to; without it a 409 is a notification. */
  conflictField?: string;
}

/**
 * Shows an API error where it belongs: a 422's problems at the form's fields, a 409 at
 * `conflictField` when there is one, and anything else (another status, a problem about no
 * field of this form) as a notification.
 */
export function showFormError<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: unknown,
  options: FormErrorOptions = {},
): void {
  const { fields = Object.keys(form.getValues()), conflictField } = options;
  if (error instanceof ApiError && error.status === 409 && conflictField !== undefined) {
    form.setFieldError(conflictField, error.message);
    return;
  }
  if (!(error instanceof ApiError) || error.status !== 422) {
    notifyError(error);
    return;
  }
  const { atFields, elsewhere } = splitProblems(error, fields);
  form.setErrors(atFields);
  if (elsewhere.length > 0) notifyError(new ApiError(422, elsewhere.join('; ')));
}
