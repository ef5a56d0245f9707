import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { invitations, mailOutbox } from '../../db/schema/index.js';
import { drainOutbox } from '../../mail/outbox.js';
import { createMailTransport } from '../../mail/transport.js';
import { testConfig, useTestApp } from '../../../test/app.js';
import { createAccount, type TestAccount } from '../../../test/factories.js';

/** A real SMTP server on loopback, collecting what it receives. */
const received: { to: string; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpAddress = smtp.server.address();
const smtpPort = typeof smtpAddress === 'object' && smtpAddress !== null ? smtpAddress.port : 0;

const t = useTestApp({ SMTP_URL: `smtp://127.0.0.1:${String(smtpPort)}` });
afterAll(async () => {
  await new Promise<void>((resolve) => { smtp.close(resolve); });
});

const INVITE_LINK = /http:\/\/steward\.test\/invitations\/(stwi_[0-9a-f]{24}_[A-Za-z0-9_-]{43})/;

const invite = (account: TestAccount, body: Record<string, unknown>) =>
  t.call({
    method: 'POST',
    url: `/v1/accounts/${account.accountId}/users/invite`,
    token: account.token,
    body: { user_name: 'New Person', environments: {}, allow_login_password: true, ...body },
  });

async function deliver(): Promise<void> {
  await drainOutbox(t.deps, createMailTransport(t.config, t.deps.log));
}

function linkTo(address: string): string {
  const mail = [...received].reverse().find((m) => m.to === address);
  const unfolded = (mail?.raw ?? '').replace(/=\r?\n/g, '');
  return INVITE_LINK.exec(unfolded)?.[1] ?? '';
}

describe('invite user', () => {
  it('creates an invited membership with the reference defaults and mails a single-use link', async () => {
    const account = await createAccount(t);
    const prod = account.environments.Production ?? '';
    const res = await invite(account, {
      user_name: 'Grace Hopper',
      user_email: '  Grace@Example.COM ',
      environments: { [prod]: { role: 'developer' } },
      is_admin: null,
    });
    expect(res.statusCode).toBe(200);
    const user = res.json<Record<string, unknown>>();
    expect(user).toMatchObject({
      user_email: 'grace@example.com',
      user_name: 'Grace Hopper',
      status: 'invited',
      is_admin: false,
      is_active: true,
      allow_login_google: false,
      allow_login_sso: false,
      allow_login_password: true,
      source: 'rivery',
      invited_by: account.adminEmail,
      environments: { [prod]: { role: 'developer' } },
      groups: [],
      last_login: null,
    });
    expect(Object.keys(user.onboarding as object).sort()).toEqual([
      'data_connections_step',
      'data_pipeline_step',
      'invite_member_step',
      'know_rivery_step',
      'pre_built_solutions_step',
      'transform_and_orchestrate_step',
    ]);

    await deliver();
    const token = linkTo('grace@example.com');
    expect(token).toMatch(/^stwi_/);
    const mail = received.find((m) => m.to === 'grace@example.com')?.raw ?? '';
    expect(mail).not.toMatch(/temporary password|password=/i);

    const [stored] = await t.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.accountId, account.accountId), eq(invitations.userId, user.user_id as string)));
    expect(stored?.tokenHash).toBeDefined();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(
      Date.parse((stored?.expiresAt ?? '').replace(' ', 'T').replace(/\+00$/, 'Z')) - t.clock.now().getTime(),
    ).toBe(72 * 3_600_000);
    const [outbox] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'grace@example.com'));
    expect(outbox?.sentAt).not.toBeNull();
    expect(outbox?.textBody).toBeNull();
    expect(outbox?.htmlBody).toBeNull();
  });

  it('validates the email, the required fields and the environments', async () => {
    const account = await createAccount(t);
    const badEmail = await invite(account, { user_email: 'not an email' });
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.json()).toMatchObject({ detail: [{ loc: ['body', 'user_email'] }] });

    const missing = await t.call({
      method: 'POST',
      url: `/v1/accounts/${account.accountId}/users/invite`,
      token: account.token,
      body: { user_email: 'someone@example.com' },
    });
    expect(missing.json<{ detail: { loc: unknown[]; type: string }[] }>().detail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ loc: ['body', 'user_name'], type: 'missing' }),
        expect.objectContaining({ loc: ['body', 'environments'], type: 'missing' }),
        expect.objectContaining({ loc: ['body', 'allow_login_password'], type: 'missing' }),
      ]),
    );

    const prod = account.environments.Production ?? '';
    const badRole = await invite(account, {
      user_email: 'role@example.com',
      environments: { [prod]: { role: 'king' } },
    });
    expect(badRole.json()).toMatchObject({ detail: [{ loc: ['body', 'environments', prod, 'role'] }] });
    const list = await t.call({ method: 'GET', url: `/v1/accounts/${account.accountId}/users`, token: account.token });
    expect(list.json<{ total_items: number }>().total_items).toBe(1);
  });

  it('answers 409 for an existing member unless it is a re-invite, and always for an active one', async () => {
    const account = await createAccount(t);
    expect((await invite(account, { user_email: 'twice@example.com' })).statusCode).toBe(200);
    const again = await invite(account, { user_email: 'twice@example.com' });
    expect(again.statusCode).toBe(409);
    const reinvite = await invite(account, { user_email: 'twice@example.com', is_re_invite: true, is_admin: true });
    expect(reinvite.statusCode).toBe(200);
    expect(reinvite.json()).toMatchObject({ is_admin: true, status: 'invited' });
    const active = await invite(account, { user_email: account.adminEmail, is_re_invite: true });
    expect(active.statusCode).toBe(409);
  });

  it('gives a person from another account a membership here with the same id', async () => {
    const a = await createAccount(t);
    const b = await createAccount(t);
    const first = (await invite(a, { user_email: 'shared@example.com' })).json<{ user_id: string }>();
    const second = (await invite(b, { user_email: 'SHARED@example.com', user_name: 'Other Name' })).json<{
      user_id: string;
    }>();
    expect(second.user_id).toBe(first.user_id);
  });
});

describe('re-invite user', () => {
  it('revokes the previous link and mails a new one', async () => {
    const account = await createAccount(t);
    const { user_id: userId } = (await invite(account, { user_email: 'again@example.com' })).json<{
      user_id: string;
    }>();
    await deliver();
    const firstLink = linkTo('again@example.com');
    t.clock.advance(60_000);
    const res = await t.call({
      method: 'POST',
      url: `/v1/accounts/${account.accountId}/users/re_invite`,
      token: account.token,
      body: { user_email: 'Again@example.com' },
    });
    expect(res.statusCode).toBe(200);
    await deliver();
    const secondLink = linkTo('again@example.com');
    expect(secondLink).toMatch(/^stwi_/);
    expect(secondLink).not.toBe(firstLink);
    const rows = await t.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.accountId, account.accountId), eq(invitations.userId, userId)));
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.revokedAt === null)).toHaveLength(1);
  });

  it('answers 404 for an unknown email and 409 for someone already active', async () => {
    const account = await createAccount(t);
    const reinvite = (email: string) =>
      t.call({
        method: 'POST',
        url: `/v1/accounts/${account.accountId}/users/re_invite`,
        token: account.token,
        body: { user_email: email },
      });
    expect((await reinvite('nobody@example.com')).statusCode).toBe(404);
    expect((await reinvite(account.adminEmail)).statusCode).toBe(409);
  });
});

describe('mail without SMTP', () => {
  it('writes an .eml file under the data folder', async () => {
    const config = testConfig();
    const account = await createAccount(t);
    await invite(account, { user_email: 'filed@example.com' });
    await drainOutbox({ ...t.deps, config }, createMailTransport(config, t.deps.log));
    const folder = join(config.dataDir, 'mail');
    const files = readdirSync(folder).filter((file) => file.endsWith('.eml'));
    expect(files.length).toBeGreaterThan(0);
    const contents = files.map((file) => readFileSync(join(folder, file), 'utf8')).join('\n');
    expect(contents).toContain('filed@example.com');
  });
});
