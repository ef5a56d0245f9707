import type { QueryClient } from '@tanstack/react-query';
import type { Answer } from '../../api/types';
import { accountKeys } from '../../app/account-data';

export type Role = Answer<'list_roles'>['items'][number];

/** A role's privileges are what its holders may do: their permissions change with it. */
export async function roleChanged(queryClient: QueryClient, accountId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: accountKeys.roles(accountId) }),
    queryClient.invalidateQueries({ queryKey: accountKeys.everyonesPermissions(accountId) }),
  ]);
}
