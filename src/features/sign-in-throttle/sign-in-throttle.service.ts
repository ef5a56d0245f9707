import type { Redis } from 'ioredis';
import { ThrottledError } from '../../core/errors.js';
import { keyedHash } from '../../core/secrets.js';
import { dbTimestampMs } from '../../core/time.js';
import type { Db } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { RedisThrottleStore } from './sign-in-throttle.redis.js';
import { ADDRESS_RULE, addressGroup, EMAIL_RULE, lockedMessage, type ThrottleRule } from './sign-in-throttle.rules.js';
import {
  deleteStaleThrottleRows,
  deleteThrottleKey,
  findLockedUntil,
  upsertFailure,
} from './sign-in-throttle.store.js';

/** Where the counters live: PostgreSQL, or Redis when `REDIS_URL` is set. Every process shares them. */
export interface ThrottleStore {
  /** The latest end of a lock among `keys` still locked at `now`, or `null`. */
  lockedUntil(keys: string[], now: Date): Promise<Date | null>;
  /** Counts one failure; answers the end of the lock when this failure locked the key. */
  recordFailure(key: string, rule: ThrottleRule, now: Date): Promise<Date | null>;
  forget(key: string): Promise<void>;
}

/** A key that a failure just locked: who to tell the record about. */
export interface Lockout {
  subject: 'email' | 'address';
  lockedUntil: Date;
}

/**
 * Failed sign-ins counted per email and per client address (see docs/security-hardening.md).
 * The email is the text typed, lower-cased: an email without an identity locks the same way,
 * so a lock tells nothing about who has an account.
 */
export class SignInThrottle {
  constructor(
    private readonly deps: Pick<Deps, 'config' | 'clock'>,
    private readonly store: ThrottleStore,
  ) {}

  /** The 429 to answer, with the time left, while the email or the address is locked; else `null`. */
  async lockedRefusal(email: string, clientIp: string | null): Promise<ThrottledError | null> {
    const now = this.deps.clock.now();
    const lockedUntil = await this.store.lockedUntil(this.keysOf(email, clientIp), now);
    if (lockedUntil === null) return null;
    const { message, retryAfterSeconds } = lockedMessage(lockedUntil, now);
    return new ThrottledError(message, retryAfterSeconds);
  }

  /** Counts a failure against the email and the address; answers the locks it caused. */
  async recordFailure(email: string, clientIp: string | null): Promise<Lockout[]> {
    const now = this.deps.clock.now();
    const counted: { subject: Lockout['subject']; key: string; rule: ThrottleRule }[] = [
      { subject: 'email', key: this.emailKey(email), rule: EMAIL_RULE },
    ];
    if (clientIp !== null) counted.push({ subject: 'address', key: this.addressKey(clientIp), rule: ADDRESS_RULE });
    const ends = await Promise.all(counted.map(({ key, rule }) => this.store.recordFailure(key, rule, now)));
    return counted.flatMap(({ subject }, i) => {
      const lockedUntil = ends[i];
      return lockedUntil === null || lockedUntil === undefined ? [] : [{ subject, lockedUntil }];
    });
  }

  /**
   * A completed sign-in clears the email's count and lockouts. The address keeps its count:
   * one person signing in must not reset the budget of someone spraying from the same place.
   */
  async recordSuccess(email: string): Promise<void> {
    await this.store.forget(this.emailKey(email));
  }

  private keysOf(email: string, clientIp: string | null): string[] {
    return clientIp === null ? [this.emailKey(email)] : [this.emailKey(email), this.addressKey(clientIp)];
  }

  private emailKey(email: string): string {
    return `email:${keyedHash(this.deps.config.secret, 'throttle', email.trim().toLowerCase())}`;
  }

  private addressKey(clientIp: string): string {
    return `address:${keyedHash(this.deps.config.secret, 'throttle', addressGroup(clientIp))}`;
  }
}

/**
 * Counters in PostgreSQL: atomic upserts on `sign_in_throttle`. Each failure counted also
 * prunes a batch of counters gone stale, so the table holds only the last day's failures.
 */
export function postgresThrottleStore(db: Db): ThrottleStore {
  return {
    lockedUntil: async (keys, now) => {
      const end = await findLockedUntil(db, keys, now.toISOString());
      return end === null ? null : new Date(dbTimestampMs(end));
    },
    recordFailure: async (key, rule, now) => {
      const end = await upsertFailure(db, key, rule, now.toISOString());
      await deleteStaleThrottleRows(db, now.toISOString());
      return end === null ? null : new Date(dbTimestampMs(end));
    },
    forget: (key) => deleteThrottleKey(db, key),
  };
}

/** The throttle over Redis when the process has a connection to it, else over PostgreSQL. Chosen once at start. */
export function createSignInThrottle(deps: Deps, redis: Redis | null): SignInThrottle {
  return new SignInThrottle(deps, redis === null ? postgresThrottleStore(deps.db) : new RedisThrottleStore(redis));
}
