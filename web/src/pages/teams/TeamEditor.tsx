import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { FormModal } from '../../app/FormModal';
import { EnvironmentRolesGrid } from '../../app/EnvironmentRolesGrid';
import { useEnvironments, useRoles } from '../../app/account-data';
import { grantsFromGrid, gridFromGrants, type RoleGrid } from '../../app/environment-grants';
import { showFormError } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { teamChanged } from './teams.data';
import type { Team } from './teams.grants';

interface TeamValues {
  [field: string]: unknown;
  name: string;
  description: string;
  environments: RoleGrid;
}

/**
 * Creates a team (`team` null) or edits one: its name, description and role per environment.
 * The form stays while the dialog fades out; a new `formKey` (each opening) starts it afresh.
 */
export function TeamEditor(props: {
  accountId: string;
  team: Team | null;
  opened: boolean;
  formKey: number;
  onClose: () => void;
}) {
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.team === null ? 'New team' : `Edit ${props.team.name}`}
      size="lg"
    >
      <TeamFormLoader key={props.formKey} accountId={props.accountId} team={props.team} onClose={props.onClose} />
    </FormModal>
  );
}

function TeamFormLoader(props: { accountId: string; team: Team | null; onClose: () => void }) {
  const environments = useEnvironments(props.accountId);
  const roles = useRoles(props.accountId);
  if (environments.isError)
    return <LoadFailed error={environments.error} onRetry={() => void environments.refetch()} />;
  if (roles.isError) return <LoadFailed error={roles.error} onRetry={() => void roles.refetch()} />;
  if (environments.data === undefined || roles.data === undefined) return <PageLoader label="Loading the form" />;
  return <TeamForm {...props} environments={environments.data.items} roles={roles.data.items} />;
}

function TeamForm(props: {
  accountId: string;
  team: Team | null;
  environments: { environment_id: string; name: string }[];
  roles: { key: string; name: string }[];
  onClose: () => void;
}) {
  const { accountId, team } = props;
  const queryClient = useQueryClient();
  const form = useForm<TeamValues>({
    initialValues: {
      name: team?.name ?? '',
      description: team?.description ?? '',
      environments: gridFromGrants(
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
        environments: grantsFromGrid(values.environments),
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
        <TextInput label="Name" required maxLength={200} {...form.getInputProps('name')} />
        <Textarea label="Description" autosize minRows={2} maxLength={2000} {...form.getInputProps('description')} />
        <EnvironmentRolesGrid
          environments={props.environments}
          roles={props.roles}
          value={form.values.environments}
          onChange={(id, role) => {
            form.setFieldValue('environments', { ...form.values.environments, [id]: role });
            form.clearFieldError('environments');
          }}
          noneLabel="No role"
          description="Every member holds this role in the environment, on top of their own"
          error={form.errors.environments}
        />
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
