/**
 * Where to go after signing in: a `next` path from this console, never another site. A value
 * like `//evil.example` or `https://…` would be an open redirect, so only `/path…` counts.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (next === null || next === undefined) return null;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login') || next.startsWith('/v1/')) return null;
  return next;
}

/** The login page's URL that returns to `path` afterwards. */
export function loginUrl(path: string): string {
  const next = safeNext(path);
  return next === null || next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** Words for the `?error=` codes the Google sign-in sends the browser back with. */
const GOOGLE_ERRORS: Record<string, string> = {
  google_unavailable: 'Google sign-in is not available right now. Sign in with your password, or try again later.',
  google_invalid_state: 'The Google sign-in took too long or was started elsewhere. Please try again.',
  google_access_denied: 'Google sign-in was cancelled.',
  google_provider_error: 'Google could not sign you in. Please try again.',
  google_email_not_verified: 'Your Google account’s email is not verified.',
  google_no_account: 'No Steward user has the email of that Google account. Ask an admin to invite you.',
  google_other_account:
    'Your Steward user signs in with another Google account. Sign in with that one, or with your password.',
  google_not_allowed: 'Sign-in with Google is not allowed for you in any account you are a member of.',
};

export function loginErrorMessage(code: string | null): string | null {
  if (code === null || code === '') return null;
  return GOOGLE_ERRORS[code] ?? 'Signing in did not work. Please try again.';
}
