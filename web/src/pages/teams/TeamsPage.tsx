import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { PageHeader } from '../../app/PageHeader';
import { EditDeleteButtons } from '../../app/EditDeleteButtons';
import { ScrollTable } from '../../app/ScrollTable';
import { AccountPage } from '../../app/account';
import { accountKeys, useAccountNames, useTeams, type AccountNames } from '../../app/account-data';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { useDialogItem } from '../../app/dialog-item';
import { PagePicker, useStayInPages } from '../../app/PagePicker';
import { pageCount, pageFromSearch } from '../../app/paging';
import { countOf, formatTimestamp } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/notify';
import { type Me } from '../../app/session';
import { holds } from '../../app/access';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { rolesByEnvironment } from '../users/users.labels';
import { TeamEditor } from './TeamEditor';
import { TeamMembers } from './TeamMembers';
import { teamChanged } from './teams.data';
import { membersLabel, searchForPage, type Team } from './teams.grants';

const PAGE_SIZE = 20;

export function TeamsPage() {
  return <AccountPage>{(me, accountId) => <TeamsOfAccount me={me} accountId={accountId} />}</AccountPage>;
}

/** What the editor is for: a new team (null), or one to edit. */
type Editing = { team: Team | null };

function TeamsOfAccount({ me, accountId }: { me: Me; accountId: string }) {
  const [search, setSearch] = useSearchParams();
  const page = pageFromSearch(search);
  const names = useAccountNames(accountId);
  const canManage = holds(me, 'teams:manage');
  const editing = useDialogItem<Editing>();
  const deleting = useDialogItem<Team>();
  // The members drawer holds the team's id: its name and count come from the lists as they are now.
  const membersOf = useDialogItem<string>();
  const allTeams = useTeams(accountId);
  const teams = useQuery({
    queryKey: [...accountKeys.teams(accountId), 'page', page],
    queryFn: () =>
      ok(
        api.GET('/v1/accounts/{account_id}/teams', {
          params: { path: { account_id: accountId }, query: { page, items_per_page: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const membersTeam =
    teams.data?.items.find((team) => team.team_id === membersOf.item) ??
    allTeams.data?.items.find((team) => team.team_id === membersOf.item) ??
    null;
  const total = teams.data?.total_items ?? 0;
  const pages = pageCount(total, PAGE_SIZE);
  useStayInPages(page, teams.data === undefined || teams.isPlaceholderData ? undefined : pages, (last) => {
    setSearch(searchForPage(last), { replace: true });
  });

  return (
    <Stack gap="md">
      <PageHeader
        title="Teams"
        summary={teams.data === undefined ? '' : countOf(total, 'team')}
        action={
          canManage ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => {
                editing.open({ team: null });
              }}
            >
              New team
            </Button>
          ) : null
        }
      />
      {teams.isError ? (
        <LoadFailed error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data === undefined ? (
        <PageLoader label="Loading teams" />
      ) : (
        <TeamsTable
          teams={teams.data.items}
          names={names}
          timeZone={me.time_zone}
          canManage={canManage}
          busy={teams.isFetching}
          onMembers={(team) => {
            membersOf.open(team.team_id);
          }}
          onEdit={(team) => {
            editing.open({ team });
          }}
          onDelete={deleting.open}
        />
      )}
      <PagePicker
        page={page}
        pages={pages}
        onChange={(next) => {
          setSearch(searchForPage(next));
        }}
      />
      <TeamEditor
        formKey={editing.key}
        accountId={accountId}
        team={editing.item?.team ?? null}
        opened={editing.opened}
        onClose={editing.close}
      />
      <TeamMembers
        accountId={accountId}
        team={membersTeam}
        opened={membersOf.opened}
        canEdit={holds(me, 'users:manage')}
        onClose={membersOf.close}
      />
      <DeleteTeamDialog accountId={accountId} team={deleting.item} opened={deleting.opened} onClose={deleting.close} />
    </Stack>
  );
}

/** A badge in a table cell keeps its whole word: Mantine would cut it short. */
const WHOLE_BADGE = { root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible' } };

function TeamsTable(props: {
  teams: Team[];
  names: AccountNames;
  timeZone: string;
  canManage: boolean;
  busy: boolean;
  onMembers: (team: Team) => void;
  onEdit: (team: Team) => void;
  onDelete: (team: Team) => void;
}) {
  const columns = props.canManage ? 6 : 5;
  return (
    <ScrollTable label="Teams table" minWidth={900}>
      <Table striped highlightOnHover aria-busy={props.busy} verticalSpacing="xs">
        <Table.Caption>The account’s teams, by name</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team</Table.Th>
            <Table.Th>Members</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>Managed by</Table.Th>
            <Table.Th>Created</Table.Th>
            {props.canManage ? <Table.Th>Actions</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.teams.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text ta="center" py="lg">
                  No teams yet.
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            props.teams.map((team) => (
              <Table.Tr key={team.team_id}>
                <Table.Td maw={300}>
                  <Text fw={500} size="sm">
                    {team.name}
                  </Text>
                  {team.description === '' ? null : (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {team.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconUsers size={14} aria-hidden />}
                    aria-label={`${membersLabel(team.user_count)} in ${team.name}: show them`}
                    onClick={() => {
                      props.onMembers(team);
                    }}
                  >
                    {membersLabel(team.user_count)}
                  </Button>
                </Table.Td>
                <Table.Td>
                  <TeamRoles team={team} names={props.names} />
                </Table.Td>
                <Table.Td>
                  {team.source === 'active_directory' ? (
                    <Badge variant="outline" color="gray" styles={WHOLE_BADGE}>
                      Directory (SCIM)
                    </Badge>
                  ) : (
                    'Steward'
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(team.created_at, props.timeZone)}</Table.Td>
                {props.canManage ? (
                  <Table.Td>
                    <EditDeleteButtons
                      name={team.name}
                      onEdit={() => {
                        props.onEdit(team);
                      }}
                      onDelete={() => {
                        props.onDelete(team);
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
  );
}

function TeamRoles({ team, names }: { team: Team; names: AccountNames }) {
  const roles = rolesByEnvironment(team.environments, names.environments, names.roles);
  if (roles.length === 0) return <>—</>;
  return (
    <Stack gap={0}>
      {roles.map(([environment, role]) => (
        <Text key={environment} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {environment}: {role}
        </Text>
      ))}
    </Stack>
  );
}

function DeleteTeamDialog({
  accountId,
  team,
  opened,
  onClose,
}: {
  accountId: string;
  team: Team | null;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (target: Team) =>
      ok(
        api.DELETE('/v1/accounts/{account_id}/teams/{team_id}', {
          params: { path: { account_id: accountId, team_id: target.team_id } },
        }),
      ),
    onSuccess: async (_deleted, target) => {
      await teamChanged(queryClient, accountId);
      notifySuccess(`Team ${target.name} deleted`);
      onClose();
    },
    onError: (error) => {
      notifyError(error, 'The team was not deleted');
    },
  });
  return (
    <ConfirmDialog
      opened={opened && team !== null}
      title={team === null ? 'Delete team' : `Delete ${team.name}?`}
      confirmLabel="Delete team"
      busy={remove.isPending}
      onConfirm={() => {
        if (team !== null) remove.mutate(team);
      }}
      onClose={onClose}
    >
      {team === null
        ? null
        : team.user_count === 0
          ? 'Nobody is in this team.'
          : `Its ${membersLabel(team.user_count)} stay in the account and lose the roles the team gives them at once.`}
    </ConfirmDialog>
  );
}
