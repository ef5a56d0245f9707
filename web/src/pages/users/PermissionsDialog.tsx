import { Badge, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { ScrollTable } from '../../app/ScrollTable';
import { useAccountNames, usePermissions } from '../../app/account-data';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { environmentAccess } from './users.access';

/** What a user may do, as the API works it out from their roles, their teams' roles and admin. */
export function PermissionsDialog(props: {
  accountId: string;
  opened: boolean;
  user: { user_id: string; user_name: string } | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`Permissions of ${props.user?.user_name ?? ''}`}
      size="xl"
    >
      {props.user === null ? null : <Permissions accountId={props.accountId} userId={props.user.user_id} />}
    </Modal>
  );
}

function Permissions({ accountId, userId }: { accountId: string; userId: string }) {
  const permissions = usePermissions(accountId, userId);
  const names = useAccountNames(accountId);
  if (permissions.isError) return <LoadFailed error={permissions.error} onRetry={() => void permissions.refetch()} />;
  if (permissions.data === undefined) return <PageLoader label="Loading permissions" />;
  const rows = environmentAccess(permissions.data, names.environments, names.roles);
  const account = permissions.data.account_privileges;
  return (
    <Stack gap="md">
      <section aria-labelledby="account-privileges">
        <Title order={3} size="h4" id="account-privileges" mb="xs">
          Account privileges
        </Title>
        {account.length === 0 ? (
          <Text size="sm">None: this user does not manage the account.</Text>
        ) : (
          <Privileges keys={[...account].sort()} />
        )}
      </section>
      <section aria-labelledby="environment-privileges">
        <Title order={3} size="h4" id="environment-privileges" mb="xs">
          In each environment
        </Title>
        <ScrollTable label="Permissions by environment" minWidth={520}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Environment</Table.Th>
                <Table.Th>Roles</Table.Th>
                <Table.Th>Privileges</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.environmentId}>
                  <Table.Td fw={500}>{row.name}</Table.Td>
                  <Table.Td miw={120}>{row.roles.length === 0 ? 'No access' : row.roles.join(', ')}</Table.Td>
                  <Table.Td>{row.privileges.length === 0 ? '—' : <Privileges keys={row.privileges} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </section>
    </Stack>
  );
}

function Privileges({ keys }: { keys: readonly string[] }) {
  return (
    <Group gap={4} wrap="wrap">
      {keys.map((key) => (
        <Badge key={key} variant="light" color="gray" tt="none">
          {key}
        </Badge>
      ))}
    </Group>
  );
}
