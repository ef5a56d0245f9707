import { and, eq } from 'drizzle-orm';
import { TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { createAccount } from '../../../test/factories.js';
import { addMember, GOOD_PASSWORD, signIn } from '../../../test/sign-in.js';
import { enrolTwoFactor, nextStep, secondStep, startSignIn, totpCode } from '../../../test/two-factor.js';
import { decryptSecret } from '../../core/secrets.js';
import { auditEvents, identities, recoveryCodes } from '../../db/schema/index.js';

const t = useTestApp();

async function twoFactorRow(identityId: string) {
  const [row] = await t.db
    .select({ secret: identities.totpSecret, enabledAt: identities.totpEnabledAt })
    .from(identities)
    .where(eq(identities.id, identityId));
  return row;
}

async function storedRecoveryCodes(identityId: string) {
  return t.db.select().from(recoveryCodes).where(eq(recoveryCodes.identityId, identityId));
}

async function auditActions(accountId: string, identityId: string) {
  const rows = await t.db
    .select({ action: auditEvents.action, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.targetId, identityId)))
    .orderBy(auditEvents.id);
  return rows.filter((row) => row.action.startsWith('two_factor.'));
}

function wrongCode(right: string): string {
  return right === '123456' ? '654321' : '123456';
}

describe('enrolling in two-factor authentication', () => {
  it('answers a new secret, its otpauth URI and a QR code, not yet in force', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const res = await member.browser.call({ method: 'POST', url: '/v1/me/two-factor' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ secret: string; otpauth_uri: string; qr_svg: string }>();
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const parsed = URI.parse(body.otpauth_uri);
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed).toMatchObject({ issuer: 'Steward', label: member.email, algorithm: 'SHA1', digits: 6, period: 30 });
    expect(parsed.secret.base32).toBe(body.secret);
    expect(body.qr_svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const me = await member.browser.call({ method: 'GET', url: '/v1/me' });
    expect(me.json()).toMatchObject({ two_factor_enabled: false, recovery_codes_left: 0 });
    // not on yet: signing in still needs the password only
    await signIn(t, member.email, GOOD_PASSWORD);
  });

  it('keeps the secret encrypted in the database, and it decrypts back', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const res = await member.browser.call({ method: 'POST', url: '/v1/me/two-factor' });
    const { secret } = res.json<{ secret: string }>();
    const stored = (await twoFactorRow(member.userId))?.secret ?? '';
    expect(stored).not.toContain(secret);
    expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(decryptSecret(t.config.secret, 'totp', stored)).toBe(secret);
    expect(decryptSecret('another-secret-that-is-long-enough-for-it', 'totp', stored)).toBeNull();
    expect(decryptSecret(t.config.secret, 'session', stored)).toBeNull();
  });

  it('replaces a pending secret when enrolment starts again', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const first = (await member.browser.call({ method: 'POST', url: '/v1/me/two-factor' })).json<{ secret: string }>();
    const second = (await member.browser.call({ method: 'POST', url: '/v1/me/two-factor' })).json<{ secret: string }>();
    expect(second.secret).not.toBe(first.secret);

    const stale = await member.browser.call({
      method: 'POST',
      url: '/v1/me/two-factor/confirm',
      body: { code: totpCode(t, first.secret) },
    });
    expect(stale.statusCode).toBe(422);
    const fresh = await member.browser.call({
      method: 'POST',
      url: '/v1/me/two-factor/confirm',
      body: { code: totpCode(t, second.secret) },
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
  });

  it('turns 2FA on with a right code, with ten recovery codes stored only as hashes', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const { recoveryCodes: codes } = await enrolTwoFactor(t, member.browser);
    expect(codes).toHaveLength(10);
    expect((await twoFactorRow(member.userId))?.enabledAt).not.toBeNull();

    const stored = await storedRecoveryCodes(member.userId);
    expect(stored).toHaveLength(10);
    const hashes = stored.map((row) => row.codeHash).join(' ');
    for (const code of codes) {
      expect(hashes).not.toContain(code);
      expect(hashes).not.toContain(code.replace('-', ''));
    }
    const me = await member.browser.call({ method: 'GET', url: '/v1/me' });
    expect(me.json()).toMatchObject({ two_factor_enabled: true, recovery_codes_left: 10 });
    // both at the same test-clock instant, so their ids do not order them
    const audited = await auditActions(account.accountId, member.userId);
    expect(audited.sort((a, b) => a.action.localeCompare(b.action))).toEqual([
      { action: 'two_factor.enable', actorId: member.userId },
      { action: 'two_factor.enrolment_start', actorId: member.userId },
    ]);
  });

  it('refuses a wrong code with 422 at body.code, and 2FA stays off', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const { secret } = (await member.browser.call({ method: 'POST', url: '/v1/me/two-factor' })).json<{
      secret: string;
    }>();
    const res = await member.browser.call({
      method: 'POST',
      url: '/v1/me/two-factor/confirm',
      body: { code: wrongCode(totpCode(t, secret)) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ detail: [{ loc: ['body', 'code'], type: 'value_error.code' }] });
    expect((await twoFactorRow(member.userId))?.enabledAt).toBeNull();
    expect(await storedRecoveryCodes(member.userId)).toEqual([]);
  });

  it('answers 409 to confirming without an enrolment, and to enrolling while 2FA is on', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const early = await member.browser.call({
      method: 'POST',
      url: '/v1/me/two-factor/confirm',
      body: { code: '123456' },
    });
    expect(early.statusCode).toBe(409);

    const { secret } = await enrolTwoFactor(t, member.browser);
    const again = await member.browser.call({ method: 'POST', url: '/v1/me/two-factor' });
    expect(again.statusCode).toBe(409);
    const stored = (await twoFactorRow(member.userId))?.secret ?? '';
    expect(decryptSecret(t.config.secret, 'totp', stored)).toBe(secret);
  });

  it('is for signed-in people only: no session → 401, an API token → 401, no CSRF header → 403', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    expect((await t.call({ method: 'POST', url: '/v1/me/two-factor' })).statusCode).toBe(401);
    expect((await t.call({ method: 'POST', url: '/v1/me/two-factor', token: account.token })).statusCode).toBe(401);
    const noCsrf = await member.browser.call({ method: 'POST', url: '/v1/me/two-factor', csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect((await twoFactorRow(member.userId))?.secret).toBeNull();
  });
});

describe('turning two-factor authentication off', () => {
  it('needs a right code; then the secret and recovery codes are gone and sign-in needs the password only', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const { secret } = await enrolTwoFactor(t, member.browser);
    nextStep(t);

    const noCode = await member.browser.call({ method: 'DELETE', url: '/v1/me/two-factor', body: {} });
    expect(noCode.statusCode).toBe(422);
    const wrong = await member.browser.call({
      method: 'DELETE',
      url: '/v1/me/two-factor',
      body: { code: wrongCode(totpCode(t, secret)) },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ detail: [{ loc: ['body', 'code'] }] });
    expect((await twoFactorRow(member.userId))?.enabledAt).not.toBeNull();

    const off = await member.browser.call({
      method: 'DELETE',
      url: '/v1/me/two-factor',
      body: { code: totpCode(t, secret) },
    });
    expect(off.statusCode, off.body).toBe(204);
    expect(await twoFactorRow(member.userId)).toEqual({ secret: null, enabledAt: null });
    expect(await storedRecoveryCodes(member.userId)).toEqual([]);
    expect((await auditActions(account.accountId, member.userId)).at(-1)).toEqual({
      action: 'two_factor.disable',
      actorId: member.userId,
    });
    await signIn(t, member.email, GOOD_PASSWORD);

    const twice = await member.browser.call({
      method: 'DELETE',
      url: '/v1/me/two-factor',
      body: { code: totpCode(t, secret) },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('takes a recovery code instead of a TOTP code', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const { recoveryCodes: codes } = await enrolTwoFactor(t, member.browser);
    const off = await member.browser.call({
      method: 'DELETE',
      url: '/v1/me/two-factor',
      body: { code: codes[3]?.toUpperCase() },
    });
    expect(off.statusCode, off.body).toBe(204);
    expect((await twoFactorRow(member.userId))?.enabledAt).toBeNull();
  });

  it('refuses a TOTP code already used', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const { secret } = await enrolTwoFactor(t, member.browser);
    // the code that confirmed the enrolment, still inside its step
    const reused = await member.browser.call({
      method: 'DELETE',
      url: '/v1/me/two-factor',
      body: { code: totpCode(t, secret) },
    });
    expect(reused.statusCode).toBe(422);
    expect((await twoFactorRow(member.userId))?.enabledAt).not.toBeNull();
  });

  it('is refused (409, naming the account) while an account the person works in requires 2FA', async () => {
    const account = await createAccount(t, { name: 'Strict Corp' });
    const member = await addMember(t, account.accountId);
    const { secret } = await enrolTwoFactor(t, member.browser);
    const patched = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/settings/security`,
      token: account.token,
      body: { require_two_factor: true },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    nextStep(t);

    const refused = await member.browser.call({
      method: 'DELETE',
      url: '/v1/me/two-factor',
      body: { code: totpCode(t, secret) },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ detail: string }>().detail).toMatch(/cannot be turned off: Strict Corp requires it/);
    expect((await twoFactorRow(member.userId))?.enabledAt).not.toBeNull();
    // the refusal did not spend the code
    const pending = await startSignIn(t, member.email, GOOD_PASSWORD);
    expect((await secondStep(t, pending, { code: totpCode(t, secret) })).statusCode).toBe(200);
  });
});
