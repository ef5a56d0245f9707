import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { and, asc, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { keyedHash } from '../../core/secrets.js';
import { dbTimestampMs, toWireTimestamp } from '../../core/time.js';
import {
  auditEvents,
  identities,
  invitations,
  mailOutbox,
  membershipRoles,
  memberships,
} from '../../db/schema/index.js';
import { drainBacklog, drainOutbox } from '../../mail/outbox.js';
import { createMailTransport } from '../../mail/transport.js';
import { useTestApp, type TestApp } from '../../../test/app.js';
import { addUser, createAccount, type TestAccount } from '../../../test/factories.js';
import type { UserResponse } from './users.schemas.js';

interface ReceivedMail {
  from: string | null;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback, started before the app so its port can go in SMTP_URL. */
const received: ReceivedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  // Plain SMTP on loopback: without this nodemailer would upgrade to TLS against a self-signed certificate.
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const { mailFrom, rcptTo } = session.envelope;
      received.push({
        from: mailFrom === false ? null : mailFrom.address,
        to: rcptTo.map((recipient) => recipient.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      callback();
    });
  },
});
await new Promise<void>((resolve) => {
  smtp.listen(0, '127.0.0.1', resolve);
});
const smtpAddress = smtp.server.address();
if (smtpAddress === null || typeof smtpAddress === 'string') throw new Error('The SMTP server has no port');

const t = useTestApp({ SMTP_URL: `smtp://127.0.0.1:${String(smtpAddress.port)}` });

/** Asymmetric matchers, typed as the values they stand for. */
const anyString: unknown = expect.any(String);
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
const including = (fields: object): unknown => expect.objectContaining(fields);

afterAll(async () => {
  await new Promise<void>((resolve) => {
    smtp.close(resolve);
  });
});

interface Problem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const INVITATION_TTL_MS = 72 * 3_600_000;
const MISSING_ID = 'ffffffffffffffffffffffff';
const LINK = /http:\/\/steward\.test\/invitations\/(stwi_[0-9a-f]{24}_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g;
const DEFAULT_ONBOARDING = {
  know_rivery_step: {
    onboarding_river_types: { status: false, update_time: null },
    onboarding_rivery_introduction: { status: false, update_time: null },
  },
  data_connections_step: { onboarding_add_connection: false },
  data_pipeline_step: { onboarding_create_s2t: false, onboarding_view_activities: false },
  transform_and_orchestrate_step: null,
  pre_built_solutions_step: null,
  invite_member_step: null,
};

let emailCounter = 0;
const newEmail = (label: string): string => `${label}-${String(++emailCounter)}@example.com`;

function environmentId(account: TestAccount, name: string): string {
  const id = account.environments[name];
  if (id === undefined) throw new Error(`The account has no ${name} environment`);
  return id;
}

const invite = (account: TestAccount, body: Record<string, unknown>, app: TestApp = t) =>
  app.call({
    method: 'POST',
    url: `/v1/accounts/${account.accountId}/users/invite`,
    token: account.token,
    body: { user_name: 'New Person', environments: {}, allow_login_password: true, ...body },
  });

const inviteRaw = (account: TestAccount, body: unknown) =>
  t.call({ method: 'POST', url: `/v1/accounts/${account.accountId}/users/invite`, token: account.token, body });

const reInvite = (account: TestAccount, body: unknown) =>
  t.call({ method: 'POST', url: `/v1/accounts/${account.accountId}/users/re_invite`, token: account.token, body });

function userOf(res: LightMyRequestResponse): UserResponse {
  expect(res.statusCode).toBe(200);
  return res.json<UserResponse>();
}

function problemsOf(res: LightMyRequestResponse): Problem[] {
  expect(res.statusCode).toBe(422);
  return res.json<{ detail: Problem[] }>().detail;
}

/** Sends what the outbox holds, through the transport the config asks for. */
async function deliverMail(app: TestApp = t): Promise<number> {
  const transport = createMailTransport(app.config, app.deps.log);
  try {
    return (await drainOutbox(app.deps, transport)).delivered;
  } finally {
    transport.close();
  }
}

/** The message's text with quoted-printable soft breaks and escapes undone. */
function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

interface MailParts {
  headers: string;
  text: string;
  html: string;
}

/** The headers, the text part and the HTML part of a multipart/alternative message. */
function partsOf(raw: string): MailParts {
  const normalized = raw.replace(/\r\n/g, '\n');
  const headerEnd = normalized.indexOf('\n\n');
  const headers = normalized.slice(0, headerEnd);
  const boundary = /boundary="([^"]+)"/.exec(headers)?.[1];
  if (boundary === undefined) throw new Error('The mail is not multipart');
  const parts = normalized
    .slice(headerEnd)
    .split(`--${boundary}`)
    .map((part) => {
      const bodyStart = part.indexOf('\n\n');
      return { head: part.slice(0, bodyStart), body: decodeQuotedPrintable(part.slice(bodyStart + 2)) };
    });
  const part = (type: string): string => {
    const found = parts.find((p) => p.head.includes(`Content-Type: ${type}`));
    if (found === undefined) throw new Error(`The mail has no ${type} part`);
    return found.body;
  };
  return { headers, text: part('text/plain'), html: part('text/html') };
}

function mailsTo(email: string): ReceivedMail[] {
  return received.filter((mail) => mail.to.includes(email));
}

function onlyMailTo(email: string): ReceivedMail {
  const mails = mailsTo(email);
  expect(mails).toHaveLength(1);
  const [mail] = mails;
  if (mail === undefined) throw new Error(`No mail to ${email}`);
  return mail;
}

/** Every link token in the text, in order. */
function tokensIn(text: string): string[] {
  return [...text.matchAll(LINK)].map((match) => match[1] ?? '');
}

function tokenOf(mail: ReceivedMail): string {
  const { text, html } = partsOf(mail.raw);
  const [token] = tokensIn(text);
  if (token === undefined) throw new Error('The mail carries no invitation link');
  expect(tokensIn(text)).toEqual([token]);
  expect(tokensIn(html)).toEqual([token]);
  return token;
}

async function invitationsOf(accountId: string, userId: string) {
  return t.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.accountId, accountId), eq(invitations.userId, userId)))
    .orderBy(asc(invitations.createdAt), asc(invitations.id));
}

async function outboxTo(email: string, app: TestApp = t) {
  return app.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(asc(mailOutbox.createdAt));
}

/** What a refused invitation must leave as it was. */
async function accountState(accountId: string) {
  const users = await t.db
    .select()
    .from(memberships)
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(memberships.userId));
  const roles = await t.db
    .select()
    .from(membershipRoles)
    .where(eq(membershipRoles.accountId, accountId))
    .orderBy(asc(membershipRoles.userId), asc(membershipRoles.environmentId));
  const links = await t.db
    .select()
    .from(invitations)
    .where(eq(invitations.accountId, accountId))
    .orderBy(asc(invitations.id));
  const mail = await t.db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(eq(mailOutbox.accountId, accountId))
    .orderBy(asc(mailOutbox.id));
  const audit = await t.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.accountId, accountId))
    .orderBy(asc(auditEvents.id));
  return { users, roles, links, mail, audit };
}

async function identitiesWithEmail(email: string) {
  return t.db.select().from(identities).where(eq(identities.email, email));
}

describe('POST /users/invite', () => {
  it('creates an invited member with a lower-cased email, default flags and the default onboarding', async () => {
    const account = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const email = newEmail('grace');

    const user = userOf(
      await invite(account, {
        user_name: 'Grace Hopper',
        user_email: `  ${email.toUpperCase()} `,
        environments: { [prod]: { role: 'developer' } },
      }),
    );

    const now = toWireTimestamp(t.clock.now());
    expect(user).toEqual({
      user_id: matching(/^[0-9a-f]{24}$/),
      user_email: email,
      user_name: 'Grace Hopper',
      environments: { [prod]: { role: 'developer' } },
      is_admin: false,
      status: 'invited',
      created_at: now,
      last_login: null,
      updated_at: now,
      groups: [],
      source: 'rivery',
      invited_by: account.adminEmail,
      is_active: true,
      onboarding: DEFAULT_ONBOARDING,
      is_super_admin: false,
      allow_login_password: true,
      allow_login_google: false,
      allow_login_sso: false,
    });
    const got = await t.call({
      method: 'GET',
      url: `/v1/accounts/${account.accountId}/users/${user.user_id}`,
      token: account.token,
    });
    expect(userOf(got)).toEqual(user);
    const [identity, ...others] = await identitiesWithEmail(email);
    expect(others).toEqual([]);
    expect(identity).toMatchObject({ id: user.user_id, passwordHash: null });
  });

  it('treats null optional flags as their default, false', async () => {
    const account = await createAccount(t);
    const user = userOf(
      await invite(account, {
        user_email: newEmail('nulls'),
        is_admin: null,
        allow_login_google: null,
        allow_login_sso: null,
        is_re_invite: null,
      }),
    );
    expect(user).toMatchObject({ is_admin: false, allow_login_google: false, allow_login_sso: false });
  });

  it('sets the optional flags when given', async () => {
    const account = await createAccount(t);
    const user = userOf(
      await invite(account, {
        user_email: newEmail('flags'),
        allow_login_password: false,
        is_admin: true,
        allow_login_google: true,
        allow_login_sso: true,
      }),
    );
    expect(user).toMatchObject({
      is_admin: true,
      allow_login_password: false,
      allow_login_google: true,
      allow_login_sso: true,
      status: 'invited',
    });
  });

  it('refuses an invalid email at user_email and creates nothing', async () => {
    const account = await createAccount(t);
    const state = await accountState(account.accountId);

    for (const email of [
      'not-an-email',
      'user@',
      '@example.com',
      'a@b',
      'two@@example.com',
      'dots..in@example.com',
      '.leading@example.com',
      'space in@example.com',
      'user@exa mple.com',
      'user@example',
      'user@-example.com',
      'ab',
      `${'a'.repeat(65)}@example.com`,
    ]) {
      const problems = problemsOf(await invite(account, { user_email: email }));
      expect(problems.map((p) => p.loc)).toEqual([['body', 'user_email']]);
      expect(await identitiesWithEmail(email.toLowerCase())).toEqual([]);
    }
    expect(problemsOf(await invite(account, { user_email: 42 }))).toEqual([
      { loc: ['body', 'user_email'], msg: 'Input should be a valid string', type: 'string_type' },
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('requires a user_name that is not blank', async () => {
    const account = await createAccount(t);
    const state = await accountState(account.accountId);
    const email = newEmail('nameless');

    expect(
      problemsOf(await inviteRaw(account, { user_email: email, environments: {}, allow_login_password: true })),
    ).toEqual([{ loc: ['body', 'user_name'], msg: 'Field required', type: 'missing' }]);
    expect(problemsOf(await invite(account, { user_email: email, user_name: '' }))).toEqual([
      { loc: ['body', 'user_name'], msg: anyString, type: 'string_too_short' },
    ]);
    expect(problemsOf(await invite(account, { user_email: email, user_name: '   ' })).map((p) => p.loc)).toEqual([
      ['body', 'user_name'],
    ]);
    expect(problemsOf(await invite(account, { user_email: email, user_name: null })).map((p) => p.type)).toEqual([
      'string_type',
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
    expect(await identitiesWithEmail(email)).toEqual([]);
  });

  it('requires allow_login_password as a boolean', async () => {
    const account = await createAccount(t);
    const state = await accountState(account.accountId);
    const email = newEmail('nopassword');

    expect(problemsOf(await inviteRaw(account, { user_name: 'X', user_email: email, environments: {} }))).toEqual([
      { loc: ['body', 'allow_login_password'], msg: 'Field required', type: 'missing' },
    ]);
    expect(problemsOf(await invite(account, { user_email: email, allow_login_password: null }))).toEqual([
      { loc: ['body', 'allow_login_password'], msg: 'Input should be a valid boolean', type: 'bool_type' },
    ]);
    expect(problemsOf(await invite(account, { user_email: email, is_admin: 'true' }))).toEqual([
      { loc: ['body', 'is_admin'], msg: 'Input should be a valid boolean', type: 'bool_type' },
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('refuses an unknown field', async () => {
    const account = await createAccount(t);
    const state = await accountState(account.accountId);
    expect(problemsOf(await invite(account, { user_email: newEmail('extra'), password: 'hunter2' }))).toEqual([
      { loc: ['body', 'password'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
    ]);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('refuses unknown environments and roles at their place and creates nothing', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const foreign = environmentId(other, 'Production');
    const email = newEmail('badenv');
    const state = await accountState(account.accountId);

    const problems = problemsOf(
      await invite(account, {
        user_email: email,
        environments: { [prod]: { role: 'wizard' }, [MISSING_ID]: { role: 'viewer' }, [foreign]: { role: 'viewer' } },
      }),
    );

    expect(problems.map((p) => p.loc)).toEqual(
      expect.arrayContaining([
        ['body', 'environments', prod, 'role'],
        ['body', 'environments', MISSING_ID],
        ['body', 'environments', foreign],
      ]),
    );
    expect(problems).toHaveLength(3);
    expect(await accountState(account.accountId)).toEqual(state);
    expect(await identitiesWithEmail(email)).toEqual([]);
    expect(await outboxTo(email)).toEqual([]);
  });

  it('answers 409 for an existing member, whatever the case of the email, and changes nothing', async () => {
    const account = await createAccount(t);
    const email = newEmail('twice');
    userOf(await invite(account, { user_email: email }));
    const state = await accountState(account.accountId);

    for (const again of [email, email.toUpperCase()]) {
      const res = await invite(account, { user_email: again, user_name: 'Someone Else', is_admin: true });
      expect(res.statusCode).toBe(409);
      expect(res.json<{ detail: string }>().detail).toMatch(/already exists/);
    }
    const asFalse = await invite(account, { user_email: email, is_re_invite: false });
    expect(asFalse.statusCode).toBe(409);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('updates an invited member on re-invite, keeping their id', async () => {
    const account = await createAccount(t);
    const prod = environmentId(account, 'Production');
    const staging = environmentId(account, 'Staging');
    const email = newEmail('again');
    const first = userOf(await invite(account, { user_email: email, environments: { [prod]: { role: 'viewer' } } }));

    const second = userOf(
      await invite(account, {
        user_email: email,
        is_re_invite: true,
        is_admin: true,
        environments: { [staging]: { role: 'developer' } },
      }),
    );

    expect(second).toMatchObject({
      user_id: first.user_id,
      status: 'invited',
      is_admin: true,
      environments: { [staging]: { role: 'developer' } },
    });
  });

  it('invites a new person normally when is_re_invite is true', async () => {
    const account = await createAccount(t);
    const email = newEmail('fresh');
    expect(userOf(await invite(account, { user_email: email, is_re_invite: true }))).toMatchObject({
      user_email: email,
      status: 'invited',
    });
  });

  it('answers 409 for an active member even with is_re_invite, and changes nothing', async () => {
    const account = await createAccount(t);
    const state = await accountState(account.accountId);

    const res = await invite(account, { user_email: account.adminEmail, is_re_invite: true, is_admin: false });

    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toMatch(/already accepted/);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('gives a person who is in another account a membership here with the same user_id', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const email = newEmail('shared');
    const elsewhere = await addUser(t, other.accountId, { userEmail: email, userName: 'Name Elsewhere' });
    const theirs = await accountState(other.accountId);

    const here = userOf(await invite(account, { user_email: email.toUpperCase(), user_name: 'Name Here' }));

    expect(here).toMatchObject({ user_id: elsewhere.userId, user_email: email, user_name: 'Name Here' });
    expect(await identitiesWithEmail(email)).toHaveLength(1);
    expect(await accountState(other.accountId)).toEqual(theirs);
    const res = await t.call({
      method: 'GET',
      url: `/v1/accounts/${other.accountId}/users/${elsewhere.userId}`,
      token: other.token,
    });
    expect(userOf(res).user_name).toBe('Name Elsewhere');
  });

  it('answers 404 on another account’s path and creates nothing there', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const theirs = await accountState(other.accountId);
    const email = newEmail('crosstenant');

    const res = await t.call({
      method: 'POST',
      url: `/v1/accounts/${other.accountId}/users/invite`,
      token: account.token,
      body: { user_name: 'X', user_email: email, environments: {}, allow_login_password: true },
    });

    expect(res.statusCode).toBe(404);
    expect(await accountState(other.accountId)).toEqual(theirs);
    expect(await identitiesWithEmail(email)).toEqual([]);
  });

  it('records the invitation in the audit log, with actor and request id', async () => {
    const account = await createAccount(t);
    const email = newEmail('audited');
    const res = await t.call({
      method: 'POST',
      url: `/v1/accounts/${account.accountId}/users/invite`,
      token: account.token,
      body: { user_name: 'Audited', user_email: email, environments: {}, allow_login_password: true },
      headers: { 'x-request-id': 'invite-audit-1' },
    });
    const user = userOf(res);

    const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.requestId, 'invite-audit-1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      accountId: account.accountId,
      action: 'user.invite',
      actorType: 'token',
      actorId: account.adminId,
      targetType: 'user',
      targetId: user.user_id,
      before: null,
      after: including({ user_email: email, status: 'invited' }),
      clientIp: '127.0.0.1',
    });
  });
});

describe('the invitation mail', () => {
  it('reaches the invitee with a single-use link and no password', async () => {
    const account = await createAccount(t, { name: 'Acme Data' });
    const email = newEmail('mailed');
    const user = userOf(await invite(account, { user_email: email, user_name: 'Mailed Person' }));
    const expiresAt = new Date(t.clock.now().getTime() + INVITATION_TTL_MS);

    expect(await deliverMail()).toBeGreaterThanOrEqual(1);

    const mail = onlyMailTo(email);
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe('no-reply@steward.localhost');
    const { headers, text, html } = partsOf(mail.raw);
    expect(headers).toMatch(/^Subject: You are invited to Acme Data$/m);
    expect(headers).toMatch(new RegExp(`^To: ${email.replace('.', '\\.')}$`, 'm'));
    const token = tokenOf(mail);
    expect(token.startsWith(`stwi_${account.accountId}_`)).toBe(true);
    expect(text).toContain(`http://steward.test/invitations/${token}`);
    expect(text).toContain('Hello Mailed Person,');
    expect(text).toContain(`${account.adminEmail} invited you to the Acme Data account.`);
    expect(text).toContain(`expires on ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    for (const part of [text, html]) {
      // Nothing secret but the link: no password given on the same line, no other random string.
      expect(part).not.toMatch(/password(?: is|:|=)[ \t]*\S/i);
      expect(part.replaceAll(token, '')).not.toMatch(/[A-Za-z0-9_-]{20,}/);
    }
    const [identity] = await identitiesWithEmail(email);
    expect(identity?.passwordHash).toBeNull();
    expect(user.user_email).toBe(email);
  });

  it('stores only a keyed hash of the link token, valid for 72 hours', async () => {
    const account = await createAccount(t);
    const email = newEmail('hashed');
    t.clock.advance(12_345);
    const createdAt = t.clock.now();
    const user = userOf(await invite(account, { user_email: email }));
    await deliverMail();
    const token = tokenOf(onlyMailTo(email));

    const rows = await invitationsOf(account.accountId, user.user_id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      tokenHash: keyedHash(t.config.secret, 'invitation', token),
      invitedById: account.adminId,
      acceptedAt: null,
      revokedAt: null,
    });
    // The secret may itself contain '_': it is everything after the prefix and the account id.
    const secretPart = token.slice('stwi_'.length + 24 + 1);
    for (const value of Object.values(row ?? {})) {
      expect(String(value)).not.toContain(secretPart);
    }
    expect(dbTimestampMs(row?.createdAt ?? '')).toBe(createdAt.getTime());
    expect(dbTimestampMs(row?.expiresAt ?? '') - dbTimestampMs(row?.createdAt ?? '')).toBe(INVITATION_TTL_MS);
  });

  it('erases the outbox bodies once the mail is delivered', async () => {
    const account = await createAccount(t);
    const email = newEmail('erased');
    userOf(await invite(account, { user_email: email }));
    const [queued] = await outboxTo(email);
    expect(queued).toMatchObject({ template: 'invitation', sentAt: null, attempts: 0, accountId: account.accountId });
    expect(queued?.textBody).toMatch(LINK);

    t.clock.advance(1_000);
    await deliverMail();
    const token = tokenOf(onlyMailTo(email));

    const rows = await outboxTo(email);
    expect(rows).toHaveLength(1);
    const [sent] = rows;
    expect(sent).toMatchObject({ textBody: null, htmlBody: null, lastError: null, failedAt: null, attempts: 1 });
    expect(dbTimestampMs(sent?.sentAt ?? '')).toBe(t.clock.now().getTime());
    // The secret may itself contain '_': it is everything after the prefix and the account id.
    const secretPart = token.slice('stwi_'.length + 24 + 1);
    expect(JSON.stringify(sent)).not.toContain(secretPart);

    expect(await deliverMail()).toBe(0);
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('escapes the names it shows in the HTML part', async () => {
    const account = await createAccount(t, { name: 'R&D <Team>' });
    const email = newEmail('escaped');
    userOf(await invite(account, { user_email: email, user_name: '<img src=x onerror=alert(1)>' }));
    await deliverMail();

    const { html, text } = partsOf(onlyMailTo(email).raw);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('R&amp;D &lt;Team&gt;');
    expect(html).not.toContain('<img');
    expect(text).toContain('Hello <img src=x onerror=alert(1)>,');
  });

  it('delivers a backlog bigger than one batch in one drain, each mail once', async () => {
    const account = await createAccount(t);
    const emails = Array.from({ length: 45 }, (_, n) => newEmail(`burst${String(n)}`));
    for (const email of emails) expect((await invite(account, { user_email: email })).statusCode).toBe(200);

    const transport = createMailTransport(t.config, t.deps.log);
    try {
      expect(await drainBacklog(t.deps, transport)).toBe(emails.length);
    } finally {
      transport.close();
    }
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
    expect(await deliverMail()).toBe(0);
  });

  it('sends nothing for a refused invitation', async () => {
    const account = await createAccount(t);
    const email = newEmail('refused');
    expect(
      (await invite(account, { user_email: email, environments: { [MISSING_ID]: { role: 'x' } } })).statusCode,
    ).toBe(422);
    expect((await invite(account, { user_email: account.adminEmail, is_re_invite: true })).statusCode).toBe(409);
    await deliverMail();
    expect(mailsTo(email)).toEqual([]);
    expect(mailsTo(account.adminEmail)).toEqual([]);
    expect(await outboxTo(account.adminEmail)).toEqual([]);
  });
});

describe('re-invite', () => {
  async function expectReplacedLink(account: TestAccount, email: string, send: () => Promise<LightMyRequestResponse>) {
    const user = userOf(await invite(account, { user_email: email }));
    await deliverMail();
    const firstToken = tokenOf(onlyMailTo(email));
    t.clock.advanceHours(1);
    const reInvitedAt = t.clock.now();

    const again = userOf(await send());

    expect(again).toMatchObject({ user_id: user.user_id, user_email: email, status: 'invited' });
    const rows = await invitationsOf(account.accountId, user.user_id);
    expect(rows).toHaveLength(2);
    const [old, current] = rows;
    expect(old?.tokenHash).toBe(keyedHash(t.config.secret, 'invitation', firstToken));
    expect(dbTimestampMs(old?.revokedAt ?? '')).toBe(reInvitedAt.getTime());
    expect(current?.revokedAt).toBeNull();
    expect(dbTimestampMs(current?.expiresAt ?? '')).toBe(reInvitedAt.getTime() + INVITATION_TTL_MS);

    await deliverMail();
    const mails = mailsTo(email);
    expect(mails).toHaveLength(2);
    const secondToken = tokenOf(mails[1] ?? { from: null, to: [], raw: '' });
    expect(secondToken).not.toBe(firstToken);
    expect(current?.tokenHash).toBe(keyedHash(t.config.secret, 'invitation', secondToken));
  }

  it('POST /users/re_invite revokes the previous link and mails a new one', async () => {
    const account = await createAccount(t);
    const email = newEmail('reinvite');
    await expectReplacedLink(account, email, () => reInvite(account, { user_email: email.toUpperCase() }));
  });

  it('POST /users/invite with is_re_invite revokes the previous link and mails a new one', async () => {
    const account = await createAccount(t);
    const email = newEmail('reinvite-flag');
    await expectReplacedLink(account, email, () => invite(account, { user_email: email, is_re_invite: true }));
  });

  it('records a re-invitation in the audit log', async () => {
    const account = await createAccount(t);
    const email = newEmail('reinvite-audit');
    const user = userOf(await invite(account, { user_email: email }));
    userOf(
      await t.call({
        method: 'POST',
        url: `/v1/accounts/${account.accountId}/users/re_invite`,
        token: account.token,
        body: { user_email: email },
        headers: { 'x-request-id': 'reinvite-audit-1' },
      }),
    );
    const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.requestId, 'reinvite-audit-1'));
    expect(rows).toEqual([including({ action: 'user.reinvite', targetId: user.user_id, actorId: account.adminId })]);
  });

  it('answers 404 for an email that is not a member here, and writes nothing', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const elsewhere = await addUser(t, other.accountId, { userEmail: newEmail('elsewhere') });
    const state = await accountState(account.accountId);
    const theirs = await accountState(other.accountId);

    for (const email of [newEmail('nobody'), elsewhere.email]) {
      const res = await reInvite(account, { user_email: email });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: 'User not found' });
    }
    expect(await accountState(account.accountId)).toEqual(state);
    expect(await accountState(other.accountId)).toEqual(theirs);
  });

  it('answers 409 for a user who has already accepted, and writes nothing', async () => {
    const account = await createAccount(t);
    const state = await accountState(account.accountId);

    const res = await reInvite(account, { user_email: account.adminEmail });

    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toMatch(/already accepted/);
    expect(await accountState(account.accountId)).toEqual(state);
  });

  it('validates its body', async () => {
    const account = await createAccount(t);
    expect(problemsOf(await reInvite(account, { user_email: 'nope' })).map((p) => p.loc)).toEqual([
      ['body', 'user_email'],
    ]);
    expect(problemsOf(await reInvite(account, {}))).toEqual([
      { loc: ['body', 'user_email'], msg: 'Field required', type: 'missing' },
    ]);
    expect(problemsOf(await reInvite(account, { user_email: 'a@example.com', is_admin: true }))).toEqual([
      { loc: ['body', 'is_admin'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
    ]);
  });
});

describe('without SMTP_URL', () => {
  const local = useTestApp();

  it('writes the mail as an .eml file under the data folder and erases the outbox body', async () => {
    expect(local.config.smtpUrl).toBeNull();
    const account = await createAccount(local);
    const email = newEmail('filed');
    userOf(await invite(account, { user_email: email }, local));
    const [queued] = await outboxTo(email, local);
    if (queued === undefined) throw new Error('Nothing was queued');

    expect(await deliverMail(local)).toBe(1);

    const folder = join(local.config.dataDir, 'mail');
    expect(readdirSync(folder)).toEqual([`${queued.id}.eml`]);
    const raw = readFileSync(join(folder, `${queued.id}.eml`), 'utf8');
    const { headers, text } = partsOf(raw);
    expect(headers).toMatch(new RegExp(`^To: ${email.replace('.', '\\.')}$`, 'm'));
    const [token] = tokensIn(text);
    expect(token?.startsWith(`stwi_${account.accountId}_`)).toBe(true);
    expect(mailsTo(email)).toEqual([]);
    const [sent] = await outboxTo(email, local);
    expect(sent).toMatchObject({ textBody: null, htmlBody: null, attempts: 1 });
    expect(sent?.sentAt).not.toBeNull();
  });
});
