import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '../../core/secrets.js';
import { dbTimestampMs } from '../../core/time.js';
import { auditEvents, identityLinks, mailOutbox } from '../../db/schema/index.js';
import { findOutboxMessages } from '../../mail/outbox.store.js';
import { TEST_PUBLIC_URL, useTestApp } from '../../../test/app.js';
import { createAccount, type TestAccount } from '../../../test/factories.js';
import { addMember, canSignIn, GOOD_PASSWORD, isPasswordOf, signIn } from '../../../test/sign-in.js';

const t = useTestApp();

interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const RESET_LINK = /\/reset-password\/(stwr_[A-Za-z0-9_-]{43})/;
const NEW_PASSWORD = 'a brand new passphrase 7';

const forgot = (email: string) => t.call({ method: 'POST', url: '/v1/auth/password/forgot', body: { email } });
const reset = (token: string, password: string) =>
  t.call({ method: 'POST', url: '/v1/auth/password/reset', body: { token, password } });

/** The token of the newest reset link mailed to `email`, read from the outbox. */
async function resetTokenFor(email: string): Promise<string> {
  const mails = (await findOutboxMessages(t.db, email)).filter((m) => m.template === 'password_reset');
  const token = RESET_LINK.exec(mails.at(-1)?.textBody ?? '')?.[1];
  if (token === undefined) throw new Error(`No reset link in the outbox for ${email}`);
  return token;
}

async function member(account?: TestAccount) {
  const { accountId } = account ?? (await createAccount(t));
  return addMember(t, accountId);
}

describe('POST /v1/auth/password/forgot', () => {
  it('mails a one-hour link to {PUBLIC_URL}/reset-password/{token} and keeps only its keyed hash', async () => {
    const person = await member();
    const res = await forgot(` ${person.email.toUpperCase()} `);
    expect(res.statusCode).toBe(202);

    const [mail] = (await findOutboxMessages(t.db, person.email)).filter((m) => m.template === 'password_reset');
    expect(mail).toMatchObject({ accountId: null, subject: 'Reset your Steward password' });
    const token = await resetTokenFor(person.email);
    expect(mail?.textBody).toContain(`${TEST_PUBLIC_URL}/reset-password/${token}`);
    expect(mail?.htmlBody).toContain(`href="${TEST_PUBLIC_URL}/reset-password/${token}"`);

    const links = await t.db.select().from(identityLinks).where(eq(identityLinks.identityId, person.userId));
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      purpose: 'password_reset',
      tokenHash: keyedHash(t.config.secret, 'identity-link', token),
      usedAt: null,
    });
    expect(JSON.stringify(links)).not.toContain(token);
    const [link] = links;
    expect(link && dbTimestampMs(link.expiresAt) - dbTimestampMs(link.createdAt)).toBe(3_600_000);
  });

  it('answers an unknown email exactly as a known one, and mails nothing', async () => {
    const person = await member();
    const known = await forgot(person.email);
    const unknown = await forgot('nobody-here@example.com');
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-length']).toBe(known.headers['content-length']);
    expect(await findOutboxMessages(t.db, 'nobody-here@example.com')).toEqual([]);
  });

  it('refuses a body that is not just an email', async () => {
    const res = await t.call({ method: 'POST', url: '/v1/auth/password/forgot', body: { email: 'a@b.c', x: 1 } });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: Problem[] }>().detail[0]?.type).toBe('extra_forbidden');
    const empty = await t.call({ method: 'POST', url: '/v1/auth/password/forgot', body: {} });
    expect(empty.statusCode).toBe(422);
  });
});

describe('POST /v1/auth/password/reset', () => {
  it('sets the new password, ends every session of the person, and is audited', async () => {
    const account = await createAccount(t);
    const person = await member(account);
    const other = await signIn(t, person.email, GOOD_PASSWORD);
    await forgot(person.email);

    const res = await reset(await resetTokenFor(person.email), NEW_PASSWORD);
    expect(res.statusCode, res.body).toBe(204);
    expect(await isPasswordOf(t, person.userId, GOOD_PASSWORD)).toBe(false);
    expect(await canSignIn(t, person.email, NEW_PASSWORD)).toBe(true);
    expect((await person.browser.call({ method: 'GET', url: '/v1/me' })).statusCode).toBe(401);
    expect((await other.call({ method: 'GET', url: '/v1/me' })).statusCode).toBe(401);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.accountId), eq(auditEvents.action, 'password.reset')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetId: person.userId, after: { sessions_ended: 2 } });
  });

  it('works once: a second use is 410', async () => {
    const person = await member();
    await forgot(person.email);
    const token = await resetTokenFor(person.email);
    expect((await reset(token, NEW_PASSWORD)).statusCode).toBe(204);
    const again = await reset(token, 'yet another passphrase 8');
    expect(again.statusCode).toBe(410);
    expect(again.json<{ detail: string }>().detail).toContain('already used');
    expect(await canSignIn(t, person.email, NEW_PASSWORD)).toBe(true);
  });

  it('works once even when used twice at the same moment', async () => {
    const person = await member();
    await forgot(person.email);
    const token = await resetTokenFor(person.email);
    const answers = await Promise.all([reset(token, NEW_PASSWORD), reset(token, 'yet another passphrase 8')]);
    expect(answers.map((res) => res.statusCode).sort()).toEqual([204, 410]);
  });

  it('answers a reset and a new request for the same person at the same moment without a deadlock', async () => {
    const person = await member();
    await forgot(person.email);
    const token = await resetTokenFor(person.email);
    const [asked, used] = await Promise.all([forgot(person.email), reset(token, NEW_PASSWORD)]);
    expect(asked.statusCode).toBe(202);
    expect([204, 410]).toContain(used.statusCode);
  });

  it('stops working after one hour (410)', async () => {
    const person = await member();
    await forgot(person.email);
    const token = await resetTokenFor(person.email);
    t.clock.advance(60 * 60_000);
    expect((await reset(token, NEW_PASSWORD)).statusCode).toBe(410);
    expect(await canSignIn(t, person.email, GOOD_PASSWORD)).toBe(true);
  });

  it('works until the hour is over', async () => {
    const person = await member();
    await forgot(person.email);
    const token = await resetTokenFor(person.email);
    t.clock.advance(59 * 60_000);
    expect((await reset(token, NEW_PASSWORD)).statusCode).toBe(204);
  });

  it('makes older links useless once a newer one is asked for', async () => {
    const person = await member();
    await forgot(person.email);
    const older = await resetTokenFor(person.email);
    t.clock.advance(1_000);
    await forgot(person.email);
    const newer = await resetTokenFor(person.email);
    expect(newer).not.toBe(older);

    const stale = await reset(older, NEW_PASSWORD);
    expect(stale.statusCode).toBe(410);
    expect(stale.json<{ detail: string }>().detail).toContain('replaced by a newer one');
    expect((await reset(newer, NEW_PASSWORD)).statusCode).toBe(204);
  });

  it('answers 404 for a token no link has, well-formed or not', async () => {
    const forged = `stwr_${'A'.repeat(43)}`;
    expect((await reset(forged, NEW_PASSWORD)).statusCode).toBe(404);
    expect((await reset('not-a-token', NEW_PASSWORD)).statusCode).toBe(404);
  });

  it('checks the new password against the policy of every account, and leaves the link usable when refused', async () => {
    const account = await createAccount(t);
    const patched = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/settings/security`,
      token: account.token,
      body: { password_policy: { min_length: 20, character_classes: 3 } },
    });
    expect(patched.statusCode).toBe(200);
    const person = await addMember(t, account.accountId, { password: 'Twenty characters 20' });
    await forgot(person.email);
    const token = await resetTokenFor(person.email);

    const refused = await reset(token, 'password');
    expect(refused.statusCode).toBe(422);
    const detail = refused.json<{ detail: Problem[] }>().detail;
    expect(detail.map((p) => p.type)).toEqual([
      'value_error.password.too_short',
      'value_error.password.common',
      'value_error.password.character_classes',
    ]);
    expect(detail.every((p) => p.loc.join('.') === 'body.password')).toBe(true);
    expect(await canSignIn(t, person.email, 'Twenty characters 20')).toBe(true);

    expect((await reset(token, 'Another Twenty-One 21')).statusCode).toBe(204);
    expect(await canSignIn(t, person.email, 'Another Twenty-One 21')).toBe(true);
  });

  it('refuses unknown fields', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/v1/auth/password/reset',
      body: { token: 'x', password: NEW_PASSWORD, email: 'a@b.c' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: Problem[] }>().detail[0]?.type).toBe('extra_forbidden');
  });
});

describe('the reset mail', () => {
  it('is queued only for an existing identity, in plain text and HTML', async () => {
    const before = (await t.db.select({ id: mailOutbox.id }).from(mailOutbox)).length;
    await forgot('still-nobody@example.com');
    expect((await t.db.select({ id: mailOutbox.id }).from(mailOutbox)).length).toBe(before);

    const person = await member();
    await forgot(person.email);
    const [mail] = (await findOutboxMessages(t.db, person.email)).filter((m) => m.template === 'password_reset');
    expect(mail?.textBody).toContain('The link works once');
    expect(mail?.htmlBody).toContain('<a href=');
  });
});
