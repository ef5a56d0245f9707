import type { QueryClient } from '@tanstack/react-query';
import { accountKeys } from '../../app/account-data';

/**
 * A team's change reaches its members: their teams on the Users page and their permissions.
 * `accountKeys.teams` also covers every team's member list.
 */
export async function teamChanged(queryClient: QueryClient, accountId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: accountKeys.teams(accountId) }),
    queryClient.invalidateQueries({ queryKey: accountKeys.users(accountId) }),
    queryClient.invalidateQueries({ queryKey: accountKeys.everyonesPermissions(accountId) }),
  ]);
}

/** The query key of one page of a team's members, under the account's teams. */
export function teamMembersKey(accountId: string, teamId: string, page: number) {
  return [...accountKeys.teams(accountId), teamId, 'users', page] as const;
}
