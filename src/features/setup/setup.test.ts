import { describe, expect, it } from 'vitest';
import { accounts, setupTokens } from '../../db/schema/index.js';
import { TEST_PUBLIC_URL, useTestApp, type TestApp } from '../../../test/app.js';
import { createAccount } from '../../../test/factories.js';
import { browserWith, cookiesOf, GOOD_PASSWORD, signIn } from '../../../test/sign-in.js';
import { issueSetupLink, SETUP_LINK_HOURS } from './setup.service.js';

const FIRST_RUN = {
  account_name: 'Acme',
  environment_names: ['Production', 'Staging'],
  admin_email: 'Founder@Example.com',
  admin_name: 'Fran Founder',
  password: GOOD_PASSWORD,
};

/** The token of a setup link: the last segment of `{PUBLIC_URL}/setup/{token}`. */
async function newSetupToken(t: TestApp): Promise<string> {
  const link = await issueSetupLink(t.deps);
  expect(link).not.toBeNull();
  const prefix = `${TEST_PUBLIC_URL}/setup/`;
  expect(link?.startsWith(prefix)).toBe(true);
  return (link ?? '').slice(prefix.length);
}

const countAccounts = async (t: TestApp): Promise<number> => (await t.db.select().from(accounts)).length;

describe('first-run setup on an empty store', () => {
  const t = useTestApp();

  it('keeps only a keyed hash of the link token', async () => {
    const token = await newSetupToken(t);
    const rows = await t.db.select().from(setupTokens);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.tokenHash).not.toContain(token);
      expect(token).not.toContain(row.tokenHash);
    }
  });

  it('answers 200 for a fresh link, 404 for a token no link has', async () => {
    const token = await newSetupToken(t);
    const res = await t.call({ method: 'GET', url: `/v1/setup/${token}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(Date.parse(`${res.json<{ expires_at: string }>().expires_at}Z`)).toBe(
      t.clock.now().getTime() + SETUP_LINK_HOURS * 3_600_000,
    );

    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await t.call({ method: 'GET', url: `/v1/setup/${forged}` })).statusCode).toBe(404);
    expect((await t.call({ method: 'GET', url: '/v1/setup/not-a-token' })).statusCode).toBe(404);
    const post = await t.call({ method: 'POST', url: `/v1/setup/${forged}`, body: FIRST_RUN });
    expect(post.statusCode).toBe(404);
    expect(await countAccounts(t)).toBe(0);
  });

  it('refuses an expired link with 410 and creates nothing', async () => {
    const token = await newSetupToken(t);
    t.clock.advanceHours(SETUP_LINK_HOURS);
    expect((await t.call({ method: 'GET', url: `/v1/setup/${token}` })).statusCode).toBe(410);
    const post = await t.call({ method: 'POST', url: `/v1/setup/${token}`, body: FIRST_RUN });
    expect(post.statusCode).toBe(410);
    expect(await countAccounts(t)).toBe(0);
  });

  it('answers a weak password at the password field and leaves the link usable', async () => {
    const token = await newSetupToken(t);
    const res = await t.call({ method: 'POST', url: `/v1/setup/${token}`, body: { ...FIRST_RUN, password: 'short' } });
    expect(res.statusCode).toBe(422);
    const locs = res.json<{ detail: { loc: unknown[] }[] }>().detail.map((p) => p.loc);
    expect(locs).toContainEqual(['body', 'password']);
    expect(await countAccounts(t)).toBe(0);
    expect((await t.call({ method: 'GET', url: `/v1/setup/${token}` })).statusCode).toBe(200);
  });

  it('names the setup page’s own fields in 422s from the account and admin rules', async () => {
    const token = await newSetupToken(t);
    const twice = await t.call({
      method: 'POST',
      url: `/v1/setup/${token}`,
      body: { ...FIRST_RUN, environment_names: ['Production', 'production'] },
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json<{ detail: { loc: unknown[] }[] }>().detail[0]?.loc).toEqual(['body', 'environment_names', 1]);

    const badEmail = await t.call({
      method: 'POST',
      url: `/v1/setup/${token}`,
      body: { ...FIRST_RUN, admin_email: 'not an email' },
    });
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.json<{ detail: { loc: unknown[] }[] }>().detail[0]?.loc).toEqual(['body', 'admin_email']);

    const blank = await t.call({
      method: 'POST',
      url: `/v1/setup/${token}`,
      body: { ...FIRST_RUN, account_name: ' ' },
    });
    expect(blank.statusCode).toBe(422);
    expect(blank.json<{ detail: { loc: unknown[] }[] }>().detail[0]?.loc).toEqual(['body', 'account_name']);
    expect(await countAccounts(t)).toBe(0);
  });

  let otherToken = '';

  it('creates the account, its environments and a super admin, and signs them in', async () => {
    const token = await newSetupToken(t);
    // Another start (or process) logged a link of its own before this one was used.
    otherToken = await newSetupToken(t);
    const res = await t.call({ method: 'POST', url: `/v1/setup/${token}`, body: FIRST_RUN });
    expect(res.statusCode, res.body).toBe(201);
    const done = res.json<{ account_id: string; user_id: string }>();
    expect(res.cookies.find((c) => c.name === 'steward_session')?.httpOnly).toBe(true);

    const browser = await browserWith(t, cookiesOf(res));
    const me = await browser.call({ method: 'GET', url: '/v1/me' });
    expect(me.statusCode, me.body).toBe(200);
    const profile = me.json<{
      email: string;
      name: string;
      is_super_admin: boolean;
      current_account: { account_id: string; account_name: string; is_admin: boolean } | null;
    }>();
    expect(profile).toMatchObject({ email: 'founder@example.com', name: 'Fran Founder', is_super_admin: true });
    expect(profile.current_account).toMatchObject({
      account_id: done.account_id,
      account_name: 'Acme',
      is_admin: true,
    });

    const environments = await browser.call({ method: 'GET', url: `/v1/accounts/${done.account_id}/environments` });
    expect(environments.statusCode, environments.body).toBe(200);
    expect(environments.json<{ items: { name: string }[] }>().items.map((e) => e.name)).toEqual([
      'Production',
      'Staging',
    ]);

    // The password chosen on the page is the one that signs in afterwards.
    await signIn(t, 'founder@example.com', GOOD_PASSWORD);
  });

  it('spends every link once setup is done: 410, and no new link is issued', async () => {
    expect((await t.call({ method: 'GET', url: `/v1/setup/${otherToken}` })).statusCode).toBe(410);
    const again = await t.call({ method: 'POST', url: `/v1/setup/${otherToken}`, body: FIRST_RUN });
    expect(again.statusCode).toBe(410);
    expect(await countAccounts(t)).toBe(1);
    expect(await issueSetupLink(t.deps)).toBeNull();
    const rows = await t.db.select().from(setupTokens);
    expect(rows.every((row) => row.usedAt !== null)).toBe(true);
  });
});

describe('a setup link once an account exists', () => {
  const t = useTestApp();

  it('refuses setup with 409 and creates no second account', async () => {
    const token = await newSetupToken(t);
    await createAccount(t);
    expect((await t.call({ method: 'GET', url: `/v1/setup/${token}` })).statusCode).toBe(410);
    const res = await t.call({ method: 'POST', url: `/v1/setup/${token}`, body: FIRST_RUN });
    expect(res.statusCode).toBe(409);
    expect(await countAccounts(t)).toBe(1);
  });

  it('refuses unknown body fields', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/v1/setup/stws_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      body: { ...FIRST_RUN, is_super_admin: false },
    });
    expect(res.statusCode).toBe(422);
  });
});

describe('two setup links used at once', () => {
  const t = useTestApp();

  it('lets exactly one create the first account', async () => {
    const [first, second] = [await newSetupToken(t), await newSetupToken(t)];
    const answers = await Promise.all(
      [first, second].map((token, i) =>
        t.call({
          method: 'POST',
          url: `/v1/setup/${token}`,
          body: { ...FIRST_RUN, account_name: `Acme ${String(i)}`, admin_email: `founder${String(i)}@example.com` },
        }),
      ),
    );
    expect(answers.map((res) => res.statusCode).sort()).toEqual([201, 410]);
    expect(await countAccounts(t)).toBe(1);
  });
});
