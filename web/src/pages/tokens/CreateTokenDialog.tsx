import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { Answer } from '../../api/types';
import { accountKeys } from '../../app/account-data';
import { showFormError } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import type { Me } from '../../app/session';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { expiryInstant, groupScopes, scopeCaveat } from './tokens.rules';

type CreatedToken = Answer<'create_api_token', 201>;

type TokenForm = {
  name: string;
  scopes: string[];
  expires_at: string;
};

/**
 * Creates an API token, then shows its secret this once: the dialog forgets it when it has
 * closed (not before, or the empty form would flash as it fades out), and the API never gives
 * it again.
 */
export function CreateTokenDialog(props: { me: Me; accountId: string; opened: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [wasOpened, setWasOpened] = useState(props.opened);
  if (props.opened !== wasOpened) {
    setWasOpened(props.opened);
    // Reopened before the fade ended (which then never ends): the old secret must not show again.
    if (props.opened) setCreated(null);
  }
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={() => {
        setCreated(null);
      }}
      title={created === null ? 'Create an API token' : 'Token created'}
      size="lg"
      closeOnClickOutside={created === null}
    >
      {created === null ? (
        <TokenFormBody me={props.me} accountId={props.accountId} onCreated={setCreated} onCancel={props.onClose} />
      ) : (
        <ShownOnce token={created} onDone={props.onClose} />
      )}
    </Modal>
  );
}

function TokenFormBody(props: {
  me: Me;
  accountId: string;
  onCreated: (token: CreatedToken) => void;
  onCancel: () => void;
}) {
  const { me, accountId } = props;
  const queryClient = useQueryClient();
  const scopes = useQuery({ queryKey: ['scopes'], queryFn: () => ok(api.GET('/v1/scopes')), staleTime: Infinity });
  const form = useForm<TokenForm>({
    mode: 'controlled',
    initialValues: { name: '', scopes: [], expires_at: '' },
    validate: {
      name: (value) => (value.trim() === '' ? 'Give the token a name' : null),
      scopes: (value) => (value.length === 0 ? 'Choose at least one scope' : null),
      expires_at: (value) => {
        if (value === '') return null;
        const instant = expiryInstant(value, me.time_zone);
        if (instant === null) return 'Enter a date and time';
        return new Date(instant).getTime() <= Date.now() ? 'Choose a time in the future' : null;
      },
    },
  });
  const create = useMutation({
    // The answer holds the secret: keep it in no cache once the dialog is done with it.
    gcTime: 0,
    mutationFn: (values: TokenForm) => {
      const expires = values.expires_at === '' ? null : expiryInstant(values.expires_at, me.time_zone);
      return ok(
        api.POST('/v1/accounts/{account_id}/tokens', {
          params: { path: { account_id: accountId } },
          body: {
            name: values.name.trim(),
            scopes: values.scopes,
            ...(expires === null ? {} : { expires_at: expires }),
          },
        }),
      );
    },
    onSuccess: (token) => {
      notifySuccess(`Token “${token.name}” created.`);
      void queryClient.invalidateQueries({ queryKey: accountKeys.tokens(accountId) });
      props.onCreated(token);
    },
    onError: (error) => {
      showFormError(form, error, { conflictField: 'name' });
    },
  });

  if (scopes.isError) return <LoadFailed error={scopes.error} onRetry={() => void scopes.refetch()} />;
  if (scopes.data === undefined) return <PageLoader label="Loading scopes" />;

  return (
    <form
      onSubmit={form.onSubmit((values) => {
        create.mutate(values);
      })}
      noValidate
    >
      <Stack gap="md">
        <TextInput
          label="Name"
          description="Unique in the account, e.g. what will use the token"
          required
          maxLength={100}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Checkbox.Group
          label="Scopes"
          description="What the token may do; it never does more than you may do at the time"
          required
          {...form.getInputProps('scopes')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md" mt="xs">
            {groupScopes(scopes.data.items).map((group) => (
              <Stack key={group.label} gap={6}>
                <Title order={3} size="h6">
                  {group.label}
                </Title>
                {group.scopes.map((scope) => {
                  const caveat = scopeCaveat(scope, me);
                  return (
                    <Checkbox
                      key={scope.key}
                      value={scope.key}
                      label={scope.key}
                      disabled={scope.operator && !me.is_super_admin}
                      description={caveat === null ? scope.description : `${scope.description} (${caveat})`}
                    />
                  );
                })}
              </Stack>
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <TextInput
          type="datetime-local"
          label="Expires"
          description={`Optional, in your time zone (${me.time_zone}); empty: the token never expires`}
          {...form.getInputProps('expires_at')}
        />
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShownOnce({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />} title="Copy the secret now">
        You will not see it again: Steward keeps only a hash of it. If it is lost, revoke the token and create another.
      </Alert>
      <Text size="sm">
        The secret of <strong>{token.name}</strong>:
      </Text>
      <Code block data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
        {token.token}
      </Code>
      <Group justify="space-between" wrap="wrap">
        <CopyButton value={token.token}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy secret'}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
