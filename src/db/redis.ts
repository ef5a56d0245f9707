import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Connects to `REDIS_URL` before the server starts, so a wrong URL stops the start instead of
 * failing the first sign-in. A command waits for one reconnection at most: a request fails
 * instead of hanging while Redis is away.
 */
export async function openRedis(url: string, log: Logger): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5_000 });
  // Without a listener ioredis prints every reconnection failure to the console; the URL may hold a password.
  redis.on('error', (error: Error) => {
    log.warn({ err: { message: error.message } }, 'Redis connection error');
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Redis does not answer at REDIS_URL: ${error instanceof Error ? error.message : String(error)}`);
  }
  return redis;
}
