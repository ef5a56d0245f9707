import { ActionIcon, Menu } from '@mantine/core';
import {
  IconDots,
  IconMailForward,
  IconPencil,
  IconShieldCheck,
  IconTrash,
  IconUserCheck,
  IconUserOff,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { UserListItem } from '../../api/types';
import { accountKeys } from '../../app/account-data';
import { notifyError, notifySuccess } from '../../app/notify';

export type UserDialog = 'edit' | 'permissions' | 'remove';

/** One user's menu: what the person may do to them; the dialogs it opens belong to the page. */
export function UserActions(props: {
  accountId: string;
  user: UserListItem;
  canManage: boolean;
  onOpen: (dialog: UserDialog, user: UserListItem) => void;
}) {
  const { accountId, user, canManage } = props;
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.users(accountId) });
  const setActive = useMutation({
    mutationFn: (isActive: boolean) =>
      ok(
        api.PATCH('/v1/accounts/{account_id}/users/{user_id}/active', {
          params: { path: { account_id: accountId, user_id: user.user_id } },
          body: { is_active: isActive },
        }),
      ),
    onSuccess: async (saved) => {
      notifySuccess(`${saved.user_name} is ${saved.is_active === false ? 'deactivated' : 'active again'}.`);
      await Promise.all([
        refresh(),
        queryClient.invalidateQueries({ queryKey: accountKeys.permissions(accountId, saved.user_id) }),
      ]);
    },
    onError: (error) => {
      notifyError(error);
    },
  });
  const reInvite = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/v1/accounts/{account_id}/users/re_invite', {
          params: { path: { account_id: accountId } },
          body: { user_email: user.user_email },
        }),
      ),
    onSuccess: async (saved) => {
      notifySuccess(`A new invitation is on its way to ${saved.user_email}; the previous link no longer works.`);
      await refresh();
    },
    onError: (error) => {
      notifyError(error);
    },
  });
  const deactivated = user.is_active === false;
  const directory = user.source === 'active_directory';
  const open = (dialog: UserDialog) => () => {
    props.onOpen(dialog, user);
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Actions for ${user.user_name}`}
          loading={setActive.isPending || reInvite.isPending}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={open('permissions')}>
          View permissions
        </Menu.Item>
        {canManage ? (
          <>
            <Menu.Item
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={open('edit')}
              disabled={directory}
              title={directory ? 'The directory (SCIM) manages this user' : undefined}
            >
              Edit
            </Menu.Item>
            {user.status === 'invited' && !deactivated ? (
              <Menu.Item
                leftSection={<IconMailForward size={16} aria-hidden />}
                onClick={() => {
                  reInvite.mutate();
                }}
              >
                Send the invitation again
              </Menu.Item>
            ) : null}
            <Menu.Item
              leftSection={
                deactivated ? <IconUserCheck size={16} aria-hidden /> : <IconUserOff size={16} aria-hidden />
              }
              onClick={() => {
                setActive.mutate(deactivated);
              }}
            >
              {deactivated ? 'Activate' : 'Deactivate'}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={open('remove')}>
              Remove from the account
            </Menu.Item>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
