import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { showFormError } from '../../app/forms';
import { confirmationError } from './passwords';

/**
 * The current password, a new one twice, and `POST /v1/me/password`: the change-password page
 * (a password past its age) and My settings both use it, each deciding what follows a change.
 */
export function PasswordChangeForm({ onChanged }: { onChanged: () => Promise<void> | void }) {
  const form = useForm({
    initialValues: { current_password: '', new_password: '', confirm: '' },
    validate: {
      current_password: (value) => (value === '' ? 'Enter your current password' : null),
      new_password: (value) => (value === '' ? 'Enter a new password' : null),
      confirm: (value, values) => confirmationError(values.new_password, value),
    },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(
        api.POST('/v1/me/password', {
          body: { current_password: values.current_password, new_password: values.new_password },
        }),
      ),
    onSuccess: async () => {
      form.reset();
      await onChanged();
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        change.mutate(values);
      })}
      noValidate
    >
      <Stack gap="sm">
        <PasswordInput
          label="Current password"
          required
          autoComplete="current-password"
          {...form.getInputProps('current_password')}
        />
        <PasswordInput
          label="New password"
          description="At least 12 characters, or more when an account you are in asks for it"
          required
          autoComplete="new-password"
          {...form.getInputProps('new_password')}
        />
        <PasswordInput
          label="Repeat the new password"
          required
          autoComplete="new-password"
          {...form.getInputProps('confirm')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
