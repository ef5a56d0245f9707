import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { accountKeys, useEnvironments, useRoles } from '../../app/account-data';
import { EnvironmentRolesGrid } from '../../app/EnvironmentRolesGrid';
import { grantsFromGrid, gridFromGrants } from '../../app/environment-grants';
import { showFormError } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { LoginMethodSwitches, type Environment, type Role } from './UserFormFields';

export function InviteDialog({
  accountId,
  opened,
  onClose,
}: {
  accountId: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite a user" size="lg">
      <InviteForm accountId={accountId} onDone={onClose} />
    </Modal>
  );
}

function InviteForm({ accountId, onDone }: { accountId: string; onDone: () => void }) {
  const environments = useEnvironments(accountId);
  const roles = useRoles(accountId);
  if (environments.isError || roles.isError) {
    return (
      <LoadFailed
        error={environments.error ?? roles.error}
        onRetry={() => {
          void environments.refetch();
          void roles.refetch();
        }}
      />
    );
  }
  if (environments.data === undefined || roles.data === undefined) return <PageLoader label="Loading the form" />;
  return <Form accountId={accountId} environments={environments.data.items} roles={roles.data.items} onDone={onDone} />;
}

interface Lists {
  environments: readonly Environment[];
  roles: readonly Role[];
}

function Form({ accountId, environments, roles, onDone }: Lists & { accountId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      user_email: '',
      user_name: '',
      is_admin: false,
      environments: gridFromGrants(
        {},
        environments.map((e) => e.environment_id),
      ),
      // The API's defaults: a password, no Google, no single sign-on.
      allow_login_password: true,
      allow_login_google: false,
      allow_login_sso: false,
    },
    validate: {
      user_email: (value) => (value.trim() === '' ? 'Enter the person’s email' : null),
      user_name: (value) => (value.trim() === '' ? 'Enter the person’s name' : null),
    },
  });
  const invite = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(
        api.POST('/v1/accounts/{account_id}/users/invite', {
          params: { path: { account_id: accountId } },
          body: {
            ...values,
            user_email: values.user_email.trim(),
            user_name: values.user_name.trim(),
            // Admins hold every environment: a hidden grid must not send roles nobody saw.
            environments: values.is_admin ? {} : grantsFromGrid(values.environments),
          },
        }),
      ),
    onSuccess: async (user) => {
      notifySuccess(`Invited ${user.user_name}: an invitation is on its way to ${user.user_email}.`);
      await queryClient.invalidateQueries({ queryKey: accountKeys.users(accountId) });
      onDone();
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  const values = form.getValues();
  return (
    <form
      onSubmit={form.onSubmit((submitted) => {
        invite.mutate(submitted);
      })}
      noValidate
    >
      <Stack gap="md">
        <TextInput label="Email" type="email" required data-autofocus {...form.getInputProps('user_email')} />
        <TextInput label="Name" required {...form.getInputProps('user_name')} />
        <Switch
          label="Admin"
          description="Admins manage the account and hold every privilege"
          {...form.getInputProps('is_admin', { type: 'checkbox' })}
        />
        <EnvironmentRolesGrid
          noneLabel="No access"
          environments={environments}
          roles={roles}
          value={values.environments}
          onChange={(id, role) => {
            form.setFieldValue(`environments.${id}`, role);
          }}
          isAdmin={values.is_admin}
          error={form.errors.environments}
        />
        <LoginMethodSwitches
          value={values}
          onChange={(method, allowed) => {
            form.setFieldValue(method, allowed);
          }}
        />
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
