import { Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { formatTimestamp } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/notify';
import type { Me } from '../../app/session';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { myAlertsKey } from './settings.keys';
import { ALERT_KINDS, withAlert, type AlertKind } from './settings.labels';

/** Which platform events are mailed to the person, in the account the session works in. */
export function AlertsSection({ me, accountId }: { me: Me; accountId: string }) {
  const queryClient = useQueryClient();
  const alerts = useQuery({ queryKey: myAlertsKey(accountId), queryFn: () => ok(api.GET('/v1/me/alerts')) });
  type Choices = NonNullable<typeof alerts.data>;
  const save = useMutation({
    // One at a time, in order. Each PUT sends all three choices as they are when it is sent (the
    // switches move at once, before their save), so a quick second change is never undone.
    scope: { id: 'my-alerts' },
    mutationFn: ({ kind, on }: { kind: AlertKind; on: boolean }) => {
      const shown = queryClient.getQueryData<Choices>(myAlertsKey(accountId));
      if (shown === undefined) throw new Error('The alert choices are not loaded');
      return ok(api.PUT('/v1/me/alerts', { body: withAlert(shown, kind, on) }));
    },
    onSuccess: (saved, { kind, on }) => {
      queryClient.setQueryData<Choices>(myAlertsKey(accountId), (shown) =>
        shown === undefined ? saved : { ...shown, updated_at: saved.updated_at },
      );
      const label = ALERT_KINDS.find((k) => k.kind === kind)?.label ?? kind;
      notifySuccess(on ? `${label} alerts will be mailed to you.` : `${label} alerts are off.`);
    },
    onError: (error) => {
      notifyError(error, 'Your alert choice was not saved');
      void queryClient.invalidateQueries({ queryKey: myAlertsKey(accountId) });
    },
  });
  if (alerts.isError) return <LoadFailed error={alerts.error} onRetry={() => void alerts.refetch()} />;
  if (alerts.data === undefined) return <PageLoader label="Loading your email alerts" />;
  const choices = alerts.data;
  return (
    <Stack gap="md" maw={560}>
      <Stack gap={4}>
        <Title order={2} size="h4">
          Email alerts
        </Title>
        <Text size="sm">
          The platform events mailed to {me.email} from {me.current_account?.account_name ?? 'this account'}. Each
          account has its own choices: switch accounts to set another’s.{' '}
          {choices.updated_at === null
            ? 'You have not chosen yet, so every alert is off.'
            : `Last changed ${formatTimestamp(choices.updated_at, me.time_zone)}.`}
        </Text>
      </Stack>
      {ALERT_KINDS.map(({ kind, label, description }) => (
        <Switch
          key={kind}
          label={label}
          description={description}
          checked={choices[kind]}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            queryClient.setQueryData<Choices>(
              myAlertsKey(accountId),
              (shown) => shown && { ...shown, ...withAlert(shown, kind, on) },
            );
            save.mutate({ kind, on });
          }}
        />
      ))}
    </Stack>
  );
}
