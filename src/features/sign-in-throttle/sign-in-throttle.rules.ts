import { normalizeIP } from '@fastify/rate-limit';

/** How many failures within how long lock one key. */
export interface ThrottleRule {
  /** the failure that reaches this count locks the key (at least 2: the first failure only opens a window) */
  maxFailures: number;
  windowMs: number;
}

const MINUTE_MS = 60_000;

/** Guessing one person's password: a few tries, then a pause. */
export const EMAIL_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE_MS };
/** Spraying many emails from one place: more room, since offices and NATs share an address. */
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * MINUTE_MS };

/** The lock of a key's first, second, … lockout; each further one lasts as long as the last. */
export const LOCK_DURATIONS_MS: readonly number[] = [1, 2, 4, 8, 16, 32, 60].map((minutes) => minutes * MINUTE_MS);

/**
 * A key's lockouts are forgotten when no failure opened a window for a day, so a person locked
 * once a month starts again at one minute while a steady attacker stays at the cap.
 */
export const LOCKOUT_MEMORY_MS = 24 * 60 * MINUTE_MS;

/**
 * The part of a client address one person controls: IPv6 hosts get a /64 each, so counting
 * single addresses would let one of them try 2^64 times. The rate limit groups them the same way.
 */
export function addressGroup(clientIp: string): string {
  return normalizeIP(clientIp, 64);
}

/** The refusal while locked: whole minutes, rounded up, so "try again in 0 minutes" never appears. */
export function lockedMessage(lockedUntil: Date, now: Date): { message: string; retryAfterSeconds: number } {
  const remainingMs = Math.max(lockedUntil.getTime() - now.getTime(), 1);
  const minutes = Math.ceil(remainingMs / MINUTE_MS);
  return {
    message: `Too many failed sign-ins; try again in ${String(minutes)} minute${minutes === 1 ? '' : 's'}`,
    retryAfterSeconds: Math.ceil(remainingMs / 1000),
  };
}
