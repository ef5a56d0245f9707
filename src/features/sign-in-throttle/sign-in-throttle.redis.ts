import { unavailable } from '../../core/errors.js';
import type { Redis } from 'ioredis';
import { LOCK_DURATIONS_MS, LOCKOUT_MEMORY_MS, type ThrottleRule } from './sign-in-throttle.rules.js';
import type { ThrottleStore } from './sign-in-throttle.service.js';

/**
 * The same transition as the PostgreSQL upsert (sign-in-throttle.store.ts), run inside Redis so
 * that processes counting at once never lose a failure. Times are the caller's clock in ms.
 * Answers the end of the lock when this failure locked the key, else -1.
 */
const RECORD_FAILURE = `
local now, window, max_failures, memory = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
-- ARGV[5] … ARGV[#ARGV]: the lock of the first, second, … lockout
local durations = #ARGV - 4
local row = redis.call('HMGET', KEYS[1], 'failures', 'window_started_at', 'lockouts', 'locked_until')
local failures, started, lockouts, locked_until, locked = 1, now, 0, 0, false
if row[2] then
  local old_start = tonumber(row[2])
  local expired = now >= old_start + window
  local count = expired and 1 or tonumber(row[1]) + 1
  local prior = (now >= old_start + memory) and 0 or tonumber(row[3])
  if count >= max_failures then
    failures, started, lockouts, locked = 0, now, prior + 1, true
    locked_until = now + tonumber(ARGV[4 + math.min(prior + 1, durations)])
  else
    failures, lockouts, locked_until = count, prior, tonumber(row[4])
    started = expired and now or old_start
  end
end
redis.call('HSET', KEYS[1], 'failures', failures, 'window_started_at', started, 'lockouts', lockouts,
  'locked_until', locked_until)
redis.call('PEXPIRE', KEYS[1], math.floor(math.max(started + memory, locked_until) - now))
if locked then return locked_until end
return -1
`;

/** Throttle counters in Redis (`REDIS_URL`): one hash per key that expires once it no longer matters. */
export class RedisThrottleStore implements ThrottleStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'steward:sign-in-throttle:',
  ) {}

  async lockedUntil(keys: string[], now: Date): Promise<Date | null> {
    const ends = await answerOrUnavailable(() =>
      Promise.all(keys.map((key) => this.redis.hget(this.prefix + key, 'locked_until'))),
    );
    const latest = Math.max(0, ...ends.map(Number));
    return latest > now.getTime() ? new Date(latest) : null;
  }

  async recordFailure(key: string, rule: ThrottleRule, now: Date): Promise<Date | null> {
    const lockedUntil = await answerOrUnavailable(() =>
      this.redis.eval(
        RECORD_FAILURE,
        1,
        this.prefix + key,
        now.getTime(),
        rule.windowMs,
        rule.maxFailures,
        LOCKOUT_MEMORY_MS,
        ...LOCK_DURATIONS_MS,
      ),
    );
    return typeof lockedUntil === 'number' && lockedUntil >= 0 ? new Date(lockedUntil) : null;
  }

  async forget(key: string): Promise<void> {
    await answerOrUnavailable(() => this.redis.del(this.prefix + key));
  }
}

/**
 * Sign-in fails closed while Redis is away: a 503, never unlimited guesses, and never a 500.
 */
async function answerOrUnavailable<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch {
    throw unavailable('Sign-in is unavailable for a moment (its counters do not answer); try again shortly');
  }
}
