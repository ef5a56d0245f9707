import { Badge, Button, Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { PageHeader } from '../../app/PageHeader';
import { EditDeleteButtons } from '../../app/EditDeleteButtons';
import { ScrollTable } from '../../app/ScrollTable';
import { AccountPage } from '../../app/account';
import { accountKeys, useRoles } from '../../app/account-data';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { formatTimestamp } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/notify';
import { type Me } from '../../app/session';
import { holds } from '../../app/access';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { RoleEditor } from './RoleEditor';
import { roleChanged, type Role } from './roles.data';
import { deletedRoleSummary } from './roles.labels';

export function RolesPage() {
  return <AccountPage>{(me, accountId) => <RolesOfAccount me={me} accountId={accountId} />}</AccountPage>;
}

/** The editor's state: closed, a new role, or one to edit. */
type Editing = { role: Role | null } | null;

function RolesOfAccount({ me, accountId }: { me: Me; accountId: string }) {
  const roles = useRoles(accountId);
  const canManage = holds(me, 'roles:manage');
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Role | null>(null);

  return (
    <Stack gap="md">
      <PageHeader
        title="Roles"
        summary="A role is given per environment, to a user or a team. Built-in roles are the same in every account."
        action={
          canManage ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => {
                setEditing({ role: null });
              }}
            >
              New custom role
            </Button>
          ) : null
        }
      />
      {roles.isError ? (
        <LoadFailed error={roles.error} onRetry={() => void roles.refetch()} />
      ) : roles.data === undefined ? (
        <PageLoader label="Loading roles" />
      ) : (
        <RolesTable
          roles={roles.data.items}
          timeZone={me.time_zone}
          canManage={canManage}
          busy={roles.isFetching}
          onEdit={(role) => {
            setEditing({ role });
          }}
          onDelete={setDeleting}
        />
      )}
      <RoleEditor
        me={me}
        accountId={accountId}
        role={editing?.role ?? null}
        opened={editing !== null}
        onClose={() => {
          setEditing(null);
        }}
      />
      <DeleteRoleDialog
        accountId={accountId}
        role={deleting}
        roles={roles.data?.items ?? []}
        onClose={() => {
          setDeleting(null);
        }}
      />
    </Stack>
  );
}

/** A badge in a table cell keeps its whole word: Mantine would cut "Built-in" to "BUILT…". */
const WHOLE_BADGE = { root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible' } };

function RolesTable(props: {
  roles: Role[];
  timeZone: string;
  canManage: boolean;
  busy: boolean;
  onEdit: (role: Role) => void;
  onDelete: (role: Role) => void;
}) {
  const custom = props.roles.filter((role) => !role.built_in).length;
  return (
    <ScrollTable label="Roles table" minWidth={960}>
      <Table striped aria-busy={props.busy} verticalSpacing="sm">
        <Table.Caption>
          {custom === 0
            ? 'The built-in roles; the account has no custom role yet'
            : `The built-in roles and ${String(custom)} custom role${custom === 1 ? '' : 's'}`}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Role</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Privileges</Table.Th>
            <Table.Th>Changed</Table.Th>
            {props.canManage ? <Table.Th>Actions</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.roles.map((role) => (
            <Table.Tr key={role.key}>
              <Table.Td maw={280}>
                <Text fw={500} size="sm">
                  {role.name}
                </Text>
                {role.description === '' ? null : (
                  <Text size="sm" c="dimmed">
                    {role.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Code>{role.key}</Code>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant={role.built_in ? 'light' : 'outline'}
                  color={role.built_in ? 'gray' : 'blue'}
                  styles={WHOLE_BADGE}
                >
                  {role.built_in ? 'Built-in' : 'Custom'}
                </Badge>
              </Table.Td>
              <Table.Td maw={360}>
                {role.privileges.length === 0 ? (
                  <Text size="sm">None</Text>
                ) : (
                  <Group gap={4} wrap="wrap" aria-label={`Privileges of ${role.name}`} role="list">
                    {role.privileges.map((privilege) => (
                      <Code key={privilege} role="listitem">
                        {privilege}
                      </Code>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(role.updated_at, props.timeZone)}</Table.Td>
              {props.canManage ? (
                <Table.Td>
                  {role.built_in ? (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      Read-only
                    </Text>
                  ) : (
                    <EditDeleteButtons
                      name={role.name}
                      onEdit={() => {
                        props.onEdit(role);
                      }}
                      onDelete={() => {
                        props.onDelete(role);
                      }}
                    />
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The "move nobody" choice: no role key can be it (keys start with a letter). */
const MOVE_NOBODY = '-';

/**
 * Deleting a role its holders still have is refused (409, naming them) unless they move to
 * another role first, in the same request: the dialog offers that choice.
 */
function DeleteRoleDialog(props: { accountId: string; role: Role | null; roles: Role[]; onClose: () => void }) {
  const { accountId, role } = props;
  const queryClient = useQueryClient();
  const [moveTo, setMoveTo] = useState(MOVE_NOBODY);
  const remove = useMutation({
    mutationFn: (target: Role) =>
      ok(
        api.DELETE('/v1/accounts/{account_id}/roles/{role_key}', {
          params: {
            path: { account_id: accountId, role_key: target.key },
            query: moveTo === MOVE_NOBODY ? {} : { reassign_to: moveTo },
          },
        }),
      ),
    onSuccess: async (deleted, target) => {
      await Promise.all([
        roleChanged(queryClient, accountId),
        // The holders moved to another role: the Users and Teams lists name it.
        queryClient.invalidateQueries({ queryKey: accountKeys.users(accountId) }),
        queryClient.invalidateQueries({ queryKey: accountKeys.teams(accountId) }),
      ]);
      notifySuccess(deletedRoleSummary(target.name, deleted, new Map(props.roles.map((r) => [r.key, r.name]))));
      close();
    },
    onError: (error) => {
      notifyError(error, 'The role was not deleted');
    },
  });
  const close = () => {
    setMoveTo(MOVE_NOBODY);
    remove.reset();
    props.onClose();
  };
  const others = props.roles.filter((r) => r.key !== role?.key).map((r) => ({ value: r.key, label: r.name }));
  const choices = [{ value: MOVE_NOBODY, label: 'Nobody: delete it only if nobody holds it' }, ...others];
  return (
    <ConfirmDialog
      opened={role !== null}
      title={role === null ? 'Delete role' : `Delete ${role.name}?`}
      confirmLabel="Delete role"
      busy={remove.isPending}
      onConfirm={() => {
        if (role !== null) remove.mutate(role);
      }}
      onClose={close}
    >
      <Stack gap="sm">
        <Text size="sm">
          Users and teams that hold this role in an environment keep it until they move to another: Steward refuses to
          delete a role still in use unless you choose one here.
        </Text>
        <Select
          label="Move its holders to"
          data={choices}
          value={moveTo}
          onChange={(value) => {
            setMoveTo(value ?? MOVE_NOBODY);
          }}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </Stack>
    </ConfirmDialog>
  );
}
