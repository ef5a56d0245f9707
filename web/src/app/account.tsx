import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageLoader } from '../shell/Loading';
import { useMe, type Me } from './session';

/**
 * The frame of every page about the account the session works in: it waits for the signed-in
 * person, says so when they work in no account, and otherwise hands the page its account's id.
 */
export function AccountPage({ children }: { children: (me: Me, accountId: string) => ReactNode }) {
  const me = useMe();
  if (me.data === undefined || me.data === null) return <PageLoader />;
  const account = me.data.current_account;
  if (account === null) return <Text>You are not an active member of any account.</Text>;
  return <>{children(me.data, account.account_id)}</>;
}
