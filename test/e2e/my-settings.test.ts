import { TOTP } from 'otpauth';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtpServer } from '../smtp.js';
import {
  callApi,
  checkPage,
  eventually,
  openBrowser,
  PASSWORD,
  requireChromium,
  setUpAccount,
  startServer,
  watchPolicyViolations,
  type RunningServer,
  linkInMail,
} from './harness.js';

const NEW_PASSWORD = 'a brand new passphrase 2024';
const NEW_EMAIL = 'pat.new@example.com';

interface MySession {
  session_id: string;
  created_at: string;
  current: boolean;
}

const browserReady = requireChromium();

describe.runIf(browserReady)('My settings in a browser', () => {
  let smtp: TestSmtpServer;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let violations: string[];
  let email = 'pat@example.com';
  let name = 'Pat Person';

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Steward <steward@example.com>' });
    browser = await openBrowser();
    page = await browser.newPage();
    violations = watchPolicyViolations(page);
    await setUpAccount(server, page, { name, email, accountName: 'Acme', environments: ['Production'] });
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
    await smtp.close();
  });

  const url = (path: string): string => `${server.url}${path}`;
  /** A text field by its label's exact words (Mantine adds a hidden "*" to required ones). */
  const box = (on: Page, label: string) => on.getByRole('textbox', { name: label, exact: true });
  const rows = () => page.locator('table tbody tr');
  const tab = (label: string) => page.getByRole('tab', { name: label, exact: true });
  /** Another browser, signed in as the same person through the API: a second session. */
  async function signInElsewhere(password: string): Promise<{ context: BrowserContext; other: Page }> {
    const context = await openBrowser();
    const other = await context.newPage();
    await other.goto(url('/login'));
    const login = await callApi(other, 'POST', '/v1/auth/login', { email, password });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    return { context, other };
  }

  async function signInStatus(password: string): Promise<number> {
    const context = await openBrowser();
    try {
      const other = await context.newPage();
      await other.goto(url('/login'));
      return (await callApi(other, 'POST', '/v1/auth/login', { email, password })).status;
    } finally {
      await context.close();
    }
  }

  it('shows the sections as tabs, each with a URL that opens it', async () => {
    await page.goto(url('/settings'));
    await eventually(() => page.getByRole('heading', { name: 'My settings' }).count()).toBe(1);
    expect(await page.getByRole('tab').allInnerTexts()).toEqual([
      'Profile',
      'Password',
      'Two-factor',
      'My sessions',
      'My API tokens',
      'Email alerts',
    ]);
    expect(await box(page, 'Name').inputValue()).toBe(name);
    await checkPage(page, 'settings-profile');

    await tab('My sessions').click();
    await page.waitForURL(url('/settings?section=sessions'));
    await eventually(() => rows().count()).toBe(1);

    await page.goto(url('/settings?section=alerts'));
    expect(await tab('Email alerts').getAttribute('aria-selected')).toBe('true');
    await page.goto(url('/settings?section=tokens'));
    await eventually(() => page.getByText('The API tokens you own in Acme').count()).toBe(1);
    await checkPage(page, 'settings-tokens');
  });

  it('changes the name, the time zone and the landing page, which the next sign-in opens', async () => {
    await page.goto(url('/settings'));
    name = 'Pat Renamed';
    await box(page, 'Name').fill(name);
    await page.getByRole('combobox', { name: 'Time zone' }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Tokyo');
    await page.getByRole('option', { name: 'Asia/Tokyo' }).click();
    await page.getByRole('combobox', { name: 'Landing page' }).click();
    await page.getByRole('option', { name: 'Teams' }).click();
    await page.getByRole('button', { name: 'Save profile' }).click();

    await eventually(() => page.getByRole('banner').innerText()).toContain(name);
    const me = await callApi<{ name: string; time_zone: string; preferences: { landing_page: string } }>(
      page,
      'GET',
      '/v1/me',
    );
    expect(me.body).toMatchObject({ name, time_zone: 'Asia/Tokyo', preferences: { landing_page: 'teams' } });

    // The sessions table shows times in the new zone.
    const sessions = await callApi<{ items: MySession[] }>(page, 'GET', '/v1/me/sessions');
    const created = sessions.body.items[0]?.created_at ?? '';
    const inZone = (zone: string) =>
      page.evaluate<string>(
        `new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: '${zone}' }).format(new Date('${created}Z'))`,
      );
    const tokyo = await inZone('Asia/Tokyo');
    expect(tokyo).not.toBe(await inZone('UTC'));
    await tab('My sessions').click();
    await eventually(() => rows().first().locator('td').nth(3).innerText()).toBe(tokyo);

    await page.getByRole('button', { name: `Your menu: ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(url('/login'));
    await box(page, 'Email').fill(email);
    await box(page, 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(url('/teams'));
  });

  it('changes the email through the link mailed to the new address', async () => {
    await page.goto(url('/settings'));
    await box(page, 'New email').fill(NEW_EMAIL);
    await box(page, 'Your password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Mail me a confirmation link' }).click();
    await eventually(() => page.getByText(`Steward mailed ${NEW_EMAIL}.`).count()).toBe(1);
    await checkPage(page, 'settings-email-sent');

    const link = await linkInMail(smtp, NEW_EMAIL, 'confirm-email');
    expect(link.startsWith(server.url)).toBe(true);
    // Until the link is opened, the email stays.
    expect((await callApi<{ email: string }>(page, 'GET', '/v1/me')).body.email).toBe(email);

    await page.goto(link);
    await checkPage(page, 'confirm-email');
    await page.getByRole('button', { name: 'Confirm my new email' }).click();
    await eventually(() => page.getByText('Your email is changed').count()).toBe(1);
    await checkPage(page, 'confirm-email-done');
    expect((await callApi<{ email: string }>(page, 'GET', '/v1/me')).body.email).toBe(NEW_EMAIL);
    email = NEW_EMAIL;
  });

  it('changes the password, which signs the other browsers out', async () => {
    const { context, other } = await signInElsewhere(PASSWORD);
    try {
      await page.goto(url('/settings?section=password'));
      await box(page, 'Current password').fill('not my password at all');
      await box(page, 'New password').fill(NEW_PASSWORD);
      await box(page, 'Repeat the new password').fill(`${NEW_PASSWORD}!`);
      await page.getByRole('button', { name: 'Change password' }).click();
      await eventually(() => page.getByText('The passwords differ').count()).toBe(1);
      await box(page, 'Repeat the new password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      // A wrong current password is the API's 422, shown at its field.
      await eventually(() => page.getByText('Incorrect password', { exact: true }).count()).toBe(1);
      await checkPage(page, 'settings-password-wrong');
      expect(await signInStatus(PASSWORD)).toBe(200);

      await box(page, 'Current password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      await eventually(() => page.getByText('Your password is changed.', { exact: false }).count()).toBe(1);
      await checkPage(page, 'settings-password-changed');

      expect(await signInStatus(PASSWORD)).toBe(401);
      expect(await signInStatus(NEW_PASSWORD)).toBe(200);
      expect((await callApi(other, 'GET', '/v1/me')).status).toBe(401);
      expect((await callApi(page, 'GET', '/v1/me')).status).toBe(200);
    } finally {
      await context.close();
    }
  });

  it('lists the sessions and ends another one, then all the others', async () => {
    // signInStatus's sign-ins above left sessions behind: start from this one alone.
    await callApi(page, 'DELETE', '/v1/me/sessions');
    const { context, other } = await signInElsewhere(NEW_PASSWORD);
    try {
      await page.goto(url('/settings?section=sessions'));
      await eventually(() => rows().count()).toBe(2);
      expect(await page.getByText('This session', { exact: true }).count()).toBe(1);
      await checkPage(page, 'settings-sessions');

      const before = await callApi<{ items: MySession[] }>(page, 'GET', '/v1/me/sessions');
      const otherId = before.body.items.find((s) => !s.current)?.session_id;
      await page.getByRole('button', { name: /^End the session of/ }).click();
      await eventually(() => page.getByRole('dialog', { name: 'End this session?' }).count()).toBe(1);
      await checkPage(page, 'settings-end-session');
      await page.getByRole('button', { name: 'End session' }).click();
      await eventually(() => rows().count()).toBe(1);
      const after = await callApi<{ items: MySession[] }>(page, 'GET', '/v1/me/sessions');
      expect(after.body.items.map((s) => s.session_id)).not.toContain(otherId);
      expect(after.body.items.map((s) => s.current)).toEqual([true]);
      expect((await callApi(other, 'GET', '/v1/me')).status).toBe(401);
    } finally {
      await context.close();
    }

    const second = await signInElsewhere(NEW_PASSWORD);
    const third = await signInElsewhere(NEW_PASSWORD);
    try {
      await page.reload();
      await eventually(() => rows().count()).toBe(3);
      await page.getByRole('button', { name: 'End all other sessions' }).click();
      await eventually(() => page.getByRole('dialog', { name: 'End all other sessions?' }).count()).toBe(1);
      await checkPage(page, 'settings-end-other-sessions');
      await page.getByRole('button', { name: 'End other sessions' }).click();
      await eventually(() => rows().count()).toBe(1);
      expect((await callApi(second.other, 'GET', '/v1/me')).status).toBe(401);
      expect((await callApi(third.other, 'GET', '/v1/me')).status).toBe(401);
      expect((await callApi<{ items: MySession[] }>(page, 'GET', '/v1/me/sessions')).body.items).toHaveLength(1);
    } finally {
      await second.context.close();
      await third.context.close();
    }
  });

  it('fits a phone’s width: only the sessions table scrolls sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url('/settings?section=sessions'));
    await eventually(() => rows().count()).toBe(1);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    await checkPage(page, 'settings-sessions-390px');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('turns email alerts on from the keyboard', async () => {
    await page.goto(url('/settings?section=alerts'));
    const runtime = page.getByRole('switch', { name: 'Runtime status' });
    await eventually(() => runtime.count()).toBe(1);
    expect(await runtime.isChecked()).toBe(false);
    await checkPage(page, 'settings-alerts');
    await runtime.focus();
    await page.keyboard.press('Space');
    await page.getByRole('switch', { name: 'User notifications' }).focus();
    await page.keyboard.press('Space');
    await eventually(async () => (await callApi(page, 'GET', '/v1/me/alerts')).body).toMatchObject({
      runtime_status: true,
      execution_status: false,
      user_notifications: true,
    });
    await page.reload();
    await eventually(() => page.getByRole('switch', { name: 'User notifications' }).isChecked()).toBe(true);
    expect(await page.getByRole('switch', { name: 'Process execution status' }).isChecked()).toBe(false);
  });

  it('turns two-factor authentication on at the enrolment page and off here with a code', async () => {
    await page.goto(url('/settings?section=two-factor'));
    await eventually(() => page.getByText('Off', { exact: true }).count()).toBe(1);
    await checkPage(page, 'settings-two-factor-off');
    await page.getByRole('link', { name: 'Turn on two-factor authentication' }).click();
    await page.waitForURL(url('/two-factor/enrol'));
    await eventually(() => page.locator('code').count()).toBe(1);
    const secret = await page.locator('code').innerText();
    const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
    await box(page, 'The 6-digit code the app shows').fill(totp.generate());
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await eventually(() => page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.waitForURL(url('/teams'));

    await page.goto(url('/settings?section=two-factor'));
    await eventually(() => page.getByText('10 recovery codes').count()).toBe(1);
    await checkPage(page, 'settings-two-factor-on');
    await page.getByRole('button', { name: 'Turn off two-factor authentication' }).click();
    const dialog = page.getByRole('dialog', { name: 'Turn off two-factor authentication?' });
    await eventually(() => dialog.count()).toBe(1);
    await checkPage(page, 'settings-two-factor-off-dialog');
    // A wrong code: the API's 422 at the field, and two-factor stays on.
    const field = box(page, 'Code from your app or a recovery code');
    await field.fill('12345');
    await dialog.getByRole('button', { name: 'Turn off' }).click();
    await eventually(() => field.getAttribute('aria-invalid')).toBe('true');
    expect((await callApi<{ two_factor_enabled: boolean }>(page, 'GET', '/v1/me')).body.two_factor_enabled).toBe(true);

    // The next step's code: the one that confirmed the enrolment cannot be used twice.
    await field.fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.keyboard.press('Enter');
    await eventually(() => dialog.count()).toBe(0);
    await eventually(() => page.getByText('Off', { exact: true }).count()).toBe(1);
    const me = await callApi<{ two_factor_enabled: boolean }>(page, 'GET', '/v1/me');
    expect(me.body.two_factor_enabled).toBe(false);
  });

  it('ran every section under the console’s content security policy without a refusal', () => {
    expect(violations).toEqual([]);
  });
});
