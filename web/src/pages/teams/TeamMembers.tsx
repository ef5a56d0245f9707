import { Button, Center, Drawer, Group, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { UserListItem } from '../../api/types';
import { ScrollTable } from '../../app/ScrollTable';
import { accountKeys } from '../../app/account-data';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { useStayInPages } from '../../app/PagePicker';
import { pageCount } from '../../app/paging';
import { notifyError, notifySuccess } from '../../app/notify';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { teamChanged, teamMembersKey } from './teams.data';
import { membersLabel, type Team } from './teams.grants';

const PAGE_SIZE = 20;

/** A team's members in a side drawer; holders of `users:manage` add and remove them here. */
export function TeamMembers(props: {
  accountId: string;
  team: Team | null;
  opened: boolean;
  canEdit: boolean;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={props.opened && props.team !== null}
      onClose={props.onClose}
      position="right"
      size="lg"
      title={props.team === null ? 'Members' : `Members of ${props.team.name}`}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {props.team === null ? null : (
        <MembersOfTeam key={props.team.team_id} accountId={props.accountId} team={props.team} canEdit={props.canEdit} />
      )}
    </Drawer>
  );
}

type Membership = { operation: 'attach' | 'detach'; user: UserListItem };

function useMembership(accountId: string, team: Team, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ operation, user }: Membership) =>
      ok(
        api.PATCH('/v1/accounts/{account_id}/users/teams', {
          params: { path: { account_id: accountId } },
          body: { operation, team_id: team.team_id, user_ids: [user.user_id] },
        }),
      ),
    onSuccess: async (_answer, { operation, user }) => {
      await teamChanged(queryClient, accountId);
      notifySuccess(
        operation === 'attach'
          ? `${user.user_name} added to ${team.name}`
          : `${user.user_name} removed from ${team.name}`,
      );
      onDone();
    },
    onError: (error) => {
      notifyError(error);
    },
  });
}

function MembersOfTeam({ accountId, team, canEdit }: { accountId: string; team: Team; canEdit: boolean }) {
  const [page, setPage] = useState(1);
  const [removing, setRemoving] = useState<UserListItem | null>(null);
  const members = useQuery({
    queryKey: teamMembersKey(accountId, team.team_id, page),
    queryFn: () =>
      ok(
        api.GET('/v1/accounts/{account_id}/teams/{team_id}/users', {
          params: {
            path: { account_id: accountId, team_id: team.team_id },
            query: { page, items_per_page: PAGE_SIZE, sort_by: 'user_name', sort_order: 'asc' },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const detach = useMembership(accountId, team, () => {
    setRemoving(null);
  });
  const total = members.data?.total_items ?? 0;
  const pages = pageCount(total, PAGE_SIZE);
  useStayInPages(page, members.data === undefined || members.isPlaceholderData ? undefined : pages, setPage);
  return (
    <Stack gap="md">
      {team.description === '' ? null : <Text size="sm">{team.description}</Text>}
      {canEdit ? <AddMember accountId={accountId} team={team} /> : null}
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          Members
        </Title>
        <Text size="sm" aria-live="polite">
          {members.data === undefined ? '' : membersLabel(total)}
        </Text>
      </Group>
      {members.isError ? (
        <LoadFailed error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data === undefined ? (
        <PageLoader label="Loading members" />
      ) : (
        <ScrollTable label="Members table" minWidth={360}>
          <Table striped aria-busy={members.isFetching} verticalSpacing="xs">
            <Table.Caption>{`The members of ${team.name}`}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                {canEdit ? <Table.Th>Actions</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={canEdit ? 3 : 2}>
                    <Text ta="center" py="md" size="sm">
                      Nobody is in this team yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                members.data.items.map((user) => (
                  <Table.Tr key={user.user_id}>
                    <Table.Td fw={500}>{user.user_name}</Table.Td>
                    <Table.Td>{user.user_email}</Table.Td>
                    {canEdit ? (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconUserMinus size={14} aria-hidden />}
                          aria-label={`Remove ${user.user_name} from ${team.name}`}
                          onClick={() => {
                            setRemoving(user);
                          }}
                        >
                          Remove
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {pages > 1 ? (
        <Center>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={setPage}
            getItemProps={(n) => ({ 'aria-label': `Members page ${String(n)}` })}
            getControlProps={(control) => ({ 'aria-label': `${control} page of members` })}
            siblings={1}
          />
        </Center>
      ) : null}
      <ConfirmDialog
        opened={removing !== null}
        title={`Remove from ${team.name}?`}
        confirmLabel="Remove from team"
        busy={detach.isPending}
        onConfirm={() => {
          if (removing !== null) detach.mutate({ operation: 'detach', user: removing });
        }}
        onClose={() => {
          setRemoving(null);
        }}
      >
        {removing === null
          ? null
          : `${removing.user_name} stays in the account and loses the roles ${team.name} gives at once.`}
      </ConfirmDialog>
    </Stack>
  );
}

/** Finds users by name or email and adds one to the team. */
function AddMember({ accountId, team }: { accountId: string; team: Team }) {
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text.trim(), 300);
  const found = useQuery({
    queryKey: [...accountKeys.users(accountId), 'find', search],
    queryFn: () =>
      ok(
        api.GET('/v1/accounts/{account_id}/users', {
          params: {
            path: { account_id: accountId },
            query: { name: search, page: 1, items_per_page: 10, sort_by: 'user_name', sort_order: 'asc' },
          },
        }),
      ),
    enabled: search !== '',
  });
  const attach = useMembership(accountId, team, () => undefined);
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label="Add a member"
        placeholder="Name or email"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
        }}
      />
      {search === '' ? null : found.isError ? (
        <LoadFailed error={found.error} onRetry={() => void found.refetch()} />
      ) : found.data === undefined ? (
        <PageLoader label="Finding users" />
      ) : found.data.items.length === 0 ? (
        <Text size="sm" role="status">
          {`No user’s name or email contains “${search}”.`}
        </Text>
      ) : (
        <Stack gap={4} role="list" aria-label="Users found">
          {found.data.items.map((user) => {
            const member = user.groups.includes(team.team_id);
            return (
              <Group key={user.user_id} justify="space-between" wrap="wrap" role="listitem" gap="xs">
                <Text size="sm">
                  {user.user_name} <Text span c="dimmed" size="sm">{`(${user.user_email})`}</Text>
                </Text>
                {member ? (
                  <Text size="sm" c="dimmed">
                    Member
                  </Text>
                ) : (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconUserPlus size={14} aria-hidden />}
                    aria-label={`Add ${user.user_name} to ${team.name}`}
                    loading={attach.isPending && attach.variables.user.user_id === user.user_id}
                    onClick={() => {
                      attach.mutate({ operation: 'attach', user });
                    }}
                  >
                    Add
                  </Button>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
