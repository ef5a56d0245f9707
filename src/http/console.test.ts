import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { openTestDatabase, testConfig } from '../../test/app.js';
import { TestClock } from '../../test/clock.js';
import { pagePolicy } from './hardening.js';
import { isConsolePage } from './console.js';

const INDEX = '<!doctype html><title>Steward</title><script type="module" src="/assets/app-1a2b3c.js"></script>';

/** A console as `vite build` leaves it: index.html, hashed assets, public files. */
function builtConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'steward-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets/app-1a2b3c.js'), 'console.log("steward")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('the server with a built console', () => {
  const config = testConfig();
  let app: FastifyInstance;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const store = await openTestDatabase();
    drop = store.drop;
    const deps = { config, db: store.database.db, clock: new TestClock(), log: pino({ level: 'silent' }) };
    app = await buildApp(deps, { database: store.database, consoleDir: builtConsole() });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('answers the console’s deep links with its page, under the page policy and never cached', async () => {
    for (const url of ['/', '/users?page=2&sort=user_name', '/invitations/stwi_x', '/reset-password/abc', '/setup/t']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-security-policy']).toBe(pagePolicy(config));
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    expect((await app.inject({ method: 'HEAD', url: '/users' })).statusCode).toBe(200);
  });

  it('serves the built files, hashed assets cached for good', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("steward")');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('leaves the API, the reference and missing files to their JSON 404, and other methods to 404', async () => {
    for (const [method, url] of [
      ['GET', '/v1/nothing-here'],
      ['GET', '/v1'],
      ['GET', '/docs/nothing-here'],
      ['GET', '/assets/gone-9z9z9z.js'],
      ['GET', '/robots.txt'],
      ['POST', '/users'],
      ['DELETE', '/'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json(), `${method} ${url}`).toEqual({ detail: 'Not Found' });
    }
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    const me = await app.inject({ method: 'GET', url: '/v1/me' });
    expect(me.statusCode).toBe(401);
  });
});

describe('the server without a built console', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const store = await openTestDatabase();
    drop = store.drop;
    const deps = {
      config: testConfig(),
      db: store.database.db,
      clock: new TestClock(),
      log: pino({ level: 'silent' }),
    };
    app = await buildApp(deps, { database: store.database, consoleDir: join(tmpdir(), 'steward-no-console-here') });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('is the API alone', async () => {
    const res = await app.inject({ method: 'GET', url: '/users' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ detail: 'Not Found' });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('console pages', () => {
  it('are paths outside the API and the reference that name no file', () => {
    expect(isConsolePage('/')).toBe(true);
    expect(isConsolePage('/users?page=2&q=a.b')).toBe(true);
    expect(isConsolePage('/v1x')).toBe(true);
    expect(isConsolePage('/v1/me')).toBe(false);
    expect(isConsolePage('/docs')).toBe(false);
    expect(isConsolePage('/favicon.ico')).toBe(false);
  });
});
