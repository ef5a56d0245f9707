import {
  Badge,
  Center,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import type { UserListItem, UserSortKey } from '../../api/types';
import { formatTimestamp } from '../../app/format';
import { AccountPage } from '../../app/account';
import { accountKeys, useAccountNames, type AccountNames } from '../../app/account-data';
import type { Me } from '../../app/session';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { rolesByEnvironment, sourceLabel, statusLabel } from './users.labels';
import {
  listQuery,
  PAGE_SIZES,
  pageCount,
  searchedFor,
  searchFromView,
  sortedBy,
  viewFromSearch,
  withPageSize,
  type PageSize,
  type UsersView,
} from './users.url';

export function UsersPage() {
  return <AccountPage>{(me, accountId) => <UsersOfAccount me={me} accountId={accountId} />}</AccountPage>;
}

function useUsersView(): [UsersView, (next: UsersView, options?: { replace?: boolean }) => void] {
  const [search, setSearch] = useSearchParams();
  const view = useMemo(() => viewFromSearch(search), [search]);
  const setView = (next: UsersView, options: { replace?: boolean } = {}) => {
    setSearch(searchFromView(next), { replace: options.replace ?? false });
  };
  return [view, setView];
}

function UsersOfAccount({ me, accountId }: { me: Me; accountId: string }) {
  const [view, setView] = useUsersView();
  const names = useAccountNames(accountId);
  const users = useQuery({
    queryKey: [...accountKeys.users(accountId), listQuery(view)],
    queryFn: () =>
      ok(
        api.GET('/v1/accounts/{account_id}/users', {
          params: { path: { account_id: accountId }, query: listQuery(view) },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const total = users.data?.total_items ?? 0;
  const pages = pageCount(total, view.pageSize);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          Users
        </Title>
        <Text size="sm" aria-live="polite">
          {users.data === undefined ? '' : `${String(total)} user${total === 1 ? '' : 's'}`}
        </Text>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <SearchBox
          view={view}
          onSearch={(name) => {
            setView(searchedFor(view, name), { replace: true });
          }}
        />
        <Select
          label="Per page"
          data={PAGE_SIZES.map(String)}
          value={String(view.pageSize)}
          onChange={(value) => {
            if (value !== null) setView(withPageSize(view, Number(value) as PageSize));
          }}
          allowDeselect={false}
          w={110}
        />
      </Group>
      {users.isError ? (
        <LoadFailed error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data === undefined ? (
        <PageLoader label="Loading users" />
      ) : (
        <UsersTable
          users={users.data.items}
          view={view}
          names={names}
          timeZone={me.time_zone}
          busy={users.isFetching}
          onSort={(key) => {
            setView(sortedBy(view, key));
          }}
        />
      )}
      {pages > 1 ? (
        <Center>
          <Pagination
            total={pages}
            value={Math.min(view.page, pages)}
            onChange={(page) => {
              setView({ ...view, page });
            }}
            getItemProps={(page) => ({ 'aria-label': `Page ${String(page)}` })}
            getControlProps={(control) => ({ 'aria-label': CONTROL_LABELS[control] })}
            withEdges
            siblings={1}
          />
        </Center>
      ) : null}
    </Stack>
  );
}

const CONTROL_LABELS = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' };

/** The name filter, applied a moment after typing stops; Back and Forward put their own text back. */
function SearchBox({ view, onSearch }: { view: UsersView; onSearch: (name: string) => void }) {
  const [text, setText] = useState(view.name);
  const apply = useDebouncedCallback(onSearch, 300);
  const navigationType = useNavigationType();
  const location = useLocation();
  const [shownFor, setShownFor] = useState(location.key);
  if (navigationType === NavigationType.Pop && location.key !== shownFor) {
    setShownFor(location.key);
    setText(view.name);
  }
  return (
    <TextInput
      label="Search"
      placeholder="Name or email"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        apply(event.currentTarget.value);
      }}
      type="search"
      w={{ base: '100%', xs: 320 }}
    />
  );
}

interface Column {
  label: string;
  sortKey?: UserSortKey;
}

const COLUMNS: Column[] = [
  { label: 'Name', sortKey: 'user_name' },
  { label: 'Email', sortKey: 'user_email' },
  { label: 'Admin', sortKey: 'is_admin' },
  { label: 'Status' },
  { label: 'Source', sortKey: 'source' },
  { label: 'Teams' },
  { label: 'Roles' },
  { label: 'Invited by', sortKey: 'invited_by' },
  { label: 'Last login', sortKey: 'last_login' },
  { label: 'Created', sortKey: 'created_at' },
];

const STATUS_COLORS = { Active: 'teal', Invited: 'blue', Deactivated: 'gray' } as const;
/** A badge in a table cell keeps its whole word: Mantine would cut "Invited" to "INVI…". */
const WHOLE_BADGE = { root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible' } };

function UsersTable(props: {
  users: UserListItem[];
  view: UsersView;
  names: AccountNames;
  timeZone: string;
  busy: boolean;
  onSort: (key: UserSortKey) => void;
}) {
  const { users, view, names, timeZone } = props;
  return (
    <Table.ScrollContainer minWidth={1200}>
      <Table striped highlightOnHover aria-busy={props.busy} verticalSpacing="xs" style={{ whiteSpace: 'nowrap' }}>
        <Table.Caption>
          {view.name.trim() === '' ? 'The account’s users' : `Users matching “${view.name}”`}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((column) => (
              <HeaderCell key={column.label} column={column} view={view} onSort={props.onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length}>
                <Text ta="center" py="lg">
                  {view.name.trim() === '' ? 'No users yet.' : `No user’s name or email contains “${view.name}”.`}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            users.map((user) => {
              const status = statusLabel(user);
              return (
                <Table.Tr key={user.user_id}>
                  <Table.Td fw={500}>{user.user_name}</Table.Td>
                  <Table.Td>{user.user_email}</Table.Td>
                  <Table.Td>
                    {user.is_admin ? (
                      <Badge variant="light" styles={WHOLE_BADGE}>
                        Admin
                      </Badge>
                    ) : (
                      'No'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[status]} variant="outline" styles={WHOLE_BADGE}>
                      {status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{sourceLabel(user.source)}</Table.Td>
                  <Table.Td>{user.groups.map((id) => names.teams.get(id) ?? id).join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    <RolesCell user={user} names={names} />
                  </Table.Td>
                  <Table.Td>{user.invited_by ?? '—'}</Table.Td>
                  <Table.Td>{formatTimestamp(user.last_login, timeZone, 'Never')}</Table.Td>
                  <Table.Td>{formatTimestamp(user.created_at, timeZone)}</Table.Td>
                </Table.Tr>
              );
            })
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RolesCell({ user, names }: { user: UserListItem; names: AccountNames }) {
  const roles = rolesByEnvironment(user.environments, names.environments, names.roles);
  if (roles.length === 0) return <>{user.is_admin ? 'Every environment (admin)' : '—'}</>;
  return (
    <Stack gap={0}>
      {roles.map(([environment, role]) => (
        <Text key={environment} size="sm">
          {environment}: {role}
        </Text>
      ))}
    </Stack>
  );
}

function HeaderCell({ column, view, onSort }: { column: Column; view: UsersView; onSort: (key: UserSortKey) => void }) {
  const { sortKey } = column;
  if (sortKey === undefined) return <Table.Th>{column.label}</Table.Th>;
  const active = view.sortBy === sortKey;
  const Icon = !active ? IconArrowsSort : view.sortOrder === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (view.sortOrder === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => {
          onSort(sortKey);
        }}
        fw={700}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {column.label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
