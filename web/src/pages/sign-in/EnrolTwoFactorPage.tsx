import { Alert, Button, Code, CopyButton, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import { showFormError } from '../../app/forms';
import { loginUrl } from '../../app/navigation';
import { fetchMe, ME_KEY, useMe } from '../../app/session';
import { landingPath } from '../../app/access';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { PublicPage } from '../../shell/PublicPage';

/**
 * Two-factor enrolment, the only page open to a person an account requires it of: scan the
 * QR code (or type the secret), confirm a code, then keep the ten recovery codes shown once.
 */
export function EnrolTwoFactorPage() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.data === null) return <Navigate to={loginUrl('/two-factor/enrol')} replace />;
  return (
    <PublicPage title="Set up two-factor authentication">
      <Enrolment required={me.data?.must_enrol_two_factor ?? false} />
    </PublicPage>
  );
}

function Enrolment({ required }: { required: boolean }) {
  // A query, not an effect: it asks for one secret even when React renders twice.
  const enrolment = useQuery({
    queryKey: ['two-factor-enrolment'],
    queryFn: () => ok(api.POST('/v1/me/two-factor')),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (/^\d{6}$/.test(value.replace(/\s/g, '')) ? null : 'Enter the 6 digits') },
  });
  const confirm = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(api.POST('/v1/me/two-factor/confirm', { body: { code: values.code.replace(/\s/g, '') } })),
    onError: (error) => {
      showFormError(form, error);
    },
  });
  if (confirm.isSuccess) return <RecoveryCodes codes={confirm.data.recovery_codes} />;
  if (enrolment.isPending) return <PageLoader label="Preparing your secret" />;
  if (enrolment.isError) return <LoadFailed error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  return (
    <>
      {required ? (
        <Alert color="blue">An account you work in requires two-factor authentication: set it up to go on.</Alert>
      ) : null}
      <Text>Scan this QR code with an authenticator app (such as 1Password, Google Authenticator or Authy).</Text>
      <img
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.data.qr_svg)}`}
        alt="QR code of your two-factor secret"
        width={200}
        height={200}
        style={{ alignSelf: 'center', background: 'white' }}
      />
      <Text size="sm">
        Cannot scan it? Enter this secret in the app instead: <Code>{enrolment.data.secret}</Code>
      </Text>
      <form
        onSubmit={form.onSubmit((values) => {
          confirm.mutate(values);
        })}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label="The 6-digit code the app shows"
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={confirm.isPending}>
            Turn on two-factor authentication
          </Button>
        </Stack>
      </form>
    </>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const goOn = async () => {
    const me = await queryClient.query({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
    await navigate(me === null ? '/login' : landingPath(me), { replace: true });
  };
  return (
    <>
      <Alert color="teal" role="status" title="Two-factor authentication is on">
        Keep these recovery codes somewhere safe. Each signs you in once if you lose your phone. They are shown only
        now.
      </Alert>
      <List aria-label="Recovery codes" listStyleType="none" spacing={4} ff="monospace">
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group justify="space-between">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy the codes'}
            </Button>
          )}
        </CopyButton>
        <Button onClick={() => void goOn()}>I have saved them</Button>
      </Group>
    </>
  );
}
