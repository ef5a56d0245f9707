import { useQuery } from '@tanstack/react-query';
import { api, ok, rememberCsrfToken } from '../api/client';
import { ApiError } from '../api/errors';
import type { Me } from '../api/types';

export type { Me };

export const ME_KEY = ['me'] as const;

/** The signed-in person (GET /v1/me), or `null` when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await ok(api.GET('/v1/me'));
    rememberCsrfToken(me.csrf_token);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

/** Console paths of the pages a person may choose to land on after signing in (My settings). */
const LANDING_PATHS: Record<Me['preferences']['landing_page'], string> = {
  users: '/users',
  teams: '/teams',
  roles: '/roles',
  environments: '/environments',
  tokens: '/tokens',
  security: '/security',
  settings: '/settings',
};

export function landingPath(me: Me): string {
  return LANDING_PATHS[me.preferences.landing_page];
}

/** Whether the person holds an account-wide privilege (`users:manage`, …) in the account they work in. */
export function holds(me: Me, privilege: string): boolean {
  return me.account_privileges.includes(privilege);
}
