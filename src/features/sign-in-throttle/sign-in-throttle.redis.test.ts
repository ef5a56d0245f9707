import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testConfig } from '../../../test/app.js';
import { TestClock } from '../../../test/clock.js';
import { isServerReachable } from '../../../test/stores.js';
import { itBehavesLikeAThrottleStore } from '../../../test/throttle-contract.js';
import { buildApp } from '../../app.js';
import { keyedHash } from '../../core/secrets.js';
import { signInThrottle } from '../../db/schema/index.js';
import { RedisThrottleStore } from './sign-in-throttle.redis.js';
import { addressGroup } from './sign-in-throttle.rules.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const reachable = await isServerReachable(REDIS_URL);
if (!reachable) {
  // CI promises Redis (.ci/run starts one): its absence there is a failure, not a reason to skip.
  if (process.env.CI === 'true') throw new Error(`CI needs Redis for these tests, and nothing answers at ${REDIS_URL}`);
  process.stderr.write(
    `Skipping the Redis throttle tests: nothing answers at ${REDIS_URL} (start redis-server or set TEST_REDIS_URL)\n`,
  );
}

describe.skipIf(!reachable)('the Redis throttle store', () => {
  // A prefix of this run's own: runs in parallel (PGlite and PostgreSQL projects) never share keys.
  const prefix = `steward-test:${randomBytes(6).toString('hex')}:`;
  const connections: Redis[] = [];
  const connect = (): Redis => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    connections.push(redis);
    return redis;
  };

  afterAll(async () => {
    const [cleaner] = connections;
    if (cleaner !== undefined) {
      const keys = await cleaner.keys(`${prefix}*`);
      if (keys.length > 0) await cleaner.del(...keys);
    }
    await Promise.all(connections.map((redis) => redis.quit()));
  });

  // Each store gets its own connection, as each process would: they must count together.
  itBehavesLikeAThrottleStore(() => new RedisThrottleStore(connect(), prefix));

  it('answers 503, not 500, while Redis is away: sign-in fails closed', async () => {
    const gone = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    const store = new RedisThrottleStore(gone, prefix);
    gone.disconnect();
    await expect(store.lockedUntil(['email:x'], new Date())).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(store.forget('email:x')).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe.skipIf(!reachable)('an app with REDIS_URL', () => {
  const config = testConfig({ REDIS_URL });
  const clock = new TestClock();
  const email = `redis-${randomBytes(6).toString('hex')}@example.com`;
  const address = `203.0.113.${String(1 + (process.pid % 250))}`;
  let opened: Awaited<ReturnType<typeof openTestDatabase>>;
  let redis: Redis;

  beforeAll(async () => {
    opened = await openTestDatabase();
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await redis.del(
      `steward:sign-in-throttle:email:${keyedHash(config.secret, 'throttle', email)}`,
      `steward:sign-in-throttle:address:${keyedHash(config.secret, 'throttle', addressGroup(address))}`,
    );
    await redis.quit();
    await opened.drop();
  });

  it('keeps its counters in Redis, shared by every instance, and none in PostgreSQL', async () => {
    const deps = { config, db: opened.database.db, clock, log: pino({ level: 'silent' }) };
    const apps = [
      await buildApp(deps, { database: opened.database }),
      await buildApp(deps, { database: opened.database }),
    ];
    try {
      const login = (i: number) =>
        apps[i % 2]?.inject({
          method: 'POST',
          url: '/v1/auth/login',
          remoteAddress: address,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ email, password: 'not the password' }),
        });
      for (let i = 0; i < 5; i++) expect((await login(i))?.statusCode).toBe(401);
      const locked = await login(5);
      expect(locked?.statusCode).toBe(429);
      expect(locked?.headers['retry-after']).toBe('60');

      const key = `steward:sign-in-throttle:email:${keyedHash(config.secret, 'throttle', email)}`;
      expect(await redis.hget(key, 'lockouts')).toBe('1');
      expect(await opened.database.db.select().from(signInThrottle)).toEqual([]);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
    }
  });

  it('shares the auth rate limit between instances', async () => {
    const limited = { config: testConfig({ REDIS_URL, AUTH_RATE_LIMIT: '3' }), db: opened.database.db, clock };
    const deps = { ...limited, log: pino({ level: 'silent' }) };
    const apps = [
      await buildApp(deps, { database: opened.database }),
      await buildApp(deps, { database: opened.database }),
    ];
    // An address (a /64) of this run's own: the count lives a minute in Redis, across runs.
    const remoteAddress = `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}::1`;
    try {
      const statuses = [];
      for (const app of [...apps, ...apps]) {
        statuses.push((await app.inject({ method: 'GET', url: '/v1/invitations/nothing', remoteAddress })).statusCode);
      }
      expect(statuses.slice(0, 3)).not.toContain(429);
      expect(statuses[3]).toBe(429);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
    }
  });
});
