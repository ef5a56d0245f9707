import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { showFormError } from '../../app/forms';
import { PublicPage } from '../../shell/PublicPage';
import { NewPasswordFields } from './NewPasswordFields';
import { confirmationError } from './passwords';

export function ForgotPasswordPage() {
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (value.trim() === '' ? 'Enter your email' : null) },
  });
  const request = useMutation({
    mutationFn: (values: typeof form.values) => ok(api.POST('/v1/auth/password/forgot', { body: values })),
    onError: (error) => {
      showFormError(form, error);
    },
  });
  return (
    <PublicPage title="Reset your password">
      {request.isSuccess ? (
        <Alert color="teal" role="status">
          {request.data.detail}
        </Alert>
      ) : (
        <>
          <Text>
            Enter the email you sign in with. If it has a Steward user, a link to choose a new password is mailed to it.
          </Text>
          <form
            onSubmit={form.onSubmit((values) => {
              request.mutate(values);
            })}
            noValidate
          >
            <Stack gap="sm">
              <TextInput label="Email" type="email" required autoComplete="email" {...form.getInputProps('email')} />
              <Button type="submit" loading={request.isPending}>
                Mail me a link
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Anchor component={Link} to="/login" size="sm">
        Back to sign in
      </Anchor>
    </PublicPage>
  );
}

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: { confirm: (value, values) => confirmationError(values.password, value) },
  });
  const reset = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(api.POST('/v1/auth/password/reset', { body: { token, password: values.password } })),
    onError: (error) => {
      showFormError(form, error);
    },
  });
  return (
    <PublicPage title="Choose a new password">
      {reset.isSuccess ? (
        <>
          <Alert color="teal" role="status">
            Your password is changed, and every session you had is ended. Sign in with the new password.
          </Alert>
          <Button component={Link} to="/login">
            Sign in
          </Button>
        </>
      ) : (
        <form
          onSubmit={form.onSubmit((values) => {
            reset.mutate(values);
          })}
          noValidate
        >
          <Stack gap="sm">
            <NewPasswordFields label="New password" inputProps={form.getInputProps} />
            <Button type="submit" loading={reset.isPending}>
              Change password
            </Button>
          </Stack>
        </form>
      )}
    </PublicPage>
  );
}
