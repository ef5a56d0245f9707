import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { SignInThrottle, type ThrottleStore } from '../src/features/sign-in-throttle/sign-in-throttle.service.js';
import { testConfig } from './app.js';
import { TestClock } from './clock.js';

const MINUTE = 60_000;

/**
 * What every throttle store must do, run against each (PostgreSQL, Redis): the transition is
 * written twice, in SQL and in Lua, and these keep the two in step. Declare inside a describe.
 */
export function itBehavesLikeAThrottleStore(store: () => ThrottleStore): void {
  const run = randomBytes(4).toString('hex');
  let n = 0;
  const email = (): string => `person-${run}-${String(++n)}@example.com`;
  const address = (): string => `192.0.2.${String(++n % 250)}`;
  const setup = (): { throttle: SignInThrottle; clock: TestClock } => {
    const clock = new TestClock();
    return { clock, throttle: new SignInThrottle({ config: testConfig(), clock }, store()) };
  };
  const failTimes = async (throttle: SignInThrottle, times: number, who: string, from: string | null) => {
    const lockouts = [];
    for (let i = 0; i < times; i++) lockouts.push(...(await throttle.recordFailure(who, from)));
    return lockouts;
  };
  const minutesLeft = async (throttle: SignInThrottle, who: string, from: string | null): Promise<number | null> => {
    const refusal = await throttle.lockedRefusal(who, from);
    return refusal === null ? null : refusal.retryAfterSeconds / 60;
  };

  it('locks an email at its fifth failure and reports that lockout once', async () => {
    const { throttle } = setup();
    const who = email();
    expect(await failTimes(throttle, 4, who, null)).toEqual([]);
    expect(await minutesLeft(throttle, who, null)).toBeNull();
    const lockouts = await failTimes(throttle, 1, who, null);
    expect(lockouts.map((l) => l.subject)).toEqual(['email']);
    expect(await minutesLeft(throttle, who, null)).toBe(1);
    // The email is the text typed: case and spaces do not make another key.
    expect(await minutesLeft(throttle, ` ${who.toUpperCase()} `, address())).toBe(1);
  });

  it('doubles each further lock up to an hour, and forgets lockouts after a quiet day', async () => {
    const { throttle, clock } = setup();
    const who = email();
    for (const minutes of [1, 2, 4, 8, 16, 32, 60, 60]) {
      await failTimes(throttle, 5, who, null);
      expect(await minutesLeft(throttle, who, null)).toBe(minutes);
      clock.advance(minutes * MINUTE);
      expect(await minutesLeft(throttle, who, null)).toBeNull();
    }
    clock.advance(24 * 60 * MINUTE);
    await failTimes(throttle, 5, who, null);
    expect(await minutesLeft(throttle, who, null)).toBe(1);
  });

  it('starts the count again after fifteen minutes without a lock', async () => {
    const { throttle, clock } = setup();
    const who = email();
    await failTimes(throttle, 4, who, null);
    clock.advance(15 * MINUTE);
    expect(await failTimes(throttle, 4, who, null)).toEqual([]);
    expect(await minutesLeft(throttle, who, null)).toBeNull();
  });

  it('locks an address at its twentieth failure, whatever the emails', async () => {
    const { throttle } = setup();
    const from = address();
    const lockouts = [];
    for (let i = 0; i < 20; i++) lockouts.push(...(await throttle.recordFailure(email(), from)));
    expect(lockouts.map((l) => l.subject)).toEqual(['address']);
    expect(await minutesLeft(throttle, email(), from)).toBe(1);
    expect(await minutesLeft(throttle, email(), address())).toBeNull();
  });

  it("clears an email's count and lockouts on success, never the address's", async () => {
    const { throttle } = setup();
    const who = email();
    const from = address();
    await failTimes(throttle, 4, who, from);
    await throttle.recordSuccess(who);
    expect(await failTimes(throttle, 4, who, from)).toEqual([]);
    await throttle.recordSuccess(who);
    // The address has 8 failures: 12 more lock it, success or not.
    const lockouts = [];
    for (let i = 0; i < 12; i++) lockouts.push(...(await throttle.recordFailure(email(), from)));
    expect(lockouts.map((l) => l.subject)).toEqual(['address']);
  });

  it('loses no failure when many are counted at once', async () => {
    const { throttle } = setup();
    const who = email();
    const lockouts = (await Promise.all(Array.from({ length: 5 }, () => throttle.recordFailure(who, null)))).flat();
    expect(lockouts.map((l) => l.subject)).toEqual(['email']);
    expect(await minutesLeft(throttle, who, null)).toBe(1);
  });
}
