import { and, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, mailOutbox } from '../../db/schema/index.js';
import { drainBacklog } from '../../mail/outbox.js';
import { createMailTransport } from '../../mail/transport.js';
import { useTestApp } from '../../../test/app.js';
import { createAccount, issueToken, type TestAccount } from '../../../test/factories.js';
import { addMember, type Browser } from '../../../test/sign-in.js';
import { startTestSmtp } from '../../../test/smtp.js';
import { ALL_SCOPE_KEYS } from '../api-tokens/api-tokens.scopes.js';

const smtp = await startTestSmtp();
const t = useTestApp({ SMTP_URL: smtp.url });
const received = smtp.accepted;

afterAll(async () => {
  await smtp.close();
});

/** Sends everything the outbox holds to the SMTP server. */
async function deliverAll(): Promise<number> {
  const transport = createMailTransport(t.config, t.deps.log);
  try {
    return await drainBacklog(t.deps, transport);
  } finally {
    transport.close();
  }
}

/** Invitation mail and the like from setting up a test goes out first, so only alerts are counted. */
beforeEach(async () => {
  await deliverAll();
  received.length = 0;
});

function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ALL_OFF = { runtime_status: false, execution_status: false, user_notifications: false };

async function subscribe(browser: Browser, choices: Partial<typeof ALL_OFF>): Promise<void> {
  const res = await browser.call({ method: 'PUT', url: '/v1/me/alerts', body: { ...ALL_OFF, ...choices } });
  expect(res.statusCode, res.body).toBe(200);
}

async function publish(account: TestAccount, body: Record<string, unknown>, token = account.token) {
  return t.call({ method: 'POST', url: `/v1/accounts/${account.accountId}/events`, token, body });
}

async function outboxCount(accountId: string): Promise<number> {
  return (await t.db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.accountId, accountId))).length;
}

describe('my email alerts', () => {
  it('are all off until chosen, then replaced as a whole, for the current account only', async () => {
    const first = await createAccount(t);
    const member = await addMember(t, first.accountId);
    const before = await member.browser.call({ method: 'GET', url: '/v1/me/alerts' });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toEqual({ account_id: first.accountId, ...ALL_OFF, updated_at: null });

    const put = await member.browser.call({
      method: 'PUT',
      url: '/v1/me/alerts',
      body: { runtime_status: true, execution_status: false, user_notifications: true },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = await member.browser.call({ method: 'GET', url: '/v1/me/alerts' });
    expect(after.json()).toMatchObject({
      account_id: first.accountId,
      runtime_status: true,
      execution_status: false,
      user_notifications: true,
      updated_at: '2026-01-15T10:00:00.000000',
    });
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, first.accountId), eq(auditEvents.action, 'me.alerts')));
    expect(audit).toMatchObject({
      actorId: member.userId,
      before: null,
      after: { runtime_status: true, execution_status: false, user_notifications: true },
    });
  });

  it.each([
    ['a missing choice', { runtime_status: true, execution_status: true }, ['body', 'user_notifications']],
    ['a choice that is not a boolean', { ...ALL_OFF, runtime_status: 'yes' }, ['body', 'runtime_status']],
    ['an unknown field', { ...ALL_OFF, sms: true }, ['body', 'sms']],
  ])('refuses %s with a 422', async (_label, body, loc) => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    const res = await member.browser.call({ method: 'PUT', url: '/v1/me/alerts', body });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: { loc: string[] }[] }>().detail.map((p) => p.loc)).toContainEqual(loc);
    const now = await member.browser.call({ method: 'GET', url: '/v1/me/alerts' });
    expect(now.json()).toMatchObject({ updated_at: null });
  });

  it('refuses API tokens', async () => {
    const account = await createAccount(t);
    const res = await t.call({ method: 'GET', url: '/v1/me/alerts', token: account.token });
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /v1/accounts/{account_id}/events', () => {
  it('mails each active, accepted subscriber of the event’s kind through SMTP, and nobody else', async () => {
    const account = await createAccount(t, { name: 'Acme Data' });
    const runtime = await addMember(t, account.accountId);
    const both = await addMember(t, account.accountId);
    const notificationsOnly = await addMember(t, account.accountId);
    const deactivated = await addMember(t, account.accountId);
    await subscribe(runtime.browser, { runtime_status: true });
    await subscribe(both.browser, { runtime_status: true, execution_status: true });
    await subscribe(notificationsOnly.browser, { user_notifications: true });
    await subscribe(deactivated.browser, { runtime_status: true, execution_status: true });
    const off = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/${deactivated.userId}/active`,
      token: account.token,
      body: { is_active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    const elsewhere = await createAccount(t);
    const stranger = await addMember(t, elsewhere.accountId);
    await subscribe(stranger.browser, { runtime_status: true });
    await deliverAll();
    received.length = 0;

    const res = await publish(account, {
      type: 'runtime_status',
      subject: 'River "orders" stopped',
      message: 'The river orders failed three times in a row.\nIt is paused until someone looks.',
      severity: 'error',
      environment_id: account.environments.Production,
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ queued: 2 });
    expect(await deliverAll()).toBe(2);
    expect(received.flatMap((mail) => mail.to).sort()).toEqual([runtime.email, both.email].sort());
    const raw = decodeQuotedPrintable(received[0]?.raw ?? '');
    const [sent] = await t.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, runtime.email), eq(mailOutbox.template, 'alert')));
    expect(sent).toMatchObject({ subject: '[Acme Data] Error: River "orders" stopped' });
    expect(raw).toContain('Acme_Data');
    expect(raw).toContain('The river orders failed three times in a row.');
    expect(raw).toContain('Environment: Production');
    expect(raw).toContain('text/html');

    received.length = 0;
    const execution = await publish(account, { type: 'execution_status', subject: 'Run done', message: 'All good.' });
    expect(execution.json()).toEqual({ queued: 1 });
    await deliverAll();
    expect(received.flatMap((mail) => mail.to)).toEqual([both.email]);

    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.accountId), eq(auditEvents.action, 'event.publish')));
    expect(audits).toHaveLength(2);
    expect(audits).toContainEqual(
      expect.objectContaining({
        actorType: 'token',
        after: {
          type: 'runtime_status',
          severity: 'error',
          subject: 'River "orders" stopped',
          environment_id: account.environments.Production,
          queued: 2,
        },
      }),
    );
  });

  it('queues nothing, and answers 0, when nobody subscribed', async () => {
    const account = await createAccount(t);
    await addMember(t, account.accountId);
    const before = await outboxCount(account.accountId);
    const res = await publish(account, { type: 'user_notification', subject: 'Hello', message: 'Hi all' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ queued: 0 });
    expect(await outboxCount(account.accountId)).toBe(before);
  });

  it('answers 403 to a token without events:write, and to a member who is not an admin', async () => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    await subscribe(member.browser, { runtime_status: true });
    const before = await outboxCount(account.accountId);
    const body = { type: 'runtime_status', subject: 'Down', message: 'Everything is down' };

    const token = await issueToken(
      t,
      account.accountId,
      account.adminId,
      ALL_SCOPE_KEYS.filter((scope) => scope !== 'events:write'),
    );
    const lacking = await publish(account, body, token);
    expect(lacking.statusCode).toBe(403);
    expect(lacking.json<{ detail: string }>().detail).toContain('events:write');

    const memberToken = await issueToken(t, account.accountId, member.userId, ['events:write']);
    const notAdmin = await publish(account, body, memberToken);
    expect(notAdmin.statusCode).toBe(403);
    const bySession = await member.browser.call({
      method: 'POST',
      url: `/v1/accounts/${account.accountId}/events`,
      body,
    });
    expect(bySession.statusCode).toBe(403);
    expect(await outboxCount(account.accountId)).toBe(before);
  });

  it('answers 404 to another account’s token', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const res = await publish(account, { type: 'runtime_status', subject: 'x', message: 'y' }, other.token);
    expect(res.statusCode).toBe(404);
  });

  it.each([
    ['an unknown type', { type: 'disk_full', subject: 'x', message: 'y' }, ['body', 'type']],
    [
      'a subject of two lines',
      { type: 'runtime_status', subject: 'a\nBcc: x@example.com', message: 'y' },
      ['body', 'subject'],
    ],
    [
      'a subject over 200 characters',
      { type: 'runtime_status', subject: 's'.repeat(201), message: 'y' },
      ['body', 'subject'],
    ],
    [
      'a message over 5000 characters',
      { type: 'runtime_status', subject: 'x', message: 'm'.repeat(5001) },
      ['body', 'message'],
    ],
    ['a blank message', { type: 'runtime_status', subject: 'x', message: '   ' }, ['body', 'message']],
    [
      'an unknown severity',
      { type: 'runtime_status', subject: 'x', message: 'y', severity: 'fatal' },
      ['body', 'severity'],
    ],
    [
      'an environment of no account',
      { type: 'runtime_status', subject: 'x', message: 'y', environment_id: 'ffffffffffffffffffffffff' },
      ['body', 'environment_id'],
    ],
    ['an unknown field', { type: 'runtime_status', subject: 'x', message: 'y', to: 'all' }, ['body', 'to']],
  ])('refuses %s with a 422 and queues nothing', async (_label, body, loc) => {
    const account = await createAccount(t);
    const member = await addMember(t, account.accountId);
    await subscribe(member.browser, { runtime_status: true });
    const before = await outboxCount(account.accountId);
    const res = await publish(account, body);
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: { loc: string[] }[] }>().detail.map((p) => p.loc)).toContainEqual(loc);
    expect(await outboxCount(account.accountId)).toBe(before);
  });

  it('refuses an environment of another account', async () => {
    const account = await createAccount(t);
    const other = await createAccount(t);
    const res = await publish(account, {
      type: 'runtime_status',
      subject: 'x',
      message: 'y',
      environment_id: other.environments.Production,
    });
    expect(res.statusCode).toBe(422);
  });
});
