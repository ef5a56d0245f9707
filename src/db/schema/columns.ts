import { timestamp } from 'drizzle-orm/pg-core';

/** Every timestamp is timestamptz read as text: the session is pinned to UTC, see db/client.ts. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
