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
