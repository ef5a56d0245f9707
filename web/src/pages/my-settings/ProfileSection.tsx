import { Alert, Button, Group, PasswordInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, ok, rememberCsrfToken } from '../../api/client';
import { accountKeys } from '../../app/account-data';
import { showFormError } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { ME_KEY, type Me } from '../../app/session';
import { isLandingPage, LANDING_PAGE_OPTIONS, timeZoneOptions } from './settings.labels';

export function ProfileSection({ me }: { me: Me }) {
  return (
    <Stack gap="xl" maw={560}>
      <ProfileForm me={me} />
      <EmailForm me={me} />
    </Stack>
  );
}

function profileValues(me: Me) {
  return {
    name: me.name,
    time_zone: me.time_zone,
    landing_page: me.preferences.landing_page as string,
    beta_features: me.preferences.beta_features,
  };
}

/** Name, time zone and preferences: one PATCH /v1/me. */
function ProfileForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const zones = useMemo(() => timeZoneOptions(Intl.supportedValuesOf('timeZone'), me.time_zone), [me.time_zone]);
  const form = useForm({
    initialValues: profileValues(me),
    validate: { name: (value) => (value.trim() === '' ? 'Enter your name' : null) },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(
        api.PATCH('/v1/me', {
          body: {
            name: values.name.trim(),
            time_zone: values.time_zone,
            preferences: {
              ...(isLandingPage(values.landing_page) ? { landing_page: values.landing_page } : {}),
              beta_features: values.beta_features,
            },
          },
        }),
      ),
    onSuccess: (updated) => {
      rememberCsrfToken(updated.csrf_token);
      queryClient.setQueryData(ME_KEY, updated);
      // A new name renames the person's user in the accounts where it was their old name.
      for (const membership of updated.memberships) {
        void queryClient.invalidateQueries({ queryKey: accountKeys.users(membership.account_id) });
      }
      form.setInitialValues(profileValues(updated));
      form.setValues(profileValues(updated));
      form.resetDirty(profileValues(updated));
      notifySuccess('Your profile is saved.');
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        save.mutate(values);
      })}
      noValidate
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          Profile
        </Title>
        <TextInput label="Name" required maxLength={200} autoComplete="name" {...form.getInputProps('name')} />
        <Select
          label="Time zone"
          description="Dates and times in the console are shown in it"
          data={zones}
          searchable
          allowDeselect={false}
          nothingFoundMessage="No time zone has that name"
          limit={100}
          {...form.getInputProps('time_zone')}
        />
        <Select
          label="Landing page"
          description="The page that opens after you sign in"
          data={LANDING_PAGE_OPTIONS}
          allowDeselect={false}
          {...form.getInputProps('landing_page')}
        />
        <Switch
          label="Beta features"
          description="Show console features that are still in beta"
          {...form.getInputProps('beta_features', { type: 'checkbox' })}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A new sign-in email: nothing changes until the link mailed to the new address is opened. */
function EmailForm({ me }: { me: Me }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { new_email: '', current_password: '' },
    validate: {
      new_email: (value) => (/^[^\s@]+@[^\s@]+$/.test(value.trim()) ? null : 'Enter an email address'),
    },
  });
  const request = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(
        api.POST('/v1/me/email', {
          body: {
            new_email: values.new_email.trim(),
            ...(values.current_password === '' ? {} : { current_password: values.current_password }),
          },
        }),
      ),
    onSuccess: (_, values) => {
      setSentTo(values.new_email.trim());
      form.reset();
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        request.mutate(values);
      })}
      noValidate
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          Email
        </Title>
        <Text size="sm">
          You sign in with <strong>{me.email}</strong>. To change it, Steward mails a link to the new address; your
          email changes only when you open that link, within an hour. Your current address gets a notice.
        </Text>
        {sentTo === null ? null : (
          <Alert color="teal" role="status" title="Link sent">
            Steward mailed {sentTo}. Open the link in that mail within an hour to make it your sign-in email; until then
            you sign in with {me.email}.
          </Alert>
        )}
        <TextInput
          label="New email"
          type="email"
          required
          maxLength={254}
          autoComplete="email"
          {...form.getInputProps('new_email')}
        />
        <PasswordInput
          label="Your password"
          description="Needed when you have one (not when you sign in only with Google or SSO)"
          autoComplete="current-password"
          maxLength={1024}
          {...form.getInputProps('current_password')}
        />
        <Group>
          <Button type="submit" variant="default" loading={request.isPending}>
            Mail me a confirmation link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
