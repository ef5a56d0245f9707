import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, testConfig } from '../test/app.js';
import { TestClock } from '../test/clock.js';
import { addUser, createAccount } from '../test/factories.js';
import { invitationTokenFor } from '../test/sign-in.js';
import type { DatabaseHandle } from './db/client.js';
import { loggerOptions, redactUrl } from './logging.js';

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

describe('logs of sign-in traffic', () => {
  it('never carry a password, a code, a link token or a cookie set in the answer', async () => {
    const deps = { config: testConfig(), db: database.db, clock: new TestClock(), log: pino({ level: 'silent' }) };
    const account = await createAccount({ deps, db: database.db });
    const invited = await addUser({ deps, db: database.db }, account.accountId);
    const invitation = await invitationTokenFor({ db: database.db }, invited.email);
    const password = 'correct horse battery staple 42';
    const json = (body: unknown) => ({
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    lines.length = 0;

    const accepted = await app.inject({
      method: 'POST',
      url: `/v1/invitations/${invitation}/accept`,
      ...json({ user_name: 'Logged Person', password }),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const signedIn = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      ...json({ email: invited.email, password }),
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const cookies = signedIn.cookies.map((cookie) => cookie.value).filter((value) => value.length > 0);
    expect(cookies.length).toBeGreaterThan(0);
    const resetToken = 'stwr_ResetSecretResetSecretResetSecretResetSe';
    await app.inject({ method: 'POST', url: '/v1/auth/password/reset', ...json({ token: resetToken, password }) });
    await app.inject({ method: 'GET', url: `/reset-password/${resetToken}` });
    await app.inject({
      method: 'POST',
      url: '/v1/auth/login/second-factor',
      ...json({ recovery_code: 'RECOVERY-CODE-1234' }),
    });
    await app.inject({
      method: 'GET',
      url: '/v1/auth/google/callback?code=oauth-code-secret&state=oauth-state-secret&x=1',
    });

    const output = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(12);
    for (const secret of [
      password,
      invitation,
      resetToken,
      'RECOVERY-CODE-1234',
      'oauth-code-secret',
      'oauth-state-secret',
      ...cookies,
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('/v1/invitations/[redacted]/accept');
    expect(output).toContain('/reset-password/[redacted]');
    expect(output).toContain('code=[redacted]&state=[redacted]&x=1');
  });

  it('mask secret query parameters and secret-shaped path segments, and keep the rest', () => {
    expect(redactUrl('/v1/auth/verify-email?token=abc&lang=en')).toBe('/v1/auth/verify-email?token=[redacted]&lang=en');
    expect(redactUrl(`/v1/email/confirm/stwe_${'a'.repeat(43)}`)).toBe('/v1/email/confirm/[redacted]');
    expect(redactUrl('/v1/accounts/0123456789abcdef01234567/users?page=2')).toBe(
      '/v1/accounts/0123456789abcdef01234567/users?page=2',
    );
  });
});
