import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { AccountPage } from '../../app/account';
import type { Me } from '../../app/session';
import { holds } from '../../app/access';
import { CreateTokenDialog } from './CreateTokenDialog';
import { TokenList } from './TokenList';

export function TokensPage() {
  return <AccountPage>{(me, accountId) => <TokensOfAccount me={me} accountId={accountId} />}</AccountPage>;
}

function TokensOfAccount({ me, accountId }: { me: Me; accountId: string }) {
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          API tokens
        </Title>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => {
            setCreating(true);
          }}
        >
          Create token
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {holds(me, 'tokens:manage')
          ? 'Every API token of the account. A token acts for its owner and never does more than its owner may do at the time.'
          : 'Your API tokens. A token acts for you and never does more than you may do at the time.'}
      </Text>
      <TokenList me={me} accountId={accountId} />
      <CreateTokenDialog
        me={me}
        accountId={accountId}
        opened={creating}
        onClose={() => {
          setCreating(false);
        }}
      />
    </Stack>
  );
}
