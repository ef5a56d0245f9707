import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { Answer } from '../../api/types';
import { showFormError } from '../../app/forms';
import { ME_KEY } from '../../app/session';
import { PageLoader } from '../../shell/Loading';
import { PublicPage } from '../../shell/PublicPage';
import { NewPasswordFields } from './NewPasswordFields';
import { confirmationError } from './passwords';

type Invitation = Answer<'get_invitation'>;

export function InvitationPage() {
  const { token = '' } = useParams();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => ok(api.GET('/v1/invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
  if (invitation.isPending) return <PageLoader />;
  if (invitation.isError) {
    return (
      <PublicPage title="Accept the invitation">
        <Alert color="red" title="This invitation link does not work" role="alert">
          {errorMessage(invitation.error)} Ask the admin who invited you to send a new one.
        </Alert>
        <Anchor component={Link} to="/login">
          Go to sign in
        </Anchor>
      </PublicPage>
    );
  }
  return (
    <PublicPage title={`Join ${invitation.data.account_name}`}>
      <Text>
        {invitation.data.invited_by_name === null
          ? `You are invited to the ${invitation.data.account_name} account`
          : `${invitation.data.invited_by_name} invited you to the ${invitation.data.account_name} account`}{' '}
        as <b>{invitation.data.email}</b>.
      </Text>
      <AcceptForm token={token} invitation={invitation.data} />
    </PublicPage>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { user_name: '', password: '', confirm: '' },
    validate: {
      user_name: (value) => (value.trim() === '' ? 'Enter your name' : null),
      password: (value) => (value === '' ? 'Enter a password' : null),
      confirm: (value, values) => (invitation.needs_password ? confirmationError(values.password, value) : null),
    },
  });
  const accept = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(
        api.POST('/v1/invitations/{token}/accept', {
          params: { path: { token } },
          body: { user_name: values.user_name, password: values.password },
        }),
      ),
    onSuccess: async (accepted) => {
      if (!accepted.signed_in) return;
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      await navigate('/', { replace: true });
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  if (accept.data?.signed_in === false) {
    return (
      <Alert color="teal" role="status">
        You have joined {invitation.account_name}. This account signs you in with Google or single sign-on:{' '}
        <Anchor component={Link} to="/login">
          go to sign in
        </Anchor>
        .
      </Alert>
    );
  }
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        accept.mutate(values);
      })}
      noValidate
    >
      <Stack gap="sm">
        <TextInput label="Your name" required autoComplete="name" {...form.getInputProps('user_name')} />
        {invitation.needs_password ? (
          <>
            <NewPasswordFields label="Choose a password" inputProps={form.getInputProps} />
          </>
        ) : (
          <PasswordInput
            label="Your current Steward password"
            description="You already have a Steward user: confirm it is you"
            required
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
        )}
        <Button type="submit" loading={accept.isPending}>
          Accept and sign in
        </Button>
      </Stack>
    </form>
  );
}
