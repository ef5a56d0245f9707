import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { createAccount } from '../../../test/factories.js';
import { addMember, browserWith, cookiesOf, GOOD_PASSWORD } from '../../../test/sign-in.js';
import {
  enrolTwoFactor,
  nextStep,
  secondStep,
  signInWithSecondFactor,
  startSignIn,
  totpCode,
} from '../../../test/two-factor.js';
import { dbTimestampMs } from '../../core/time.js';
import { encryptSecret } from '../../core/secrets.js';
import { identities, memberships, sessions, signInEvents } from '../../db/schema/index.js';

const t = useTestApp();

/** A member with 2FA on, signed out, the clock on a step no code was used for yet. */
async function enrolledMember() {
  const account = await createAccount(t);
  const member = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
  const enrolment = await enrolTwoFactor(t, member.browser);
  const out = await member.browser.call({ method: 'POST', url: '/v1/auth/logout' });
  expect(out.statusCode).toBe(204);
  nextStep(t);
  return { account, ...member, ...enrolment };
}

async function signInEventsOf(identityId: string) {
  return t.db
    .select({ outcome: signInEvents.outcome, reason: signInEvents.reason })
    .from(signInEvents)
    .where(eq(signInEvents.identityId, identityId))
    .orderBy(signInEvents.id);
}

describe('signing in with two-factor authentication on', () => {
  it('asks for a second step after the password, and a TOTP code completes it', async () => {
    const member = await enrolledMember();
    const pending = await startSignIn(t, member.email, GOOD_PASSWORD);
    const withPendingOnly = await t.call({ method: 'GET', url: '/v1/me', headers: { cookie: pending } });
    expect(withPendingOnly.statusCode).toBe(401);

    const done = await secondStep(t, pending, { code: totpCode(t, member.secret) });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({
      second_factor_required: false,
      user_id: member.userId,
      account_id: member.account.accountId,
    });
    const browser = await browserWith(t, cookiesOf(done));
    const users = await browser.call({ method: 'GET', url: `/v1/accounts/${member.account.accountId}/users` });
    expect(users.statusCode).toBe(200);
  });

  it('records the completed sign-in, stamps the last login and ends the pending session', async () => {
    const member = await enrolledMember();
    const pending = await startSignIn(t, member.email, GOOD_PASSWORD);
    const before = await signInEventsOf(member.userId);
    const done = await secondStep(t, pending, { code: totpCode(t, member.secret) });
    expect(done.statusCode).toBe(200);

    expect((await signInEventsOf(member.userId)).slice(before.length)).toEqual([{ outcome: 'success', reason: null }]);
    const [membership] = await t.db
      .select({ lastLogin: memberships.lastLogin })
      .from(memberships)
      .where(and(eq(memberships.accountId, member.account.accountId), eq(memberships.userId, member.userId)));
    expect(dbTimestampMs(membership?.lastLogin ?? '')).toBe(t.clock.now().getTime());
    const stages = await t.db
      .select({ stage: sessions.stage })
      .from(sessions)
      .where(eq(sessions.identityId, member.userId));
    expect(stages).toEqual([{ stage: 'active' }]);

    nextStep(t);
    const again = await secondStep(t, pending, { code: totpCode(t, member.secret) });
    expect(again.statusCode).toBe(401);
  });

  it('accepts a code once: the same code is refused the second time', async () => {
    const member = await enrolledMember();
    const code = totpCode(t, member.secret);
    const first = await secondStep(t, await startSignIn(t, member.email, GOOD_PASSWORD), { code });
    expect(first.statusCode).toBe(200);
    const replay = await secondStep(t, await startSignIn(t, member.email, GOOD_PASSWORD), { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toEqual({ detail: 'Incorrect code' });
    expect(cookiesOf(replay)).toBe('');
  });

  it('refuses the code that confirmed the enrolment', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const { secret } = await enrolTwoFactor(t, member.browser);
    const reused = await secondStep(t, await startSignIn(t, member.email, GOOD_PASSWORD), {
      code: totpCode(t, secret),
    });
    expect(reused.statusCode).toBe(401);
  });

  it('refuses a code of an earlier step once a later one was used', async () => {
    const member = await enrolledMember();
    const earlier = totpCode(t, member.secret);
    nextStep(t);
    const later = await secondStep(t, await startSignIn(t, member.email, GOOD_PASSWORD), {
      code: totpCode(t, member.secret),
    });
    expect(later.statusCode).toBe(200);
    // still inside the window (one step back), but older than the last code accepted
    const older = await secondStep(t, await startSignIn(t, member.email, GOOD_PASSWORD), { code: earlier });
    expect(older.statusCode).toBe(401);
  });

  it('accepts a code of the step before or after, not two steps away', async () => {
    const member = await enrolledMember();
    const code = totpCode(t, member.secret);
    t.clock.advance(-60_000);
    const early = await secondStep(t, await startSignIn(t, member.email, GOOD_PASSWORD), { code });
    expect(early.statusCode).toBe(401);
    t.clock.advance(30_000);
    const late = await secondStep(t, await startSignIn(t, member.email, GOOD_PASSWORD), { code });
    expect(late.statusCode, late.body).toBe(200);
    t.clock.advance(30_000);
  });

  it('lets a recovery code sign in once, whatever its case, spaces and dashes', async () => {
    const member = await enrolledMember();
    const [code] = member.recoveryCodes;
    expect(member.recoveryCodes).toHaveLength(10);
    expect(new Set(member.recoveryCodes).size).toBe(10);
    expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    const typed = ` ${(code ?? '').toUpperCase().replace('-', ' ')} `;

    const browser = await signInWithSecondFactor(t, member.email, GOOD_PASSWORD, { recovery_code: typed });
    const me = await browser.call({ method: 'GET', url: '/v1/me' });
    expect(me.json()).toMatchObject({ two_factor_enabled: true, recovery_codes_left: 9 });

    const again = await secondStep(t, await startSignIn(t, member.email, GOOD_PASSWORD), { recovery_code: code });
    expect(again.statusCode).toBe(401);
    const another = await secondStep(t, await startSignIn(t, member.email, GOOD_PASSWORD), {
      recovery_code: member.recoveryCodes[1],
    });
    expect(another.statusCode).toBe(200);
  });

  it('refuses a wrong code with 401, records the failure, and lets the person try again', async () => {
    const member = await enrolledMember();
    const pending = await startSignIn(t, member.email, GOOD_PASSWORD);
    const right = totpCode(t, member.secret);
    const wrong = right === '000000' ? '111111' : '000000';
    const before = await signInEventsOf(member.userId);

    const refused = await secondStep(t, pending, { code: wrong });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual({ detail: 'Incorrect code' });
    const badRecovery = await secondStep(t, pending, { recovery_code: 'aaaaa-aaaaa' });
    expect(badRecovery.statusCode).toBe(401);
    expect(badRecovery.json()).toEqual({ detail: 'Incorrect code' });
    expect((await signInEventsOf(member.userId)).slice(before.length)).toEqual([
      { outcome: 'failure', reason: 'bad_second_factor' },
      { outcome: 'failure', reason: 'bad_second_factor' },
    ]);

    const retried = await secondStep(t, pending, { code: right });
    expect(retried.statusCode).toBe(200);
  });

  it('makes the pending cookie worthless after 5 minutes', async () => {
    const member = await enrolledMember();
    const inTime = await startSignIn(t, member.email, GOOD_PASSWORD);
    t.clock.advance(5 * 60_000 - 1_000);
    const justInTime = await secondStep(t, inTime, { code: totpCode(t, member.secret) });
    expect(justInTime.statusCode).toBe(200);

    nextStep(t);
    const late = await startSignIn(t, member.email, GOOD_PASSWORD);
    t.clock.advance(5 * 60_000);
    const expired = await secondStep(t, late, { code: totpCode(t, member.secret) });
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ detail: string }>().detail).toMatch(/sign in with your password again/);
  });

  it('answers 401 without a pending cookie, and with a signed-in session cookie instead', async () => {
    const member = await enrolledMember();
    const none = await t.call({
      method: 'POST',
      url: '/v1/auth/login/second-factor',
      body: { code: totpCode(t, member.secret) },
    });
    expect(none.statusCode).toBe(401);
    const browser = await signInWithSecondFactor(t, member.email, GOOD_PASSWORD, {
      code: totpCode(t, member.secret),
    });
    nextStep(t);
    const withSession = await secondStep(t, browser.cookie, { code: totpCode(t, member.secret) });
    expect(withSession.statusCode).toBe(401);
  });

  it('needs exactly one of code and recovery_code', async () => {
    const member = await enrolledMember();
    const pending = await startSignIn(t, member.email, GOOD_PASSWORD);
    const code = totpCode(t, member.secret);
    const neither = await secondStep(t, pending, {});
    expect(neither.statusCode).toBe(422);
    expect(neither.json()).toMatchObject({ detail: [{ loc: ['body'] }] });
    const both = await secondStep(t, pending, { code, recovery_code: member.recoveryCodes[0] });
    expect(both.statusCode).toBe(422);
    const extra = await secondStep(t, pending, { code, remember: true });
    expect(extra.statusCode).toBe(422);
    // none of them spent the code
    expect((await secondStep(t, pending, { code })).statusCode).toBe(200);
  });

  it('answers 401, not 500, when the stored secret cannot be decrypted (STEWARD_SECRET changed)', async () => {
    const member = await enrolledMember();
    const foreign = encryptSecret('a-different-secret-that-is-long-enough', 'totp', member.secret);
    await t.db.update(identities).set({ totpSecret: foreign }).where(eq(identities.id, member.userId));
    const res = await secondStep(t, await startSignIn(t, member.email, GOOD_PASSWORD), {
      code: totpCode(t, member.secret),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ detail: 'Incorrect code' });
  });

  it('lets only one of two simultaneous uses of one code through', async () => {
    const member = await enrolledMember();
    const [a, b] = await Promise.all([
      startSignIn(t, member.email, GOOD_PASSWORD),
      startSignIn(t, member.email, GOOD_PASSWORD),
    ]);
    const code = totpCode(t, member.secret);
    const answers = await Promise.all([secondStep(t, a, { code }), secondStep(t, b, { code })]);
    expect(answers.map((res) => res.statusCode).sort()).toEqual([200, 401]);

    nextStep(t);
    const [c, d] = await Promise.all([
      startSignIn(t, member.email, GOOD_PASSWORD),
      startSignIn(t, member.email, GOOD_PASSWORD),
    ]);
    const recovery_code = member.recoveryCodes[0];
    const recoveries = await Promise.all([secondStep(t, c, { recovery_code }), secondStep(t, d, { recovery_code })]);
    expect(recoveries.map((res) => res.statusCode).sort()).toEqual([200, 401]);
  });
});
