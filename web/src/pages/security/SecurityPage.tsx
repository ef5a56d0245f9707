import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { AccountPage } from '../../app/account';
import { accountKeys } from '../../app/account-data';
import { formatTimestamp } from '../../app/format';
import { type Me } from '../../app/session';
import { holds } from '../../app/access';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { SecurityForm } from './SecurityForm';

export function SecurityPage() {
  return <AccountPage>{(me, accountId) => <SecurityOfAccount me={me} accountId={accountId} />}</AccountPage>;
}

function SecurityOfAccount({ me, accountId }: { me: Me; accountId: string }) {
  const allowed = holds(me, 'settings:manage');
  const settings = useQuery({
    queryKey: accountKeys.security(accountId),
    queryFn: () =>
      ok(api.GET('/v1/accounts/{account_id}/settings/security', { params: { path: { account_id: accountId } } })),
    // The API lets only holders of settings:manage read them.
    enabled: allowed,
  });

  return (
    <Stack gap="md" maw={760}>
      <Title order={1} size="h2">
        Security
      </Title>
      {!allowed ? (
        <Alert color="blue" title="Only for those who manage the account’s settings">
          Reading and changing the security settings takes the settings:manage privilege (admins hold it). Ask an admin
          of the account.
        </Alert>
      ) : settings.isError ? (
        <LoadFailed error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data === undefined ? (
        <PageLoader label="Loading security settings" />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {settings.data.updated_at === null
              ? 'These are the defaults: nobody changed them yet.'
              : `Last changed ${formatTimestamp(settings.data.updated_at, me.time_zone)}.`}
          </Text>
          <SecurityForm
            key={settings.data.updated_at ?? 'defaults'}
            me={me}
            accountId={accountId}
            settings={settings.data}
          />
        </>
      )}
    </Stack>
  );
}
