import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { ScrollTable } from '../../app/ScrollTable';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { formatTimestamp } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/notify';
import type { Me } from '../../app/session';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { MY_SESSIONS_KEY } from './settings.keys';
import { deviceName, SIGN_IN_METHODS, type MySession } from './settings.labels';

/** Every browser the person is signed in with; end one, or all but this one. */
export function SessionsSection({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [ending, setEnding] = useState<MySession | null>(null);
  const [endingOthers, setEndingOthers] = useState(false);
  const sessions = useQuery({ queryKey: MY_SESSIONS_KEY, queryFn: () => ok(api.GET('/v1/me/sessions')) });
  const endOne = useMutation({
    mutationFn: (session: MySession) =>
      ok(api.DELETE('/v1/me/sessions/{session_id}', { params: { path: { session_id: session.session_id } } })),
    onSuccess: (_, session) => {
      notifySuccess(`${deviceName(session.user_agent)} is signed out.`);
      setEnding(null);
      void queryClient.invalidateQueries({ queryKey: MY_SESSIONS_KEY });
    },
    onError: (error) => {
      notifyError(error, 'The session did not end');
    },
  });
  const endOthers = useMutation({
    mutationFn: () => ok(api.DELETE('/v1/me/sessions')),
    onSuccess: (result) => {
      const count = result.ended_sessions;
      notifySuccess(`${String(count)} other session${count === 1 ? '' : 's'} ended.`);
      setEndingOthers(false);
      void queryClient.invalidateQueries({ queryKey: MY_SESSIONS_KEY });
    },
    onError: (error) => {
      notifyError(error, 'The other sessions did not end');
    },
  });

  if (sessions.isError) return <LoadFailed error={sessions.error} onRetry={() => void sessions.refetch()} />;
  if (sessions.data === undefined) return <PageLoader label="Loading your sessions" />;
  const items = sessions.data.items;
  const others = items.filter((s) => !s.current).length;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={2} size="h4">
            My sessions
          </Title>
          <Text size="sm">Every browser you are signed in with, oldest first.</Text>
        </Stack>
        <Button
          variant="outline"
          color="red"
          disabled={others === 0}
          onClick={() => {
            setEndingOthers(true);
          }}
        >
          End all other sessions
        </Button>
      </Group>
      <ScrollTable label="Your sessions" minWidth={860}>
        <Table striped verticalSpacing="xs" aria-busy={sessions.isFetching}>
          <Table.Caption>Your sessions</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Device</Table.Th>
              <Table.Th>Address</Table.Th>
              <Table.Th>Signed in with</Table.Th>
              <Table.Th>Signed in</Table.Th>
              <Table.Th>Last active</Table.Th>
              <Table.Th>Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((session) => (
              <Table.Tr key={session.session_id}>
                <Table.Td>
                  <Stack gap={2}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {deviceName(session.user_agent)}
                      </Text>
                      {session.current ? (
                        <Badge variant="light" color="teal" style={{ flexShrink: 0 }}>
                          This session
                        </Badge>
                      ) : null}
                    </Group>
                    {session.user_agent === null ? null : (
                      <Text size="xs" c="dimmed" maw={360} style={{ overflowWrap: 'anywhere' }}>
                        {session.user_agent}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>{session.client_ip ?? '—'}</Table.Td>
                <Table.Td>{SIGN_IN_METHODS[session.method]}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatTimestamp(session.created_at, me.time_zone)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatTimestamp(session.last_seen_at, me.time_zone)}
                </Table.Td>
                <Table.Td>
                  {session.current ? (
                    <Text size="sm" c="dimmed">
                      Sign out from your menu
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`End the session of ${deviceName(session.user_agent)}, signed in ${formatTimestamp(session.created_at, me.time_zone)}`}
                      onClick={() => {
                        setEnding(session);
                      }}
                    >
                      End
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <ConfirmDialog
        opened={ending !== null}
        title="End this session?"
        confirmLabel="End session"
        busy={endOne.isPending}
        onConfirm={() => {
          if (ending !== null) endOne.mutate(ending);
        }}
        onClose={() => {
          setEnding(null);
        }}
      >
        {ending === null
          ? null
          : `${deviceName(ending.user_agent)}${ending.client_ip === null ? '' : ` at ${ending.client_ip}`}, signed in ${formatTimestamp(ending.created_at, me.time_zone)}, is signed out at once.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={endingOthers}
        title="End all other sessions?"
        confirmLabel="End other sessions"
        busy={endOthers.isPending}
        onConfirm={() => {
          endOthers.mutate();
        }}
        onClose={() => {
          setEndingOthers(false);
        }}
      >
        {`Every browser but this one is signed out at once (${String(others)} session${others === 1 ? '' : 's'}).`}
      </ConfirmDialog>
    </Stack>
  );
}
