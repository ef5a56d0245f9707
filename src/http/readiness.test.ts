import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { testConfig } from '../../test/app.js';
import { TestClock } from '../../test/clock.js';

describe('readiness', () => {
  it('answers 503 until every migration is applied, then 200', async () => {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    const app = await buildApp(
      { config: testConfig(), db: database.db, clock: new TestClock(), log: pino({ level: 'silent' }) },
      { database },
    );
    try {
      const before = await app.inject({ method: 'GET', url: '/readyz' });
      expect(before.statusCode).toBe(503);
      expect(before.json()).toEqual({ status: 'not ready' });
      await migrate(database);
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      expect(await migrate(database)).toEqual([]);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
