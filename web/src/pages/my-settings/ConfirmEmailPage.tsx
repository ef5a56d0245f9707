import { Alert, Anchor, Button, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { ME_KEY } from '../../app/session';
import { PublicPage } from '../../shell/PublicPage';

/**
 * Where the link mailed to a new address leads. It waits for a click rather than confirming on
 * load: mail scanners open links, and a link they opened would be used up. It works in any
 * browser, signed in or not.
 */
export function ConfirmEmailPage() {
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => ok(api.POST('/v1/me/email/confirm', { body: { token } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  return (
    <PublicPage title="Confirm your new email">
      {confirm.isSuccess ? (
        <Alert color="teal" role="status" title="Your email is changed">
          Sign in with your new address from now on, in every account.
        </Alert>
      ) : (
        <>
          <Text>Make this address the email you sign in to Steward with, in every account you are in.</Text>
          {confirm.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(confirm.error)}
            </Alert>
          ) : null}
          <Button
            loading={confirm.isPending}
            onClick={() => {
              confirm.mutate();
            }}
          >
            Confirm my new email
          </Button>
        </>
      )}
      <Anchor component={Link} to="/" size="sm">
        Go to Steward
      </Anchor>
    </PublicPage>
  );
}
