import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { UserListItem } from '../../api/types';
import { accountKeys } from '../../app/account-data';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { notifyError, notifySuccess } from '../../app/notify';
import { ME_KEY, type Me } from '../../app/session';

/** Removes a user's membership of the account, once the person confirms. */
export function RemoveUserDialog(props: {
  me: Me;
  accountId: string;
  opened: boolean;
  user: UserListItem | null;
  onClose: () => void;
}) {
  const { me, accountId, user } = props;
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (target: UserListItem) =>
      ok(
        api.DELETE('/v1/accounts/{account_id}/users/{user_id}', {
          params: { path: { account_id: accountId, user_id: target.user_id } },
        }),
      ),
    onSuccess: async (_, target) => {
      notifySuccess(`Removed ${target.user_name} from the account.`);
      props.onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: accountKeys.users(accountId) }),
        queryClient.invalidateQueries({ queryKey: accountKeys.teams(accountId) }),
        target.user_id === me.user_id ? queryClient.invalidateQueries({ queryKey: ME_KEY }) : null,
      ]);
    },
    onError: (error) => {
      notifyError(error);
    },
  });
  return (
    <ConfirmDialog
      opened={props.opened}
      title={`Remove ${user?.user_name ?? ''}?`}
      confirmLabel="Remove"
      busy={remove.isPending}
      onConfirm={() => {
        if (user !== null) remove.mutate(user);
      }}
      onClose={props.onClose}
    >
      {user?.user_email ?? ''} loses access to this account at once, and leaves its teams. Their sign-in stays for the
      other accounts they belong to.
    </ConfirmDialog>
  );
}
