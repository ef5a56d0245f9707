import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import { showFormError } from '../../app/forms';
import { loginUrl } from '../../app/navigation';
import { fetchMe, landingPath, ME_KEY, useMe } from '../../app/session';
import { PageLoader } from '../../shell/Loading';
import { PublicPage } from '../../shell/PublicPage';
import { confirmationError } from './passwords';

/** Where a person whose password is older than an account allows goes before anything else. */
export function ChangePasswordPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { current_password: '', new_password: '', confirm: '' },
    validate: { confirm: (value, values) => confirmationError(values.new_password, value) },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(
        api.POST('/v1/me/password', {
          body: { current_password: values.current_password, new_password: values.new_password },
        }),
      ),
    onSuccess: async () => {
      const updated = await queryClient.query({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
      await navigate(updated === null ? '/login' : landingPath(updated), { replace: true });
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  if (me.isPending) return <PageLoader />;
  if (me.data === null) return <Navigate to={loginUrl('/change-password')} replace />;
  return (
    <PublicPage title="Change your password">
      {me.data?.must_change_password === true ? (
        <Alert color="blue">
          Your password is older than an account you work in allows: choose a new one to go on.
        </Alert>
      ) : null}
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
            description="At least 12 characters"
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
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Stack>
      </form>
    </PublicPage>
  );
}
