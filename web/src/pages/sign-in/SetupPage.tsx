import { Alert, Anchor, Button, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { ApiError, errorMessage } from '../../api/errors';
import { showFormError } from '../../app/forms';
import { ME_KEY } from '../../app/session';
import { PageLoader } from '../../shell/Loading';
import { PublicPage } from '../../shell/PublicPage';
import { NewPasswordFields } from './NewPasswordFields';
import { confirmationError } from './passwords';

/** First run: the link `steward serve` logged creates the first account and its admin. */
export function SetupPage() {
  const { token = '' } = useParams();
  const link = useQuery({
    queryKey: ['setup-link', token],
    queryFn: () => ok(api.GET('/v1/setup/{token}', { params: { path: { token } } })),
    retry: false,
  });
  if (link.isPending) return <PageLoader />;
  if (link.isError) {
    const setUp = link.error instanceof ApiError && link.error.status === 410;
    return (
      <PublicPage title="Set up Steward">
        <Alert color={setUp ? 'blue' : 'red'} title={setUp ? 'This link no longer works' : 'Unknown setup link'}>
          {setUp
            ? errorMessage(link.error)
            : 'This is not a setup link Steward gave. Use the link printed when the server started.'}
        </Alert>
        <Anchor component={Link} to="/login">
          Go to sign in
        </Anchor>
      </PublicPage>
    );
  }
  return (
    <PublicPage title="Set up Steward">
      <Text>Create the first account and your admin user. You will be its super admin.</Text>
      <SetupForm token={token} />
    </PublicPage>
  );
}

function SetupForm({ token }: { token: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: {
      account_name: '',
      environment_names: ['Production'],
      admin_name: '',
      admin_email: '',
      password: '',
      confirm: '',
    },
    validate: {
      account_name: (value) => (value.trim() === '' ? 'Name the account' : null),
      environment_names: (value) => (value.length === 0 ? 'Add at least one environment' : null),
      admin_name: (value) => (value.trim() === '' ? 'Enter your name' : null),
      admin_email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter your email address'),
      confirm: (value, values) => confirmationError(values.password, value),
    },
  });
  const setUp = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(
        api.POST('/v1/setup/{token}', {
          params: { path: { token } },
          body: {
            account_name: values.account_name,
            environment_names: values.environment_names,
            admin_name: values.admin_name,
            admin_email: values.admin_email,
            password: values.password,
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      await navigate('/users', { replace: true });
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setUp.mutate(values);
      })}
      noValidate
    >
      <Stack gap="sm">
        <TextInput label="Account name" required autoComplete="organization" {...form.getInputProps('account_name')} />
        <TagsInput
          label="Environments"
          description="Press Enter after each name"
          required
          clearable
          {...form.getInputProps('environment_names')}
        />
        <TextInput label="Your name" required autoComplete="name" {...form.getInputProps('admin_name')} />
        <TextInput
          label="Your email"
          type="email"
          required
          autoComplete="email"
          {...form.getInputProps('admin_email')}
        />
        <NewPasswordFields label="Password" inputProps={form.getInputProps} />
        <Button type="submit" loading={setUp.isPending} mt="xs">
          Create account
        </Button>
      </Stack>
    </form>
  );
}
