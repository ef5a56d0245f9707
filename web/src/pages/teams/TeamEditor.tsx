import { Button, Group, Input, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ScrollTable } from '../../app/ScrollTable';
import { useEnvironments, useRoles } from '../../app/account-data';
import { showFormError } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { teamChanged } from './teams.data';
import {
  choiceFromPicker,
  choicesFromGrants,
  grantsFromChoices,
  NO_ROLE,
  pickerValue,
  type GrantChoices,
  type Team,
} from './teams.grants';

interface TeamValues {
  [field: string]: unknown;
  name: string;
  description: string;
  environments: GrantChoices;
}

/** Creates a team (`team` null) or edits one: its name, description and role per environment. */
export function TeamEditor(props: { accountId: string; team: Team | null; opened: boolean; onClose: () => void }) {
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.team === null ? 'New team' : `Edit ${props.team.name}`}
      size="lg"
      fullScreen={narrow}
    >
      {props.opened ? <TeamFormLoader {...props} /> : null}
    </Modal>
  );
}

function TeamFormLoader(props: { accountId: string; team: Team | null; onClose: () => void }) {
  const environments = useEnvironments(props.accountId);
  const roles = useRoles(props.accountId);
  if (environments.isError)
    return <LoadFailed error={environments.error} onRetry={() => void environments.refetch()} />;
  if (roles.isError) return <LoadFailed error={roles.error} onRetry={() => void roles.refetch()} />;
  if (environments.data === undefined || roles.data === undefined) return <PageLoader label="Loading the form" />;
  return (
    <TeamForm
      {...props}
      environments={environments.data.items}
      roles={[
        { value: NO_ROLE, label: 'No role' },
        ...roles.data.items.map((role) => ({ value: role.key, label: role.name })),
      ]}
    />
  );
}

function TeamForm(props: {
  accountId: string;
  team: Team | null;
  environments: { environment_id: string; name: string }[];
  roles: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { accountId, team } = props;
  const queryClient = useQueryClient();
  const form = useForm<TeamValues>({
    initialValues: {
      name: team?.name ?? '',
      description: team?.description ?? '',
      environments: choicesFromGrants(
        team?.environments ?? {},
        props.environments.map((e) => e.environment_id),
      ),
    },
    validate: { name: (value) => (value.trim() === '' ? 'Name the team' : null) },
  });
  const save = useMutation({
    mutationFn: (values: TeamValues) => {
      const body = {
        name: values.name.trim(),
        description: values.description.trim(),
        environments: grantsFromChoices(values.environments),
      };
      return team === null
        ? ok(api.POST('/v1/accounts/{account_id}/teams', { params: { path: { account_id: accountId } }, body }))
        : ok(
            api.PATCH('/v1/accounts/{account_id}/teams/{team_id}', {
              params: { path: { account_id: accountId, team_id: team.team_id } },
              body,
            }),
          );
    },
    onSuccess: async (saved) => {
      await teamChanged(queryClient, accountId);
      notifySuccess(team === null ? `Team ${saved.name} created` : `Team ${saved.name} saved`);
      props.onClose();
    },
    onError: (error) => {
      // A taken name is the name field's problem.
      if (error instanceof ApiError && error.status === 409) {
        form.setFieldError('name', error.message);
        return;
      }
      showFormError(form, error);
    },
  });
  const gridError = form.errors.environments;
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        save.mutate(values);
      })}
      noValidate
    >
      <Stack gap="md">
        <TextInput label="Name" required maxLength={200} {...form.getInputProps('name')} />
        <Textarea label="Description" autosize minRows={2} maxLength={2000} {...form.getInputProps('description')} />
        <Input.Wrapper
          label="Role per environment"
          description="Every member holds this role in the environment, on top of their own"
          error={gridError}
        >
          <ScrollTable label="Roles by environment" minWidth={320}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Environment</Table.Th>
                  <Table.Th>Role</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {props.environments.map((environment) => (
                  <Table.Tr key={environment.environment_id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {environment.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Role in ${environment.name}`}
                        data={props.roles}
                        value={pickerValue(form.values.environments[environment.environment_id] ?? null)}
                        onChange={(value) => {
                          form.setFieldValue('environments', {
                            ...form.values.environments,
                            [environment.environment_id]: choiceFromPicker(value),
                          });
                          form.clearFieldError('environments');
                        }}
                        allowDeselect={false}
                        comboboxProps={{ withinPortal: true }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Input.Wrapper>
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {team === null ? 'Create team' : 'Save team'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
