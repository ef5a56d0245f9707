import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { apiTokens } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { createAccount, type TestAccount } from '../../../test/factories.js';

/** Behind a proxy on this machine: only its X-Forwarded-For is believed. */
const PROXY = '127.0.0.1';
const t = useTestApp({ TRUST_PROXY: PROXY });

const PAST_CACHE_MS = 1_001;

function request(
  method: 'GET' | 'PATCH',
  account: TestAccount,
  peer: string,
  forwardedFor: string | null,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url: `/v1/accounts/${account.accountId}/settings/security`,
    remoteAddress: peer,
    headers: {
      authorization: `Bearer ${account.token}`,
      ...(forwardedFor === null ? {} : { 'x-forwarded-for': forwardedFor }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function trustedAccount(): Promise<TestAccount> {
  const account = await createAccount(t);
  const res = await request('PATCH', account, PROXY, '203.0.113.9', { trusted_ips: ['203.0.113.0/24'] });
  expect(res.statusCode).toBe(200);
  t.clock.advance(PAST_CACHE_MS);
  return account;
}

describe('trusted IP addresses behind a trusted proxy', () => {
  it('judges the client address the proxy forwards', async () => {
    const account = await trustedAccount();
    expect((await request('GET', account, PROXY, '203.0.113.9')).statusCode).toBe(200);
    expect((await request('GET', account, PROXY, '198.51.100.7')).statusCode).toBe(403);
    // The proxy itself is not in the list: without a forwarded address, it is the client.
    expect((await request('GET', account, PROXY, null)).statusCode).toBe(403);
  });

  it('believes X-Forwarded-For only from a peer in TRUST_PROXY', async () => {
    const account = await trustedAccount();
    expect((await request('GET', account, '192.0.2.1', '203.0.113.9')).statusCode).toBe(403);
  });

  it('cannot be fooled by a client that sends its own X-Forwarded-For through the proxy', async () => {
    const account = await trustedAccount();
    // The proxy appends the address it saw; what the client wrote before it is not believed.
    expect((await request('GET', account, PROXY, '203.0.113.9, 198.51.100.7')).statusCode).toBe(403);
    expect((await request('GET', account, PROXY, '198.51.100.7, 203.0.113.9')).statusCode).toBe(200);
  });

  it('checks the lock-out guard and records last use against the forwarded address', async () => {
    const account = await trustedAccount();
    const refused = await request('PATCH', account, PROXY, '203.0.113.9', { trusted_ips: ['198.51.100.0/24'] });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('does not include 203.0.113.9');

    const [row] = await t.db
      .select({ ip: apiTokens.lastUsedIp })
      .from(apiTokens)
      .where(and(eq(apiTokens.accountId, account.accountId), eq(apiTokens.ownerId, account.adminId)));
    expect(row?.ip).toBe('203.0.113.9');
  });
});
