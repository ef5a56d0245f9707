import { Alert, Anchor, Button, Divider, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBrandGoogle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { showFormError } from '../../app/forms';
import { loginErrorMessage, safeNext } from '../../app/navigation';
import { fetchMe, ME_KEY } from '../../app/session';
import { landingPath } from '../../app/access';
import { PublicPage } from '../../shell/PublicPage';

/** After signing in: back where the person was headed, else their landing page. */
function useFinishSignIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  return async () => {
    const me = await queryClient.query({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
    const next = safeNext(search.get('next') ?? search.get('return_to'));
    await navigate(next ?? (me === null ? '/' : landingPath(me)), { replace: true });
  };
}

export function LoginPage() {
  const [search] = useSearchParams();
  const [secondStep, setSecondStep] = useState(false);
  const methods = useQuery({ queryKey: ['sign-in-methods'], queryFn: () => ok(api.GET('/v1/auth/methods')) });
  const finish = useFinishSignIn();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() === '' ? 'Enter your email' : null),
      password: (value) => (value === '' ? 'Enter your password' : null),
    },
  });
  const signIn = useMutation({
    mutationFn: (values: typeof form.values) => ok(api.POST('/v1/auth/login', { body: values })),
    onSuccess: async (result) => {
      if (result.second_factor_required) setSecondStep(true);
      else await finish();
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  if (secondStep) return <SecondFactorStep />;

  const failure = loginErrorMessage(search.get('error'));
  const next = safeNext(search.get('next'));
  const googleStart = `/v1/auth/google/start${next === null ? '' : `?return_to=${encodeURIComponent(next)}`}`;
  return (
    <PublicPage title="Sign in">
      {failure === null ? null : (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <form
        onSubmit={form.onSubmit((values) => {
          signIn.mutate(values);
        })}
        noValidate
      >
        <Stack gap="sm">
          <TextInput label="Email" type="email" required autoComplete="username" {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            required
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Group justify="space-between" mt="xs">
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot your password?
            </Anchor>
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
          </Group>
        </Stack>
      </form>
      {methods.data?.google === true ? (
        <>
          <Divider label="or" labelPosition="center" />
          <Button
            component="a"
            href={googleStart}
            variant="default"
            leftSection={<IconBrandGoogle size={18} aria-hidden />}
          >
            Sign in with Google
          </Button>
        </>
      ) : null}
    </PublicPage>
  );
}

/** Where Google sends a person whose 2FA is on: the pending cookie is set, the code is next. */
export function SecondFactorPage() {
  return <SecondFactorStep />;
}

function SecondFactorStep() {
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const finish = useFinishSignIn();
  const form = useForm({
    initialValues: { code: '', recovery_code: '' },
    validate: {
      code: (value) => (!withRecoveryCode && !/^\d{6}$/.test(value.replace(/\s/g, '')) ? 'Enter the 6 digits' : null),
      recovery_code: (value) => (withRecoveryCode && value.trim() === '' ? 'Enter a recovery code' : null),
    },
  });
  const verify = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(
        api.POST('/v1/auth/login/second-factor', {
          body: withRecoveryCode ? { recovery_code: values.recovery_code } : { code: values.code.replace(/\s/g, '') },
        }),
      ),
    onSuccess: finish,
    onError: (error) => {
      showFormError(form, error);
    },
  });
  return (
    <PublicPage title="Two-factor authentication">
      <Text>
        {withRecoveryCode
          ? 'Enter one of the recovery codes you saved when you set up two-factor authentication.'
          : 'Enter the 6-digit code your authenticator app shows for Steward.'}
      </Text>
      <form
        onSubmit={form.onSubmit((values) => {
          verify.mutate(values);
        })}
        noValidate
      >
        <Stack gap="sm">
          {withRecoveryCode ? (
            <TextInput
              label="Recovery code"
              required
              autoComplete="off"
              data-autofocus
              {...form.getInputProps('recovery_code')}
            />
          ) : (
            <TextInput
              label="Code"
              required
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              {...form.getInputProps('code')}
            />
          )}
          <Group justify="space-between" mt="xs">
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setWithRecoveryCode(!withRecoveryCode);
              }}
            >
              {withRecoveryCode ? 'Use the authenticator app' : 'Use a recovery code'}
            </Anchor>
            <Button type="submit" loading={verify.isPending}>
              Verify
            </Button>
          </Group>
        </Stack>
      </form>
    </PublicPage>
  );
}
