import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { createAccount } from '../../../test/factories.js';
import { addMember, GOOD_PASSWORD } from '../../../test/sign-in.js';
import { enrolTwoFactor, secondStep, startSignIn, totpCode } from '../../../test/two-factor.js';
import { buildApp } from '../../app.js';
import { signInEvents, signInThrottle } from '../../db/schema/index.js';
import { itBehavesLikeAThrottleStore } from '../../../test/throttle-contract.js';
import { EMAIL_RULE, LOCKOUT_MEMORY_MS } from './sign-in-throttle.rules.js';
import { postgresThrottleStore } from './sign-in-throttle.service.js';

const t = useTestApp();

const WRONG = 'not the password at all';
const MINUTE = 60_000;
let addresses = 0;
/** A client address of its own for each scenario, so one test's failures never lock another's. */
const newAddress = (): string => `198.51.100.${String(++addresses)}`;
let emails = 0;
const unknownEmail = (): string => `nobody-${String(process.pid)}-${String(++emails)}@example.com`;

function login(
  email: string,
  password: string,
  remoteAddress: string,
  app: FastifyInstance = t.app,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    remoteAddress,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ email, password }),
  });
}

async function failTimes(times: number, email: string, remoteAddress: string): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await login(email, WRONG, remoteAddress);
    expect(res.statusCode, res.body).toBe(401);
  }
}

async function newMember(): Promise<{ userId: string; email: string }> {
  const account = await createAccount(t);
  return addMember(t, account.accountId);
}

describe('sign-in with a password, throttled', () => {
  it('locks an email after five failures, with one answer whether or not the email has an account', async () => {
    const member = await newMember();
    const stranger = unknownEmail();
    await failTimes(5, member.email, newAddress());
    await failTimes(5, stranger, newAddress());

    // Even the right password is refused: a locked sign-in checks nothing.
    const known = await login(member.email, GOOD_PASSWORD, newAddress());
    const unknown = await login(stranger, GOOD_PASSWORD, newAddress());
    expect(known.statusCode).toBe(429);
    expect(unknown.statusCode).toBe(429);
    expect(known.json()).toEqual({ detail: 'Too many failed sign-ins; try again in 1 minute' });
    expect(unknown.body).toBe(known.body);
    expect(known.headers['retry-after']).toBe('60');
    expect(unknown.headers['retry-after']).toBe('60');
    expect(known.cookies).toEqual([]);

    const lockouts = await t.db
      .select()
      .from(signInEvents)
      .where(and(eq(signInEvents.email, member.email), eq(signInEvents.outcome, 'lockout')));
    expect(lockouts).toMatchObject([{ identityId: member.userId, reason: 'too_many_failures_for_email' }]);
    const refused = await t.db
      .select()
      .from(signInEvents)
      .where(and(eq(signInEvents.email, stranger), eq(signInEvents.reason, 'locked')));
    expect(refused).toHaveLength(1);
    // The counters are keyed by a keyed hash: the table never holds the email.
    const keys = (await t.db.select({ key: signInThrottle.key }).from(signInThrottle)).map((row) => row.key);
    expect(keys.join(' ')).not.toContain(member.email);
    expect(keys.join(' ')).not.toContain(stranger);
  });

  it('unlocks when the lock ends, and doubles the lock at each further lockout up to an hour', async () => {
    const member = await newMember();
    // Each round comes from a new address: moving does not help, the email itself is locked.
    const expectedMinutes = [1, 2, 4, 8, 16, 32, 60, 60];
    for (const minutes of expectedMinutes) {
      await failTimes(5, member.email, newAddress());
      const locked = await login(member.email, GOOD_PASSWORD, newAddress());
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['retry-after']).toBe(String(minutes * 60));
      t.clock.advance(minutes * MINUTE - 1_000);
      const stillLocked = await login(member.email, GOOD_PASSWORD, newAddress());
      expect(stillLocked.statusCode).toBe(429);
      expect(stillLocked.headers['retry-after']).toBe('1');
      t.clock.advance(1_000);
    }
    const open = await login(member.email, GOOD_PASSWORD, newAddress());
    expect(open.statusCode, open.body).toBe(200);
  });

  it("clears the email's count on a completed sign-in", async () => {
    const member = await newMember();
    const address = newAddress();
    await failTimes(4, member.email, address);
    expect((await login(member.email, GOOD_PASSWORD, address)).statusCode).toBe(200);
    // Without the reset the next failure would be the fifth and lock.
    await failTimes(4, member.email, address);
    expect((await login(member.email, GOOD_PASSWORD, address)).statusCode).toBe(200);
  });

  it('locks an address after twenty failures across emails; a sign-in from it does not clear that', async () => {
    const member = await newMember();
    const address = newAddress();
    for (let i = 0; i < 19; i++) await failTimes(1, unknownEmail(), address);
    expect((await login(member.email, GOOD_PASSWORD, address)).statusCode).toBe(200);
    await failTimes(1, unknownEmail(), address);

    const locked = await login(member.email, GOOD_PASSWORD, address);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toEqual({ detail: 'Too many failed sign-ins; try again in 1 minute' });
    const elsewhere = await login(member.email, GOOD_PASSWORD, newAddress());
    expect(elsewhere.statusCode).toBe(200);
    const lockouts = await t.db
      .select()
      .from(signInEvents)
      .where(and(eq(signInEvents.outcome, 'lockout'), eq(signInEvents.reason, 'too_many_failures_from_address')));
    expect(lockouts).toHaveLength(1);
  });

  it('counts wrong second-factor codes with wrong passwords, and refuses even the right code once locked', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const { secret } = await enrolTwoFactor(t, member.browser);
    const pending = await startSignIn(t, member.email, GOOD_PASSWORD);
    t.clock.advance(60 * MINUTE);
    const wrongCode = totpCode(t, secret); // an hour away: never one of the codes accepted now
    t.clock.advance(-60 * MINUTE);
    for (let i = 0; i < 5; i++) expect((await secondStep(t, pending, { code: wrongCode })).statusCode).toBe(401);

    const locked = await secondStep(t, pending, { code: totpCode(t, secret) });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toEqual({ detail: 'Too many failed sign-ins; try again in 1 minute' });
    expect((await login(member.email, GOOD_PASSWORD, newAddress())).statusCode).toBe(429);

    t.clock.advance(MINUTE);
    const open = await secondStep(t, pending, { code: totpCode(t, secret) });
    expect(open.statusCode, open.body).toBe(200);
  });

  it('counts failures together across two app instances on one database', async () => {
    const second = await buildApp(t.deps, { database: t.database });
    await second.ready();
    try {
      const email = unknownEmail();
      for (const app of [t.app, second, t.app, second, t.app]) {
        expect((await login(email, WRONG, newAddress(), app)).statusCode).toBe(401);
      }
      expect((await login(email, WRONG, newAddress(), t.app)).statusCode).toBe(429);
      expect((await login(email, WRONG, newAddress(), second)).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });
});

describe('the PostgreSQL throttle store', () => {
  itBehavesLikeAThrottleStore(() => postgresThrottleStore(t.db));

  it('prunes counters older than the lockout memory that hold no lock, and keeps the others', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const dayAgo = new Date(now.getTime() - LOCKOUT_MEMORY_MS - MINUTE).toISOString();
    const prefix = `prune-${String(process.pid)}-${String(Date.now())}`;
    await t.db.insert(signInThrottle).values([
      { key: `${prefix}:stale`, failures: 3, windowStartedAt: dayAgo, lockouts: 1, lockedUntil: null },
      {
        key: `${prefix}:still-locked`,
        failures: 0,
        windowStartedAt: dayAgo,
        lockouts: 4,
        lockedUntil: '2026-03-01T13:00:00Z',
      },
      { key: `${prefix}:recent`, failures: 2, windowStartedAt: '2026-03-01T11:00:00Z', lockouts: 0, lockedUntil: null },
    ]);
    await postgresThrottleStore(t.db).recordFailure(`${prefix}:new`, EMAIL_RULE, now);
    const left = (await t.db.select({ key: signInThrottle.key }).from(signInThrottle))
      .map((row) => row.key)
      .filter((key) => key.startsWith(prefix))
      .sort();
    expect(left).toEqual([`${prefix}:new`, `${prefix}:recent`, `${prefix}:still-locked`]);
  });
});
