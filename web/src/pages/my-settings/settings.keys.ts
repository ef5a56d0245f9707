/**
 * Query keys of My settings. Neither starts with `me`: switching accounts keeps only the `me`
 * queries, and alerts belong to an account (sessions are the person's, but cheap to read again).
 */
export const MY_SESSIONS_KEY = ['my-sessions'] as const;
export const myAlertsKey = (accountId: string) => ['my-alerts', accountId] as const;
