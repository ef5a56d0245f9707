import type { UseFormReturnType } from '@mantine/form';
import { ApiError, splitProblems } from '../api/errors';
import { notifyError } from './notify';

/**
 * Shows an API error where it belongs: a 422's problems at the form's fields, and anything
 * else (another status, a problem about no field of this form) as a notification. `fields`
 * names the form's paths when they are nested (`password_policy.min_length`, `trusted_ips.2`);
 * by default they are the form's top-level values.
 */
export function showFormError<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: unknown,
  fields: readonly string[] = Object.keys(form.getValues()),
): void {
  if (!(error instanceof ApiError) || error.status !== 422) {
    notifyError(error);
    return;
  }
  const { atFields, elsewhere } = splitProblems(error, fields);
  form.setErrors(atFields);
  if (elsewhere.length > 0) notifyError(new ApiError(422, elsewhere.join('; ')));
}
