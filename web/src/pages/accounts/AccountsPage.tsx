import { Alert, Badge, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { Answer } from '../../api/types';
import { accountKeys } from '../../app/account-data';
import { PagePicker, useStayInPages } from '../../app/PagePicker';
import { pageCount } from '../../app/paging';
import { ScrollTable } from '../../app/ScrollTable';
import { formatTimestamp } from '../../app/format';
import { useMe, type Me } from '../../app/session';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { CreateAccountDialog, EditAccountDialog } from './AccountDialogs';
import { featuresOn } from './features';

export type Account = Answer<'list_accounts'>['items'][number];

const PAGE_SIZE = 20;

export function AccountsPage() {
  const me = useMe();
  if (me.data === undefined || me.data === null) return <PageLoader />;
  return <Accounts me={me.data} />;
}

function Accounts({ me }: { me: Me }) {
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const accounts = useQuery({
    queryKey: [...accountKeys.all(), { page }],
    queryFn: () => ok(api.GET('/v1/accounts', { params: { query: { page, items_per_page: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
    enabled: me.is_super_admin,
  });
  const total = accounts.data?.total_items ?? 0;
  const pages = pageCount(total, PAGE_SIZE);
  useStayInPages(page, accounts.data === undefined || accounts.isPlaceholderData ? undefined : pages, setPage);

  if (!me.is_super_admin) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          Accounts
        </Title>
        <Alert color="blue" title="For super admins only">
          Creating accounts and switching their features is for the operators of this Steward.
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          Accounts
        </Title>
        <Group wrap="wrap">
          <Text size="sm" aria-live="polite">
            {accounts.data === undefined ? '' : `${String(total)} account${total === 1 ? '' : 's'}`}
          </Text>
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => {
              setCreating(true);
            }}
          >
            Create account
          </Button>
        </Group>
      </Group>
      {accounts.isError ? (
        <LoadFailed error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : accounts.data === undefined ? (
        <PageLoader label="Loading accounts" />
      ) : (
        <ScrollTable label="Accounts table" minWidth={900}>
          <Table striped verticalSpacing="xs" aria-busy={accounts.isFetching}>
            <Table.Caption>Every account of this Steward, by name</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Environments</Table.Th>
                <Table.Th>Features on</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Changed</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.data.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text ta="center" py="lg">
                      No accounts yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                accounts.data.items.map((account) => (
                  <Table.Tr key={account.account_id}>
                    <Table.Td fw={500}>{account.name}</Table.Td>
                    <Table.Td>{account.environments.map((e) => e.name).join(', ') || '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="wrap">
                        {featuresOn(account.features).map((label) => (
                          <Badge key={label} variant="light" tt="none">
                            {label}
                          </Badge>
                        ))}
                        {featuresOn(account.features).length === 0 ? 'None' : null}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatTimestamp(account.created_at, me.time_zone)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatTimestamp(account.updated_at, me.time_zone)}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`Edit account ${account.name}`}
                        onClick={() => {
                          setEditingId(account.account_id);
                        }}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <PagePicker page={page} pages={pages} onChange={setPage} />
      <CreateAccountDialog
        opened={creating}
        onClose={() => {
          setCreating(false);
        }}
      />
      <EditAccountDialog
        account={accounts.data?.items.find((account) => account.account_id === editingId) ?? null}
        onClose={() => {
          setEditingId(null);
        }}
      />
    </Stack>
  );
}
