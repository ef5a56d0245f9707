import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOTP } from 'otpauth';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtpServer } from '../smtp.js';
import {
  checkPage,
  eventually,
  openBrowser,
  PASSWORD,
  requireChromium,
  SCREENSHOTS,
  startServer,
  watchPolicyViolations,
  type RunningServer,
  linkInMail,
} from './harness.js';

const FOUNDER = { name: 'Fran Founder', email: 'founder@example.com' };
const USERS = 30;

const browserReady = requireChromium();

describe.runIf(browserReady)('the console in a browser', () => {
  let smtp: TestSmtpServer;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let violations: string[];
  let accountId = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Steward <steward@example.com>' });
    browser = await openBrowser();
    page = await browser.newPage();
    violations = watchPolicyViolations(page);
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
    await smtp.close();
  });

  const url = (path: string): string => `${server.url}${path}`;
  /** A text field by its label's exact words (Mantine adds a hidden "*" to required ones). */
  const box = (on: Page, name: string) => on.getByRole('textbox', { name, exact: true });
  const rows = () => page.locator('table tbody tr');
  const firstEmail = () => rows().first().locator('td').nth(1).innerText();

  it('sets Steward up from the link the server printed, and lands on Users with the new admin in it', async () => {
    expect(server.setupLink.startsWith(`${server.url}/setup/`)).toBe(true);
    await page.goto(server.setupLink);
    await box(page, 'Account name').fill('Acme');
    const environments = page.getByRole('combobox', { name: 'Environments' });
    await environments.fill('Staging');
    await environments.press('Enter');
    await box(page, 'Your name').fill(FOUNDER.name);
    await box(page, 'Your email').fill(FOUNDER.email);
    await box(page, 'Password').fill(PASSWORD);
    await box(page, 'Repeat the password').fill(PASSWORD);
    await checkPage(page, 'setup');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.waitForURL(url('/users'));
    await eventually(() => rows().count()).toBe(1);
    expect(await firstEmail()).toBe(FOUNDER.email);
    await eventually(() => page.getByRole('banner').innerText()).toContain('Acme');
    await checkPage(page, 'users-first-run');

    // The link is spent: opening it again says so.
    await page.goto(server.setupLink);
    await eventually(() => page.getByText('This link no longer works').count()).toBe(1);
    await checkPage(page, 'setup-used');
  });

  it('pages, sorts and searches the users table, with the view in the URL', async () => {
    await page.goto(url('/users'));
    accountId = await page.evaluate(async (count) => {
      const me = (await (await fetch('/v1/me')).json()) as {
        csrf_token: string;
        current_account: { account_id: string };
      };
      const id = me.current_account.account_id;
      for (let i = 1; i <= count; i++) {
        const n = String(i).padStart(2, '0');
        const res = await fetch(`/v1/accounts/${id}/users/invite`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
          body: JSON.stringify({
            user_name: `User ${n}`,
            user_email: `user-${n}@example.com`,
            environments: {},
            allow_login_password: true,
          }),
        });
        if (!res.ok) throw new Error(`invite ${n}: ${String(res.status)} ${await res.text()}`);
      }
      return id;
    }, USERS);
    await page.reload();
    await eventually(() => page.getByText(`${String(USERS + 1)} users`).count()).toBe(1);
    expect(await rows().count()).toBe(20);
    await checkPage(page, 'users');

    await page.getByRole('button', { name: 'Page 2', exact: true }).click();
    await page.waitForURL(url('/users?page=2'));
    await eventually(() => rows().count()).toBe(USERS + 1 - 20);

    await page.getByRole('combobox', { name: 'Per page' }).click();
    await page.getByRole('option', { name: '50' }).click();
    await page.waitForURL(url('/users?size=50'));
    await eventually(() => rows().count()).toBe(USERS + 1);

    await page.getByRole('button', { name: 'Email' }).click();
    await page.waitForURL(url('/users?sort=user_email&order=asc&size=50'));
    await eventually(firstEmail).toBe(FOUNDER.email);
    await page.getByRole('button', { name: 'Email' }).click();
    await page.waitForURL(url('/users?sort=user_email&order=desc&size=50'));
    await eventually(firstEmail).toBe(`user-${String(USERS)}@example.com`);
    expect(await page.locator('th[aria-sort="descending"]').innerText()).toContain('Email');

    await page.getByLabel('Search').fill('user-07');
    await page.waitForURL(url('/users?q=user-07&sort=user_email&order=desc&size=50'));
    await eventually(() => rows().count()).toBe(1);
    expect(await firstEmail()).toBe('user-07@example.com');

    // Back returns to the view before the search, its text included.
    await page.goBack();
    await page.waitForURL(url('/users?sort=user_email&order=asc&size=50'));
    await eventually(() => rows().count()).toBe(USERS + 1);
    expect(await page.getByLabel('Search').inputValue()).toBe('');

    // A shared link opens the same view.
    await page.goto(url('/users?sort=user_name&order=asc&page=2'));
    await eventually(() => rows().count()).toBe(USERS + 1 - 20);
    expect(await rows().first().locator('td').first().innerText()).toBe('User 20');
  });

  it('fits a phone’s width: only the table scrolls sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url('/users'));
    await eventually(() => rows().count()).toBe(20);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    await checkPage(page, 'users-390px');
    await page.setViewportSize({ width: 1440, height: 800 });
    await page.goto(url('/users?sort=user_name&order=asc'));
    await eventually(() => rows().count()).toBe(20);
    await page.screenshot({ path: join(SCREENSHOTS, 'users-readme.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('lets an invited person accept from the mailed link and sign in', async () => {
    const email = 'newbie@example.com';
    const invited = await page.evaluate(
      async ({ id, to }) => {
        const me = (await (await fetch('/v1/me')).json()) as { csrf_token: string };
        const res = await fetch(`/v1/accounts/${id}/users/invite`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
          body: JSON.stringify({
            user_name: 'Newbie',
            user_email: to,
            environments: {},
            allow_login_password: true,
            is_admin: true,
          }),
        });
        return res.status;
      },
      { id: accountId, to: email },
    );
    expect(invited).toBeLessThan(300);
    const link = await linkInMail(smtp, email, 'invitations');
    expect(link.startsWith(server.url)).toBe(true);

    const other = await openBrowser();
    try {
      const newbie = await other.newPage();
      const newbieViolations = watchPolicyViolations(newbie);
      await newbie.goto(link);
      await eventually(() => newbie.getByRole('heading', { name: 'Join Acme' }).count()).toBe(1);
      await box(newbie, 'Your name').fill('Nell Newbie');
      await box(newbie, 'Choose a password').fill(PASSWORD);
      await box(newbie, 'Repeat the password').fill(PASSWORD);
      await checkPage(newbie, 'invitation');
      await newbie.getByRole('button', { name: 'Accept and sign in' }).click();
      await newbie.waitForURL(`${server.url}/users`);
      await eventually(() => newbie.getByRole('banner').innerText()).toContain('Nell Newbie');
      expect(newbieViolations).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('enrols the admin in two-factor authentication and shows the recovery codes once', async () => {
    await page.goto(url('/two-factor/enrol'));
    const secret = await page.locator('code').innerText();
    await eventually(() => page.getByRole('img', { name: 'QR code of your two-factor secret' }).count()).toBe(1);
    await checkPage(page, 'two-factor-enrol');
    const code = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate();
    await box(page, 'The 6-digit code the app shows').fill(code);
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    const list = page.getByRole('list', { name: 'Recovery codes' });
    await eventually(() => list.getByRole('listitem').count()).toBe(10);
    recoveryCodes = await list.getByRole('listitem').allInnerTexts();
    await checkPage(page, 'two-factor-recovery-codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.waitForURL(url('/users'));
  });

  it('signs out, then back in with the password and a recovery code, returning to the page asked for', async () => {
    await page.getByRole('button', { name: `Your menu: ${FOUNDER.name}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(url('/login'));
    await eventually(() => page.getByRole('heading', { name: 'Sign in' }).count()).toBe(1);
    // The user menu closes with a short transition; the page is what it is once it is gone.
    await eventually(() => page.getByRole('menu').count()).toBe(0);
    await checkPage(page, 'login');

    await page.goto(url('/users?page=2'));
    await page.waitForURL(url(`/login?next=${encodeURIComponent('/users?page=2')}`));
    await box(page, 'Email').fill(FOUNDER.email);
    await box(page, 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await eventually(() => page.getByRole('heading', { name: 'Two-factor authentication' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await checkPage(page, 'login-second-factor');
    await box(page, 'Recovery code').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL(url('/users?page=2'));
    await eventually(() => rows().count()).toBe(USERS + 2 - 20);
  });

  it('offers the password reset pages', async () => {
    await page.goto(url('/forgot-password'));
    await box(page, 'Email').fill(FOUNDER.email);
    await checkPage(page, 'forgot-password');
    await page.getByRole('button', { name: 'Mail me a link' }).click();
    await eventually(() => page.getByRole('status').count()).toBeGreaterThan(0);

    await page.goto(url('/reset-password/stwr_not-a-real-token'));
    await box(page, 'New password').fill(PASSWORD);
    await box(page, 'Repeat the password').fill(PASSWORD);
    await checkPage(page, 'reset-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    // The API's own words for a link it does not know, as a notification.
    await eventually(() => page.getByText('Reset link not found').count()).toBe(1);
  });

  it('ran every page under the console’s content security policy without a refusal', () => {
    expect(violations).toEqual([]);
  });

  afterAll(() => {
    // STEWARD_UPDATE_DOCS_SCREENSHOT=1 also refreshes the README's picture of the Users page.
    if (process.env.STEWARD_UPDATE_DOCS_SCREENSHOT === '1') {
      copyFileSync(join(SCREENSHOTS, 'users-readme.png'), join(import.meta.dirname, '../../docs/console-users.png'));
    }
  });
});
