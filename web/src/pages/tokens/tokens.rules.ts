/** Tokens shown on one page of the list. */
export const TOKENS_PAGE_SIZE = 20;

/** A wire timestamp (UTC, no zone) as an instant; null when there is none or it is malformed. */
function wireInstant(value: string | null): Date | null {
  if (value === null || value === '') return null;
  const instant = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function isExpired(expiresAt: string | null, now: Date): boolean {
  const instant = wireInstant(expiresAt);
  return instant !== null && instant.getTime() <= now.getTime();
}

export interface Scope {
  key: string;
  description: string;
  privilege: string | null;
  operator: boolean;
}

export interface ScopeGroup {
  label: string;
  scopes: Scope[];
}

/** What each scope's prefix (`user` of `user:list`) is about. */
const GROUP_LABELS: Record<string, string> = {
  account: 'Account',
  user: 'Users',
  team: 'Teams',
  role: 'Roles',
  environment: 'Environments',
  token: 'API tokens',
  settings: 'Security settings',
  events: 'Events',
};

/**
 * The scope catalog grouped by what the scopes are about, groups in the catalog's order of
 * first appearance; a prefix the console does not know gets its own group under its name.
 */
export function groupScopes(scopes: readonly Scope[]): ScopeGroup[] {
  const groups = new Map<string, ScopeGroup>();
  for (const scope of scopes) {
    const prefix = scope.key.includes(':') ? scope.key.slice(0, scope.key.indexOf(':')) : scope.key;
    const label = GROUP_LABELS[prefix] ?? prefix.charAt(0).toUpperCase() + prefix.slice(1);
    const group = groups.get(label) ?? { label, scopes: [] };
    group.scopes.push(scope);
    groups.set(label, group);
  }
  return [...groups.values()];
}

/** Why a scope would not work for the person creating the token, or null when it would. */
export function scopeCaveat(
  scope: Scope,
  me: { is_super_admin: boolean; account_privileges: string[] },
): string | null {
  if (scope.operator && !me.is_super_admin) return 'Super admins only';
  if (scope.privilege !== null && !me.account_privileges.includes(scope.privilege)) {
    return `Works only while you hold ${scope.privilege}`;
  }
  return null;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * A date-time picked in a `datetime-local` field (`2030-01-31T17:30`), read as a wall clock
 * time in the person's own time zone (their profile's, which the whole console shows times
 * in), as the UTC ISO 8601 instant the API takes; null when it is no such value.
 */
export function expiryInstant(local: string, timeZone: string): string | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) {
    return null;
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute, Number.isNaN(second) ? 0 : (second ?? 0));
  let zone = timeZone;
  try {
    zoneOffset(wall, zone);
  } catch {
    zone = 'UTC'; // an unknown zone name (set through the API): the console shows UTC too
  }
  // The offset at the guess can differ from the offset at the answer around a DST change.
  const guess = wall - zoneOffset(wall, zone);
  return new Date(wall - zoneOffset(guess, zone)).toISOString();
}
