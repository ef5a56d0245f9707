import { Badge, Checkbox, Group, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { UserListItem, UserSortKey } from '../../api/types';
import { ScrollTable } from '../../app/ScrollTable';
import type { AccountNames } from '../../app/account-data';
import { formatTimestamp } from '../../app/format';
import { rolesByEnvironment, sourceLabel, statusLabel } from './users.labels';
import { pageState, type Selection } from './users.selection';
import type { UsersView } from './users.url';

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

/** The bulk selection, for who may change users: the boxes sit in the Name column, which stays first. */
export interface TableSelection {
  selected: Selection;
  onSelect: (userId: string, checked: boolean) => void;
  onSelectPage: (pageIds: string[], checked: boolean) => void;
}

export function UsersTable(props: {
  users: UserListItem[];
  view: UsersView;
  caption: string;
  empty: string;
  names: AccountNames;
  timeZone: string;
  busy: boolean;
  onSort: (key: UserSortKey) => void;
  selection: TableSelection | null;
  actions: (user: UserListItem) => ReactNode;
}) {
  const { users, view, names, timeZone, selection } = props;
  const pageIds = users.map((u) => u.user_id);
  const state = selection === null ? 'none' : pageState(selection.selected, pageIds);
  return (
    <ScrollTable label="Users table" minWidth={1260}>
      <Table striped highlightOnHover aria-busy={props.busy} verticalSpacing="xs" style={{ whiteSpace: 'nowrap' }}>
        <Table.Caption>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((column, index) => (
              <HeaderCell key={column.label} column={column} view={view} onSort={props.onSort}>
                {index === 0 && selection !== null && users.length > 0 ? (
                  <Checkbox
                    aria-label="Select every user on this page"
                    checked={state === 'all'}
                    indeterminate={state === 'some'}
                    onChange={(event) => {
                      selection.onSelectPage(pageIds, event.currentTarget.checked);
                    }}
                  />
                ) : null}
              </HeaderCell>
            ))}
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length + 1}>
                <Text ta="center" py="lg">
                  {props.empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            users.map((user) => {
              const status = statusLabel(user);
              return (
                <Table.Tr key={user.user_id}>
                  <Table.Td fw={500}>
                    {selection === null ? (
                      user.user_name
                    ) : (
                      <Group gap="sm" wrap="nowrap">
                        <Checkbox
                          aria-label={`Select ${user.user_name}`}
                          checked={selection.selected.has(user.user_id)}
                          onChange={(event) => {
                            selection.onSelect(user.user_id, event.currentTarget.checked);
                          }}
                        />
                        {user.user_name}
                      </Group>
                    )}
                  </Table.Td>
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
                  <Table.Td>{props.actions(user)}</Table.Td>
                </Table.Tr>
              );
            })
          )}
        </Table.Tbody>
      </Table>
    </ScrollTable>
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

function HeaderCell(props: {
  column: Column;
  view: UsersView;
  onSort: (key: UserSortKey) => void;
  children?: ReactNode;
}) {
  const { column, view, onSort } = props;
  const { sortKey } = column;
  if (sortKey === undefined) return <Table.Th>{column.label}</Table.Th>;
  const active = view.sortBy === sortKey;
  const Icon = !active ? IconArrowsSort : view.sortOrder === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (view.sortOrder === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Group gap="sm" wrap="nowrap">
        {props.children}
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
      </Group>
    </Table.Th>
  );
}
