import { Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { Answer } from '../../api/types';
import { accountKeys, useEnvironments, useRoles } from '../../app/account-data';
import { EnvironmentRolesGrid } from '../../app/EnvironmentRolesGrid';
import { grantsFromGrid, gridFromGrants } from '../../app/environment-grants';
import { showFormError } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { ME_KEY, type Me } from '../../app/session';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { LoginMethodSwitches, type Environment, type Role } from './UserFormFields';

type User = Answer<'get_user'>;

/** Edits one user: name, admin, the role in each environment, how they may sign in. */
export function EditUserDialog(props: {
  me: Me;
  accountId: string;
  opened: boolean;
  user: { user_id: string; user_name: string } | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Edit ${props.user?.user_name ?? ''}`} size="lg">
      {props.user === null ? null : (
        <EditForm me={props.me} accountId={props.accountId} userId={props.user.user_id} onDone={props.onClose} />
      )}
    </Modal>
  );
}

function EditForm({
  me,
  accountId,
  userId,
  onDone,
}: {
  me: Me;
  accountId: string;
  userId: string;
  onDone: () => void;
}) {
  // Under the users key: a change anywhere to the users reads the user again.
  const user = useQuery({
    queryKey: [...accountKeys.users(accountId), 'user', userId],
    queryFn: () =>
      ok(
        api.GET('/v1/accounts/{account_id}/users/{user_id}', {
          params: { path: { account_id: accountId, user_id: userId } },
        }),
      ),
    // The form starts from what the user is now, not from a minute-old copy.
    staleTime: 0,
  });
  const environments = useEnvironments(accountId);
  const roles = useRoles(accountId);
  const failed = user.error ?? environments.error ?? roles.error;
  if (failed !== null) {
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          void user.refetch();
          void environments.refetch();
          void roles.refetch();
        }}
      />
    );
  }
  if (user.data === undefined || environments.data === undefined || roles.data === undefined) {
    return <PageLoader label="Loading the user" />;
  }
  return (
    <Form
      me={me}
      accountId={accountId}
      user={user.data}
      environments={environments.data.items}
      roles={roles.data.items}
      onDone={onDone}
    />
  );
}

function Form(props: {
  me: Me;
  accountId: string;
  user: User;
  environments: readonly Environment[];
  roles: readonly Role[];
  onDone: () => void;
}) {
  const { me, accountId, user } = props;
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      user_name: user.user_name,
      is_admin: user.is_admin,
      environments: gridFromGrants(
        user.environments,
        props.environments.map((e) => e.environment_id),
      ),
      allow_login_password: user.allow_login_password,
      allow_login_google: user.allow_login_google,
      allow_login_sso: user.allow_login_sso,
    },
    validate: { user_name: (value) => (value.trim() === '' ? 'Enter a name' : null) },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(
        api.PATCH('/v1/accounts/{account_id}/users/{user_id}', {
          params: { path: { account_id: accountId, user_id: user.user_id } },
          body: {
            user_name: values.user_name.trim(),
            is_admin: values.is_admin,
            allow_login_password: values.allow_login_password,
            allow_login_google: values.allow_login_google,
            // An admin's roles stay as they were (hidden, not cleared), for the day they stop being one.
            ...(values.is_admin ? {} : { environments: grantsFromGrid(values.environments) }),
          },
        }),
      ),
    onSuccess: async (saved) => {
      notifySuccess(`Saved ${saved.user_name}.`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: accountKeys.users(accountId) }),
        queryClient.invalidateQueries({ queryKey: accountKeys.permissions(accountId, saved.user_id) }),
        // Editing oneself can change what the console lets one do.
        saved.user_id === me.user_id ? queryClient.invalidateQueries({ queryKey: ME_KEY }) : null,
      ]);
      props.onDone();
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  const values = form.getValues();
  return (
    <form
      onSubmit={form.onSubmit((submitted) => {
        save.mutate(submitted);
      })}
      noValidate
    >
      <Stack gap="md">
        <Text size="sm">{user.user_email}</Text>
        <TextInput label="Name" required data-autofocus {...form.getInputProps('user_name')} />
        <Switch
          label="Admin"
          description="Admins manage the account and hold every privilege"
          {...form.getInputProps('is_admin', { type: 'checkbox' })}
        />
        <EnvironmentRolesGrid
          noneLabel="No access"
          environments={props.environments}
          roles={props.roles}
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
          ssoFixed
        />
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
