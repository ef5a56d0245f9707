import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createAccount } from '../../test/factories.js';
import { openApiDocumentText } from '../../test/openapi-document.js';

const t = useTestApp();

describe('service endpoints', () => {
  it('answers health and readiness once migrated', async () => {
    expect((await t.call({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.call({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('exposes request and pool metrics in Prometheus format', async () => {
    await t.call({ method: 'GET', url: '/healthz' });
    const res = await t.call({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/steward_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(res.body).toContain('steward_http_request_duration_seconds_bucket');
    expect(res.body).toContain('steward_db_pool_connections');
  });

  it('serves a valid OpenAPI 3.1 document and the reference page', async () => {
    const res = await t.call({ method: 'GET', url: '/openapi.json' });
    const document = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths)).toContain('/v1/accounts/{account_id}/users');
    expect((await t.call({ method: 'GET', url: '/docs' })).statusCode).toBe(200);
  });

  it('matches the committed docs/openapi.json (run `npm run openapi` after changing a route)', async () => {
    const committed = readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(await openApiDocumentText());
  });

  it('echoes a plain request id and replaces a suspicious one', async () => {
    const kept = await t.call({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.call({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'a b\u0001' } });
    expect(replaced.headers['x-request-id']).not.toBe('a b\u0001');
  });
});

describe('errors are JSON with a detail', () => {
  it('answers 404 for unknown routes, with or without a token', async () => {
    const { token } = await createAccount(t);
    for (const res of [
      await t.call({ method: 'GET', url: '/nothing-here' }),
      await t.call({ method: 'GET', url: '/v1/nothing-here', token }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: 'Not Found' });
    }
  });

  it('answers 405 with Allow for a known path and a wrong method', async () => {
    const { accountId, token } = await createAccount(t);
    const res = await t.call({ method: 'PUT', url: `/v1/accounts/${accountId}/users`, token });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toContain('GET');
    expect(res.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  it('answers 422 for a path with a bad percent-escape', async () => {
    const res = await t.call({ method: 'GET', url: '/v1/accounts/%ZZ/users' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      detail: [{ loc: ['path'], msg: 'URL contains an invalid percent-encoding', type: 'url_parsing' }],
    });
  });

  it('answers 415 for a body that is not JSON and 413 for one too large', async () => {
    const { accountId, token } = await createAccount(t);
    const url = `/v1/accounts/${accountId}/users/re_invite`;
    const text = await t.call({ method: 'POST', url, token, headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.statusCode).toBe(415);
    expect(text.json<{ detail: string }>().detail).toMatch(/Unsupported Media Type/);
    const huge = await t.call({ method: 'POST', url, token, body: { user_email: 'x'.repeat(2 * 1024 * 1024) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json<{ detail: string }>().detail).toMatch(/too large/);
  });
});
