import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { Answer } from '../../api/types';
import { ScrollTable } from '../../app/ScrollTable';
import { accountKeys } from '../../app/account-data';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { PagePicker, useStayInPages } from '../../app/PagePicker';
import { formatTimestamp } from '../../app/format';
import { pageCount } from '../../app/paging';
import { notifyError, notifySuccess } from '../../app/notify';
import { type Me } from '../../app/session';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { isExpired, TOKENS_PAGE_SIZE } from './tokens.rules';

export type ApiToken = Answer<'list_api_tokens'>['items'][number];

interface TokenPage {
  items: ApiToken[];
  total: number;
}

/**
 * The API tokens the signed-in person may see in the account (their own, or everyone's with
 * `tokens:manage`), newest first, each with a Revoke action. With `ownerId`, only that
 * person's tokens (the API's `owner_id`).
 */
export function TokenList(props: { me: Me; accountId: string; ownerId?: string }) {
  const { me, accountId, ownerId } = props;
  const [page, setPage] = useState(1);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: [...accountKeys.tokens(accountId), { page, ownerId }],
    queryFn: () => readPage(accountId, page, ownerId),
    placeholderData: keepPreviousData,
  });

  const revoke = useMutation({
    mutationFn: (token: ApiToken) =>
      ok(
        api.DELETE('/v1/accounts/{account_id}/tokens/{token_id}', {
          params: { path: { account_id: accountId, token_id: token.token_id } },
        }),
      ),
    onSuccess: (_, token) => {
      notifySuccess(`Token “${token.name}” revoked: it no longer works.`);
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: accountKeys.tokens(accountId) });
    },
    onError: (error) => {
      notifyError(error, 'The token was not revoked');
    },
  });

  const loaded = tokens.data === undefined || tokens.isPlaceholderData ? undefined : tokens.data;
  useStayInPages(page, loaded === undefined ? undefined : pageCount(loaded.total, TOKENS_PAGE_SIZE), setPage);

  if (tokens.isError) return <LoadFailed error={tokens.error} onRetry={() => void tokens.refetch()} />;
  if (tokens.data === undefined) return <PageLoader label="Loading API tokens" />;

  const { total } = tokens.data;
  const { items } = tokens.data;
  const pages = pageCount(total, TOKENS_PAGE_SIZE);
  const showOwner = ownerId === undefined;

  return (
    <Stack gap="sm">
      <Text size="sm" aria-live="polite">
        {`${String(total)} token${total === 1 ? '' : 's'}`}
      </Text>
      <ScrollTable label="API tokens table" minWidth={showOwner ? 1000 : 820}>
        <Table striped verticalSpacing="xs" aria-busy={tokens.isFetching}>
          <Table.Caption>
            {showOwner
              ? 'API tokens you may see'
              : ownerId === me.user_id
                ? 'Your API tokens'
                : 'This person’s API tokens'}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              {showOwner ? <Table.Th>Owner</Table.Th> : null}
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={showOwner ? 7 : 6}>
                  <Text ta="center" py="lg">
                    No API tokens yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              items.map((token) => (
                <Table.Tr key={token.token_id}>
                  <Table.Td fw={500}>{token.name}</Table.Td>
                  {showOwner ? <Table.Td>{token.owner_email}</Table.Td> : null}
                  <Table.Td>
                    <Group gap={4} wrap="wrap" maw={320}>
                      {token.scopes.map((scope) => (
                        <Badge key={scope} variant="light" tt="none">
                          {scope}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatTimestamp(token.created_at, me.time_zone)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatTimestamp(token.expires_at, me.time_zone, 'Never')}
                    {isExpired(token.expires_at, new Date()) ? (
                      <Badge ml="xs" color="gray" variant="outline">
                        Expired
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatTimestamp(token.last_used_at, me.time_zone, 'Never')}
                    {token.last_used_ip === null ? null : (
                      <Text size="xs" c="dimmed">
                        from {token.last_used_ip}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      aria-label={`Revoke token ${token.name}`}
                      onClick={() => {
                        setRevoking(token);
                      }}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <PagePicker page={page} pages={pages} onChange={setPage} />
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this API token?"
        confirmLabel="Revoke token"
        busy={revoke.isPending}
        onConfirm={() => {
          if (revoking !== null) revoke.mutate(revoking);
        }}
        onClose={() => {
          setRevoking(null);
        }}
      >
        {revoking === null
          ? null
          : `“${revoking.name}” (${revoking.owner_email}) stops working at once, everywhere it is used. This cannot be undone.`}
      </ConfirmDialog>
    </Stack>
  );
}

async function readPage(accountId: string, page: number, ownerId: string | undefined): Promise<TokenPage> {
  const answer = await ok(
    api.GET('/v1/accounts/{account_id}/tokens', {
      params: {
        path: { account_id: accountId },
        query: { page, items_per_page: TOKENS_PAGE_SIZE, ...(ownerId === undefined ? {} : { owner_id: ownerId }) },
      },
    }),
  );
  return { items: answer.items, total: answer.total_items };
}
