import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, ok } from '../api/client';

/**
 * Query keys of what the console reads about an account. A change invalidates the key of what
 * it changed (`['users', accountId]` covers every page of the users list), so every page that
 * shows it reads it again.
 */
export const accountKeys = {
  /** every account of this Steward (super admins) */
  all: () => ['accounts'] as const,
  users: (accountId: string) => ['users', accountId] as const,
  environments: (accountId: string) => ['environments', accountId] as const,
  roles: (accountId: string) => ['roles', accountId] as const,
  teams: (accountId: string) => ['teams', accountId] as const,
  tokens: (accountId: string) => ['tokens', accountId] as const,
  security: (accountId: string) => ['security', accountId] as const,
  features: (accountId: string) => ['features', accountId] as const,
  permissions: (accountId: string, userId: string) => ['permissions', accountId, userId] as const,
  /** every user's permissions in the account: a role, team or environment changed */
  everyonesPermissions: (accountId: string) => ['permissions', accountId] as const,
};

/** The most teams one page of the API gives: the console's pickers read this many. */
export const MAX_PAGE = 200;

export function useEnvironments(accountId: string) {
  return useQuery({
    queryKey: accountKeys.environments(accountId),
    queryFn: () =>
      ok(api.GET('/v1/accounts/{account_id}/environments', { params: { path: { account_id: accountId } } })),
  });
}

export function useRoles(accountId: string) {
  return useQuery({
    queryKey: accountKeys.roles(accountId),
    queryFn: () => ok(api.GET('/v1/accounts/{account_id}/roles', { params: { path: { account_id: accountId } } })),
  });
}

/** The account's teams, the first MAX_PAGE of them by name: enough for a picker. */
export function useTeams(accountId: string) {
  return useQuery({
    queryKey: [...accountKeys.teams(accountId), 'all'],
    queryFn: () =>
      ok(
        api.GET('/v1/accounts/{account_id}/teams', {
          params: { path: { account_id: accountId }, query: { page: 1, items_per_page: MAX_PAGE } },
        }),
      ),
  });
}

/** What a user may do in the account, as the API works it out (roles, teams, admin). */
export function usePermissions(accountId: string, userId: string) {
  return useQuery({
    queryKey: accountKeys.permissions(accountId, userId),
    queryFn: () =>
      ok(
        api.GET('/v1/accounts/{account_id}/users/{user_id}/permissions', {
          params: { path: { account_id: accountId, user_id: userId } },
        }),
      ),
  });
}

/** The privilege catalog is the same for every account and changes only with an upgrade. */
export function usePrivilegeCatalog() {
  return useQuery({ queryKey: ['privileges'], queryFn: () => ok(api.GET('/v1/privileges')), staleTime: Infinity });
}

/**
 * The account's features (which privileges it can give). Only holders of `settings:manage` and
 * operators may read them: `enabled` is false for anyone else.
 */
export function useAccountFeatures(accountId: string, enabled = true) {
  return useQuery({
    queryKey: accountKeys.features(accountId),
    queryFn: () => ok(api.GET('/v1/accounts/{account_id}/features', { params: { path: { account_id: accountId } } })),
    enabled,
    retry: false,
  });
}

/** Names of the account's environments, roles and teams, to show instead of their ids. */
export function useAccountNames(accountId: string) {
  const environments = useEnvironments(accountId);
  const roles = useRoles(accountId);
  const teams = useTeams(accountId);
  return useMemo(
    () => ({
      environments: new Map((environments.data?.items ?? []).map((e) => [e.environment_id, e.name])),
      roles: new Map((roles.data?.items ?? []).map((r) => [r.key, r.name])),
      teams: new Map((teams.data?.items ?? []).map((team) => [team.team_id, team.name])),
    }),
    [environments.data, roles.data, teams.data],
  );
}

export type AccountNames = ReturnType<typeof useAccountNames>;
