import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './errors';
import type { paths } from './schema';

let csrfToken: string | null = null;

/** The session's CSRF token (from GET /v1/me): every cookie-authenticated change must carry it. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken !== null) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
};

/** The typed client of Steward's API, same origin, with the session cookie. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(csrf);

/** The body of a successful answer; an API error (or no answer) as an ApiError. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'Steward cannot be reached: check your connection and try again');
  }
  if (result.response.ok) return result.data as T;
  throw ApiError.from(result.response.status, result.error);
}
