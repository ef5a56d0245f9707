import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import type { UserListItem } from '../../api/types';
import { countOf } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { AccountPage } from '../../app/account';
import { accountKeys, useAccountNames, useTeams } from '../../app/account-data';
import { PagePicker, useStayInPages } from '../../app/PagePicker';
import { type Me } from '../../app/session';
import { holds } from '../../app/access';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { BulkBar } from './BulkBar';
import { EditUserDialog } from './EditUserDialog';
import { InviteDialog } from './InviteDialog';
import { PermissionsDialog } from './PermissionsDialog';
import { RemoveUserDialog } from './RemoveUserDialog';
import { UserActions, type UserDialog } from './UserActions';
import { pageCount } from '../../app/paging';
import { UsersTable } from './UsersTable';
import { tableCaption } from './users.labels';
import { toggled, withPage, type Selection } from './users.selection';
import {
  inTeam,
  listQuery,
  PAGE_SIZES,
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
  const teams = useTeams(accountId);
  const canManage = holds(me, 'users:manage');
  const query = listQuery(view);
  const users = useQuery({
    queryKey: [...accountKeys.users(accountId), query],
    queryFn: () =>
      ok(api.GET('/v1/accounts/{account_id}/users', { params: { path: { account_id: accountId }, query } })),
    placeholderData: keepPreviousData,
  });
  const total = users.data?.total_items ?? 0;
  const pages = pageCount(total, view.pageSize);
  useStayInPages(view.page, users.data === undefined || users.isPlaceholderData ? undefined : pages, (last) => {
    setView({ ...view, page: last }, { replace: true });
  });
  const [inviting, setInviting] = useState(false);
  // The user stays while a dialog closes, so its title does not empty during the transition.
  const [dialog, setDialog] = useState<{ kind: UserDialog; user: UserListItem; opened: boolean } | null>(null);
  const dialogOf = (kind: UserDialog) => ({
    opened: dialog?.kind === kind && dialog.opened,
    user: dialog?.kind === kind ? dialog.user : null,
    onClose: () => {
      setDialog((shown) => (shown === null ? null : { ...shown, opened: false }));
    },
  });
  const [selected, setSelected] = useState<Selection>(new Set());
  // The selection belongs to the rows in sight: another page, filter or order starts afresh.
  const [selectedFor, setSelectedFor] = useState(JSON.stringify(query));
  if (selectedFor !== JSON.stringify(query)) {
    setSelectedFor(JSON.stringify(query));
    setSelected(new Set());
  }
  const teamName = teams.data?.items.find((team) => team.team_id === view.teamId)?.name;
  const filtered = view.name.trim() !== '' || view.teamId !== '';

  return (
    <Stack gap="md">
      <PageHeader
        title="Users"
        summary={users.data === undefined ? '' : countOf(total, 'user')}
        action={
          canManage ? (
            <Button
              leftSection={<IconUserPlus size={18} aria-hidden />}
              onClick={() => {
                setInviting(true);
              }}
            >
              Invite user
            </Button>
          ) : null
        }
      />
      <Group align="flex-end" wrap="wrap">
        <SearchBox
          view={view}
          onSearch={(name) => {
            setView(searchedFor(view, name), { replace: true });
          }}
        />
        <Select
          label="Team"
          placeholder="Every team"
          data={(teams.data?.items ?? []).map((team) => ({ value: team.team_id, label: team.name }))}
          value={view.teamId === '' ? null : view.teamId}
          onChange={(value) => {
            setView(inTeam(view, value ?? ''));
          }}
          clearable
          clearButtonProps={{ 'aria-label': 'Show every team' }}
          searchable
          nothingFoundMessage="No team by that name"
          w={{ base: '100%', xs: 220 }}
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
      {canManage && selected.size > 0 ? (
        <BulkBar
          accountId={accountId}
          userIds={[...selected]}
          onClear={() => {
            setSelected(new Set());
          }}
        />
      ) : null}
      {users.isError ? (
        <LoadFailed error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data === undefined ? (
        <PageLoader label="Loading users" />
      ) : (
        <UsersTable
          users={users.data.items}
          view={view}
          caption={tableCaption(view, teamName)}
          empty={filtered ? 'No user matches these filters.' : 'No users yet.'}
          names={names}
          timeZone={me.time_zone}
          busy={users.isFetching}
          onSort={(key) => {
            setView(sortedBy(view, key));
          }}
          selection={
            canManage
              ? {
                  selected,
                  onSelect: (id, checked) => {
                    setSelected(toggled(selected, id, checked));
                  },
                  onSelectPage: (pageIds, checked) => {
                    setSelected(withPage(selected, pageIds, checked));
                  },
                }
              : null
          }
          actions={(user) => (
            <UserActions
              accountId={accountId}
              user={user}
              canManage={canManage}
              onOpen={(kind, target) => {
                setDialog({ kind, user: target, opened: true });
              }}
            />
          )}
        />
      )}
      <PagePicker
        page={view.page}
        pages={pages}
        onChange={(page) => {
          setView({ ...view, page });
        }}
      />
      {canManage ? (
        <InviteDialog
          accountId={accountId}
          opened={inviting}
          onClose={() => {
            setInviting(false);
          }}
        />
      ) : null}
      <EditUserDialog me={me} accountId={accountId} {...dialogOf('edit')} />
      <PermissionsDialog accountId={accountId} {...dialogOf('permissions')} />
      <RemoveUserDialog me={me} accountId={accountId} {...dialogOf('remove')} />
    </Stack>
  );
}

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
