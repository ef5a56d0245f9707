import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, testConfig } from '../test/app.js';
import { TestClock } from '../test/clock.js';
import { createAccount } from '../test/factories.js';
import type { DatabaseHandle } from './db/client.js';
import { loggerOptions } from './logging.js';

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString('utf8'));
    done();
  },
});

let app: FastifyInstance;
let database: DatabaseHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  const opened = await openTestDatabase();
  database = opened.database;
  drop = opened.drop;
  const log = pino(loggerOptions('info'), sink);
  app = await buildApp(
    { config: testConfig(), db: database.db, clock: new TestClock(), log },
    { database, logger: log },
  );
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await drop();
});

describe('request logs', () => {
  it('carry a request id on every line and never the token, cookie or an invitation secret', async () => {
    const deps = { config: testConfig(), db: database.db, clock: new TestClock(), log: pino({ level: 'silent' }) };
    const account = await createAccount({ deps, db: database.db });
    lines.length = 0;
    await app.inject({
      method: 'GET',
      url: `/v1/accounts/${account.accountId}/users`,
      headers: {
        authorization: `Bearer ${account.token}`,
        cookie: 'steward_session=secret-cookie',
        'x-request-id': 'req-42',
      },
    });
    await app.inject({ method: 'GET', url: '/v1/invitations/stwi_0123456789abcdef01234567_secretpart' });
    const output = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('reqId');
    expect(output).toContain('req-42');
    expect(output).not.toContain(account.token);
    expect(output).not.toContain('secret-cookie');
    expect(output).not.toContain('secretpart');
    expect(output).toContain('/v1/invitations/[redacted]');
  });
});
