import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { Answer } from '../../api/types';
import { PageHeader } from '../../app/PageHeader';
import { EditDeleteButtons } from '../../app/EditDeleteButtons';
import { ScrollTable } from '../../app/ScrollTable';
import { AccountPage } from '../../app/account';
import { accountKeys, useEnvironments } from '../../app/account-data';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { useDialogItem } from '../../app/dialog-item';
import { countOf, formatTimestamp } from '../../app/format';
import { showFormError } from '../../app/forms';
import { notifyError, notifySuccess } from '../../app/notify';
import { type Me } from '../../app/session';
import { holds } from '../../app/access';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { deletedSummary } from './environments.labels';

type Environment = Answer<'get_environment'>;

export function EnvironmentsPage() {
  return <AccountPage>{(me, accountId) => <EnvironmentsOfAccount me={me} accountId={accountId} />}</AccountPage>;
}

/** What the name dialog is for: a new environment (null), or one to rename. */
type Naming = { environment: Environment | null };

function EnvironmentsOfAccount({ me, accountId }: { me: Me; accountId: string }) {
  const environments = useEnvironments(accountId);
  const canManage = holds(me, 'environments:manage');
  const naming = useDialogItem<Naming>();
  const deleting = useDialogItem<Environment>();
  const items = environments.data?.items ?? [];
  return (
    <Stack gap="md">
      <PageHeader
        title="Environments"
        summary={environments.data === undefined ? '' : countOf(items.length, 'environment')}
        action={
          canManage ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => {
                naming.open({ environment: null });
              }}
            >
              New environment
            </Button>
          ) : null
        }
      />
      {environments.isError ? (
        <LoadFailed error={environments.error} onRetry={() => void environments.refetch()} />
      ) : environments.data === undefined ? (
        <PageLoader label="Loading environments" />
      ) : (
        <ScrollTable label="Environments table" minWidth={640}>
          <Table striped highlightOnHover aria-busy={environments.isFetching} verticalSpacing="xs">
            <Table.Caption>The account’s environments, oldest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Renamed</Table.Th>
                {canManage ? <Table.Th>Actions</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={canManage ? 4 : 3}>
                    <Text ta="center" py="lg">
                      No environments.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                items.map((environment) => (
                  <Table.Tr key={environment.environment_id}>
                    <Table.Td fw={500}>{environment.name}</Table.Td>
                    <Table.Td>{formatTimestamp(environment.created_at, me.time_zone)}</Table.Td>
                    <Table.Td>
                      {environment.updated_at === environment.created_at
                        ? 'Never'
                        : formatTimestamp(environment.updated_at, me.time_zone)}
                    </Table.Td>
                    {canManage ? (
                      <Table.Td>
                        <EditDeleteButtons
                          name={environment.name}
                          editLabel="Rename"
                          onEdit={() => {
                            naming.open({ environment });
                          }}
                          onDelete={() => {
                            deleting.open(environment);
                          }}
                        />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Modal
        opened={naming.opened}
        onClose={naming.close}
        title={naming.item?.environment == null ? 'New environment' : `Rename ${naming.item.environment.name}`}
      >
        {naming.item === null ? null : (
          <NameForm
            key={naming.key}
            accountId={accountId}
            environment={naming.item.environment}
            onClose={naming.close}
          />
        )}
      </Modal>
      <DeleteEnvironmentDialog
        accountId={accountId}
        environment={deleting.item}
        opened={deleting.opened}
        onClose={deleting.close}
      />
    </Stack>
  );
}

/** Environments name the roles of users and teams: those lists show the new names too. */
async function environmentsChanged(queryClient: QueryClient, accountId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: accountKeys.environments(accountId) }),
    queryClient.invalidateQueries({ queryKey: accountKeys.users(accountId) }),
    queryClient.invalidateQueries({ queryKey: accountKeys.teams(accountId) }),
    queryClient.invalidateQueries({ queryKey: accountKeys.everyonesPermissions(accountId) }),
  ]);
}

function NameForm(props: { accountId: string; environment: Environment | null; onClose: () => void }) {
  const { accountId, environment } = props;
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: environment?.name ?? '' },
    validate: { name: (value) => (value.trim() === '' ? 'Name the environment' : null) },
  });
  const save = useMutation({
    mutationFn: ({ name }: { name: string }) =>
      environment === null
        ? ok(
            api.POST('/v1/accounts/{account_id}/environments', {
              params: { path: { account_id: accountId } },
              body: { name: name.trim() },
            }),
          )
        : ok(
            api.PATCH('/v1/accounts/{account_id}/environments/{env_id}', {
              params: { path: { account_id: accountId, env_id: environment.environment_id } },
              body: { name: name.trim() },
            }),
          ),
    onSuccess: async (saved) => {
      await environmentsChanged(queryClient, accountId);
      notifySuccess(
        environment === null ? `Environment ${saved.name} created` : `${environment.name} renamed to ${saved.name}`,
      );
      props.onClose();
    },
    onError: (error) => {
      showFormError(form, error, { conflictField: 'name' });
    },
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        save.mutate(values);
      })}
      noValidate
    >
      <Stack gap="md">
        <TextInput
          label="Name"
          description="Unique in the account, whatever the case"
          required
          maxLength={100}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {environment === null ? 'Create environment' : 'Rename'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteEnvironmentDialog(props: {
  accountId: string;
  environment: Environment | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { accountId, environment } = props;
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (target: Environment) =>
      ok(
        api.DELETE('/v1/accounts/{account_id}/environments/{env_id}', {
          params: { path: { account_id: accountId, env_id: target.environment_id } },
        }),
      ),
    onSuccess: async (deleted, target) => {
      await environmentsChanged(queryClient, accountId);
      notifySuccess(deletedSummary(target.name, deleted));
      props.onClose();
    },
    onError: (error) => {
      notifyError(error, 'The environment was not deleted');
    },
  });
  return (
    <ConfirmDialog
      opened={props.opened && environment !== null}
      title={environment === null ? 'Delete environment' : `Delete ${environment.name}?`}
      confirmLabel="Delete environment"
      busy={remove.isPending}
      onConfirm={() => {
        if (environment !== null) remove.mutate(environment);
      }}
      onClose={props.onClose}
    >
      Every user and team loses the role they hold there. The account keeps at least one environment.
    </ConfirmDialog>
  );
}
