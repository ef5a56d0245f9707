import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '../../core/secrets.js';
import { auditEvents, identities, identityLinks, memberships } from '../../db/schema/index.js';
import { findOutboxMessages } from '../../mail/outbox.store.js';
import { TEST_SECRET, useTestApp } from '../../../test/app.js';
import { addUser, createAccount } from '../../../test/factories.js';
import { addMember, GOOD_PASSWORD, invitationTokenFor, signIn } from '../../../test/sign-in.js';

const t = useTestApp();

const LINK = /http:\/\/steward\.test\/confirm-email\/(stwe_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/;
let counter = 0;
const freshEmail = (label: string): string => `${label}-${String(++counter)}@example.com`;

async function mailsTo(email: string, template: string) {
  return (await findOutboxMessages(t.db, email)).filter((m) => m.template === template);
}

/** The token of the newest email-change link mailed to `email`. */
async function linkTokenFor(email: string): Promise<string> {
  const text = (await mailsTo(email, 'email_change')).at(-1)?.textBody ?? '';
  const token = LINK.exec(text)?.[1];
  if (token === undefined) throw new Error(`No email-change link was mailed to ${email}`);
  return token;
}

async function confirm(token: string) {
  return t.call({ method: 'POST', url: '/v1/me/email/confirm', body: { token } });
}

async function identityEmail(id: string): Promise<string | undefined> {
  const [row] = await t.db.select({ email: identities.email }).from(identities).where(eq(identities.id, id));
  return row?.email;
}

describe('changing my email', () => {
  it('mails a link to the new address and a notice to the old, then moves sign-in and every account copy', async () => {
    const first = await createAccount(t);
    const second = await createAccount(t);
    const member = await addMember(t, first.accountId);
    await addUser(t, second.accountId, { userEmail: member.email });
    const accepted = await t.call({
      method: 'POST',
      url: `/v1/invitations/${await invitationTokenFor(t, member.email, second.accountId)}/accept`,
      body: { user_name: 'Member Two', password: GOOD_PASSWORD },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const newEmail = freshEmail('moved');

    const res = await member.browser.call({
      method: 'POST',
      url: '/v1/me/email',
      body: { new_email: `  ${newEmail.toUpperCase()} `, current_password: GOOD_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(202);
    const [linkMail] = await mailsTo(newEmail, 'email_change');
    expect(linkMail?.htmlBody).toContain('/confirm-email/stwe_');
    const [notice] = await mailsTo(member.email, 'email_change_notice');
    expect(notice?.textBody).toContain(newEmail);
    expect(notice?.textBody).not.toMatch(LINK);
    const token = await linkTokenFor(newEmail);
    // Only the keyed hash of the token is stored.
    const [link] = await t.db.select().from(identityLinks).where(eq(identityLinks.identityId, member.userId));
    expect(link).toMatchObject({ purpose: 'email_change', newEmail, usedAt: null });
    expect(link?.tokenHash).toBe(keyedHash(TEST_SECRET, 'identity-link', token));
    expect(await identityEmail(member.userId)).toBe(member.email);

    const confirmed = await confirm(token);
    expect(confirmed.statusCode, confirmed.body).toBe(204);
    expect(await identityEmail(member.userId)).toBe(newEmail);
    const copies = await t.db
      .select({ accountId: memberships.accountId, email: memberships.userEmail })
      .from(memberships)
      .where(eq(memberships.userId, member.userId));
    expect(copies).toHaveLength(2);
    expect(copies.every((copy) => copy.email === newEmail)).toBe(true);
    const me = await member.browser.call({ method: 'GET', url: '/v1/me' });
    expect(me.json<{ email: string }>().email).toBe(newEmail);

    const signInNew = await t.call({
      method: 'POST',
      url: '/v1/auth/login',
      body: { email: newEmail, password: GOOD_PASSWORD },
    });
    expect(signInNew.statusCode).toBe(200);
    const signInOld = await t.call({
      method: 'POST',
      url: '/v1/auth/login',
      body: { email: member.email, password: GOOD_PASSWORD },
    });
    expect(signInOld.statusCode).toBe(401);

    for (const accountId of [first.accountId, second.accountId]) {
      const audits = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, 'me.email_change')));
      expect(audits, accountId).toHaveLength(1);
      expect(audits[0]).toMatchObject({
        actorId: member.userId,
        before: { email: member.email },
        after: { email: newEmail },
      });
    }

    const reused = await confirm(token);
    expect(reused.statusCode).toBe(410);
  });

  it('needs the current password, and sends nothing when it is missing or wrong', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const newEmail = freshEmail('unproven');
    for (const body of [{ new_email: newEmail }, { new_email: newEmail, current_password: 'not my password at all' }]) {
      const res = await member.browser.call({ method: 'POST', url: '/v1/me/email', body });
      expect(res.statusCode).toBe(422);
      expect(res.json<{ detail: { loc: string[] }[] }>().detail[0]?.loc).toEqual(['body', 'current_password']);
    }
    expect(await findOutboxMessages(t.db, newEmail)).toEqual([]);
    expect(await mailsTo(member.email, 'email_change_notice')).toEqual([]);
  });

  it.each([
    ['an invalid address', { new_email: 'not an email', current_password: GOOD_PASSWORD }, ['body', 'new_email']],
    [
      'an unknown field',
      { new_email: 'x@example.com', current_password: GOOD_PASSWORD, force: true },
      ['body', 'force'],
    ],
  ])('refuses %s with a 422', async (_label, body, loc) => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const res = await member.browser.call({ method: 'POST', url: '/v1/me/email', body });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: { loc: string[] }[] }>().detail[0]?.loc).toEqual(loc);
  });

  it('refuses the email the person already has', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const res = await member.browser.call({
      method: 'POST',
      url: '/v1/me/email',
      body: { new_email: member.email, current_password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(422);
  });

  it('expires a link after an hour, and a newer request ends the older link', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    let browser = member.browser;
    const ask = async (newEmail: string): Promise<string> => {
      const res = await browser.call({
        method: 'POST',
        url: '/v1/me/email',
        body: { new_email: newEmail, current_password: GOOD_PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(202);
      return linkTokenFor(newEmail);
    };
    const late = await ask(freshEmail('late'));
    t.clock.advance(60 * 60_000);
    expect((await confirm(late)).statusCode).toBe(410);
    // An hour idle ended the session too.
    browser = await signIn(t, member.email, GOOD_PASSWORD);

    const older = await ask(freshEmail('older'));
    const newerEmail = freshEmail('newer');
    const newer = await ask(newerEmail);
    expect((await confirm(older)).statusCode).toBe(410);
    expect((await confirm(newer)).statusCode).toBe(204);
    expect(await identityEmail(member.userId)).toBe(newerEmail);
  });

  it('answers 404 for a token no link has', async () => {
    const unknown = await confirm(`stwe_${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    const malformed = await confirm('not-a-token');
    expect(malformed.statusCode).toBe(404);
  });

  it('refuses API tokens: only the signed-in person changes their email', async () => {
    const account = await createAccount(t);
    const res = await t.call({
      method: 'POST',
      url: '/v1/me/email',
      token: account.token,
      body: { new_email: freshEmail('token'), current_password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('an email that another person already has', () => {
  it('is a 409 for someone who can see that person among the account’s users', async () => {
    const account = await createAccount(t);
    const admin = await addMember(t, account.accountId, { invitation: { isAdmin: true } });
    const colleague = await addUser(t, account.accountId);
    const res = await admin.browser.call({
      method: 'POST',
      url: '/v1/me/email',
      body: { new_email: colleague.email, current_password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(409);
    expect(await mailsTo(colleague.email, 'email_in_use')).toEqual([]);
    expect(await mailsTo(admin.email, 'email_change_notice')).toEqual([]);
  });

  it('answers like a free address to anyone else, and mails no link', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const elsewhere = await createAccount(t);
    // The account's own admin is there too, but a plain member cannot list users.
    for (const taken of [account.adminEmail, elsewhere.adminEmail]) {
      const res = await member.browser.call({
        method: 'POST',
        url: '/v1/me/email',
        body: { new_email: taken, current_password: GOOD_PASSWORD },
      });
      expect(res.statusCode, taken).toBe(202);
      const [inUse] = await mailsTo(taken, 'email_in_use');
      expect(inUse?.textBody).not.toMatch(LINK);
      expect(await mailsTo(taken, 'email_change')).toEqual([]);
    }
    expect(await mailsTo(member.email, 'email_change_notice')).toHaveLength(2);
    const links = await t.db.select().from(identityLinks).where(eq(identityLinks.identityId, member.userId));
    expect(links).toEqual([]);
  });

  it('is a 409 at confirmation when the address was taken meanwhile, and nothing changes', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const wanted = freshEmail('contested');
    const res = await member.browser.call({
      method: 'POST',
      url: '/v1/me/email',
      body: { new_email: wanted, current_password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(202);
    const token = await linkTokenFor(wanted);
    const other = await createAccount(t);
    await addUser(t, other.accountId, { userEmail: wanted });

    const confirmed = await confirm(token);
    expect(confirmed.statusCode, confirmed.body).toBe(409);
    expect(await identityEmail(member.userId)).toBe(member.email);
    const [link] = await t.db.select().from(identityLinks).where(eq(identityLinks.identityId, member.userId));
    expect(link?.usedAt).toBeNull();
  });
});
