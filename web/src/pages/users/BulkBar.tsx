import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { accountKeys, useTeams } from '../../app/account-data';
import { notifyError, notifySuccess, notifyWarning } from '../../app/notify';
import { bulkOutcome, teamOutcome, usersCount } from './users.selection';

/** What can be done to the selected users at once: team membership, deactivation. */
export function BulkBar(props: { accountId: string; userIds: readonly string[]; onClear: () => void }) {
  const { accountId, userIds } = props;
  const queryClient = useQueryClient();
  const teams = useTeams(accountId);
  const [teamId, setTeamId] = useState<string | null>(null);
  const teamName = teams.data?.items.find((team) => team.team_id === teamId)?.name ?? 'the team';
  const afterChange = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: accountKeys.users(accountId) }),
      queryClient.invalidateQueries({ queryKey: accountKeys.teams(accountId) }),
      // A team's roles are part of its members' permissions.
      ...userIds.map((id) => queryClient.invalidateQueries({ queryKey: accountKeys.permissions(accountId, id) })),
    ]);

  const membership = useMutation({
    mutationFn: ({ operation, team }: { operation: 'attach' | 'detach'; team: string }) =>
      ok(
        api.PATCH('/v1/accounts/{account_id}/users/teams', {
          params: { path: { account_id: accountId } },
          body: { operation, team_id: team, user_ids: [...userIds] },
        }),
      ),
    onSuccess: async (result) => {
      const operation = result.operation === 'detach' ? 'detach' : 'attach';
      notifySuccess(teamOutcome(operation, teamName, result.user_ids.length, result.changed_user_ids.length));
      await afterChange();
      props.onClear();
    },
    onError: (error) => {
      notifyError(error);
    },
  });

  const deactivate = useMutation({
    // One call per user: the API has no bulk form, and one refusal (the last admin) must not stop the rest.
    mutationFn: () =>
      Promise.allSettled(
        userIds.map((id) =>
          ok(
            api.PATCH('/v1/accounts/{account_id}/users/{user_id}/active', {
              params: { path: { account_id: accountId, user_id: id } },
              body: { is_active: false },
            }),
          ),
        ),
      ),
    onSuccess: async (results) => {
      const outcome = bulkOutcome('Deactivated', results, errorMessage);
      if (outcome.failed === 0) notifySuccess(outcome.message);
      else {
        notifyWarning('Not every user was deactivated', outcome.message);
      }
      await afterChange();
      props.onClear();
    },
  });

  const busy = membership.isPending || deactivate.isPending;
  const change = (operation: 'attach' | 'detach') => () => {
    if (teamId !== null) membership.mutate({ operation, team: teamId });
  };
  return (
    <Paper withBorder p="sm" role="region" aria-label="Selected users">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text size="sm" fw={500} aria-live="polite" style={{ alignSelf: 'center' }}>
          {usersCount(userIds.length)} selected
        </Text>
        <Select
          label="Team for the selection"
          placeholder={teams.data?.items.length === 0 ? 'The account has no teams' : 'Choose a team'}
          data={(teams.data?.items ?? []).map((team) => ({ value: team.team_id, label: team.name }))}
          value={teamId}
          onChange={setTeamId}
          searchable
          w={{ base: '100%', xs: 240 }}
        />
        <Button variant="default" onClick={change('attach')} disabled={teamId === null} loading={busy}>
          Add to team
        </Button>
        <Button variant="default" onClick={change('detach')} disabled={teamId === null} loading={busy}>
          Remove from team
        </Button>
        <Button
          variant="default"
          color="red"
          onClick={() => {
            deactivate.mutate();
          }}
          loading={busy}
        >
          Deactivate
        </Button>
        <Button variant="subtle" onClick={props.onClear}>
          Clear selection
        </Button>
      </Group>
    </Paper>
  );
}
