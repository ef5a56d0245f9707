import { PasswordInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';

/**
 * A new password and its repetition (form fields `password` and `confirm`; `confirmationError`
 * checks them): the setup, invitation and reset pages ask for one the same way.
 */
export function NewPasswordFields({
  label,
  inputProps,
}: {
  label: string;
  inputProps: (field: 'password' | 'confirm') => GetInputPropsReturnType;
}) {
  return (
    <>
      <PasswordInput
        label={label}
        description="At least 12 characters"
        required
        autoComplete="new-password"
        {...inputProps('password')}
      />
      <PasswordInput label="Repeat the password" required autoComplete="new-password" {...inputProps('confirm')} />
    </>
  );
}
