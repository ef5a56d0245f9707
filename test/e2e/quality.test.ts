import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestSmtp, type TestSmtpServer } from '../smtp.js';
import {
  callApi,
  checkPage,
  eventually,
  linkInMail,
  openBrowser,
  PASSWORD,
  requireChromium,
  setUpAccount,
  startServer,
  watchPolicyViolations,
  type Founder,
  type RunningServer,
} from './harness.js';

/** Every section of the navigation (web/src/shell/nav.ts), by the heading its page shows. */
const SECTIONS = [
  { path: '/users', heading: 'Users' },
  { path: '/teams', heading: 'Teams' },
  { path: '/roles', heading: 'Roles' },
  { path: '/environments', heading: 'Environments' },
  { path: '/tokens', heading: 'API tokens' },
  { path: '/security', heading: 'Security' },
  { path: '/accounts', heading: 'Accounts' },
  { path: '/settings', heading: 'My settings' },
];

/** The budget for what a browser downloads to show the first page, gzipped. */
const FIRST_PAGE_BUDGET = 350 * 1024;

const browserReady = requireChromium();

describe.runIf(browserReady)('the console’s quality bar', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let violations: string[];
  let founder: Founder;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Steward <steward@example.com>' });
    browser = await openBrowser();
    page = await browser.newPage();
    violations = watchPolicyViolations(page);
    founder = await setUpAccount(server, page, {
      name: 'Quinn Quality',
      email: 'quinn@example.com',
      accountName: 'Quality Co',
      environments: ['Production', 'Staging'],
    });
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
    await smtp.close();
  });

  const url = (path: string): string => `${server.url}${path}`;

  /** The scripts and style sheets the page loaded from the console, by path. */
  async function loadedAssets(on: Page): Promise<string[]> {
    const urls = await on.evaluate<string[]>(
      'performance.getEntriesByType("resource").map((entry) => entry.name).concat(location.href)',
    );
    return [...new Set(urls.map((u) => new URL(u).pathname).filter((path) => /\.(js|css)$/.test(path)))];
  }

  /** What those assets weigh as the server sends them to a browser that takes gzip. */
  function gzippedSize(paths: string[]): number {
    const dir = inject('consoleDir');
    return paths.reduce((sum, path) => sum + statSync(join(dir, `${path}.gz`)).size, 0);
  }

  it('sends the first page, signed out or on Users, in under 350 KB gzipped', async () => {
    const fresh = await openBrowser();
    try {
      const signedOut = await fresh.newPage();
      await signedOut.goto(url('/login'));
      await eventually(() => signedOut.getByRole('heading', { name: 'Sign in' }).count()).toBe(1);
      const loginAssets = await loadedAssets(signedOut);
      expect(loginAssets.length).toBeGreaterThan(0);
      expect(gzippedSize(loginAssets)).toBeLessThan(FIRST_PAGE_BUDGET);
    } finally {
      await fresh.close();
    }

    await page.goto(url('/users'));
    await eventually(() => page.locator('table tbody tr').count()).toBe(1);
    const usersAssets = await loadedAssets(page);
    expect(usersAssets.some((path) => path.includes('UsersPage'))).toBe(true);
    expect(gzippedSize(usersAssets)).toBeLessThan(FIRST_PAGE_BUDGET);
  });

  /** Presses Tab until the focused element has `name` (its label or text), as a keyboard user would. */
  async function tabTo(on: Page, name: string, presses = 40): Promise<void> {
    const seen: string[] = [];
    for (let i = 0; i < presses; i++) {
      await on.keyboard.press('Tab');
      const focused = await on.evaluate<string>(
        `(() => { const e = document.activeElement; if (!e) return '';
          const label = e.labels && e.labels[0] ? e.labels[0].innerText : '';
          return (e.getAttribute('aria-label') || label || e.innerText || '').trim(); })()`,
      );
      if (focused.replace(/\s*\*$/, '') === name) return;
      seen.push(focused);
    }
    throw new Error(`Tab never reached “${name}”: ${seen.join(' | ')}`);
  }

  it('signs in and moves between sections with the keyboard alone', async () => {
    const keyboard = await openBrowser();
    try {
      const kb = await keyboard.newPage();
      await kb.goto(url('/login'));
      await eventually(() => kb.getByRole('heading', { name: 'Sign in' }).count()).toBe(1);
      await tabTo(kb, 'Email');
      await kb.keyboard.type(founder.email);
      await tabTo(kb, 'Password');
      await kb.keyboard.type(PASSWORD);
      await kb.keyboard.press('Enter');
      await kb.waitForURL(url('/users'));
      // Tab walks what is on the page: wait until the shell and its navigation are there.
      await eventually(() => kb.getByRole('navigation', { name: 'Sections' }).getByRole('link').count()).toBe(8);

      await tabTo(kb, 'Teams');
      await kb.keyboard.press('Enter');
      await kb.waitForURL(url('/teams'));
      await eventually(() => kb.getByRole('heading', { level: 1, name: 'Teams' }).count()).toBe(1);

      await tabTo(kb, `Your menu: ${founder.name}`);
      await kb.keyboard.press('Enter');
      await eventually(() => kb.getByRole('menuitem', { name: 'Sign out' }).count()).toBe(1);
      await kb.keyboard.press('Escape');
      await eventually(() => kb.getByRole('menu').count()).toBe(0);
    } finally {
      await keyboard.close();
    }
  });

  it('fits every section into 390 px and passes the accessibility check there', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const item of SECTIONS) {
        await page.goto(url(item.path));
        await eventually(() => page.getByRole('heading', { level: 1 }).first().innerText()).toBe(item.heading);
        await eventually(() => page.getByRole('status').count()).toBe(0);
        expect(Number(await page.evaluate('document.documentElement.scrollWidth')), item.path).toBeLessThanOrEqual(390);
        await checkPage(page, `narrow${item.path.replaceAll('/', '-')}`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('switches to the dark theme, keeps it on reload, and stays readable there', async () => {
    await page.goto(url('/users'));
    await page.getByRole('button', { name: `Your menu: ${founder.name}` }).click();
    await page.getByRole('menuitem', { name: 'Dark', exact: true }).click();
    await eventually(() => page.evaluate('document.documentElement.dataset.mantineColorScheme')).toBe('dark');
    await eventually(() => page.getByRole('menu').count()).toBe(0);
    await page.getByRole('button', { name: `Your menu: ${founder.name}` }).click();
    await eventually(() => page.getByRole('menuitem', { name: /^Chosen:\s*Dark$/ }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.reload();
    await eventually(() => page.locator('table tbody tr').count()).toBe(1);
    expect(await page.evaluate('document.documentElement.dataset.mantineColorScheme')).toBe('dark');
    for (const item of SECTIONS) {
      await page.goto(url(item.path));
      await eventually(() => page.getByRole('heading', { level: 1 }).first().innerText()).toBe(item.heading);
      await eventually(() => page.getByRole('status').count()).toBe(0);
      await checkPage(page, `dark${item.path.replaceAll('/', '-')}`);
    }
  });

  it('shows a member without admin privileges each section, and no action they may not take', async () => {
    const email = 'mo@example.com';
    const invited = await callApi(page, 'POST', `/v1/accounts/${founder.accountId}/users/invite`, {
      user_name: 'Mo Member',
      user_email: email,
      environments: { [founder.environmentIds[0] ?? '']: { role: 'viewer' } },
      allow_login_password: true,
    });
    expect(invited.status).toBeLessThan(300);
    const link = await linkInMail(smtp, email, 'invitations');
    const other = await openBrowser();
    try {
      const member = await other.newPage();
      const memberViolations = watchPolicyViolations(member);
      await member.goto(link);
      await member.getByRole('textbox', { name: 'Your name', exact: true }).fill('Mo Member');
      await member.getByRole('textbox', { name: 'Choose a password', exact: true }).fill(PASSWORD);
      await member.getByRole('textbox', { name: 'Repeat the password', exact: true }).fill(PASSWORD);
      await member.getByRole('button', { name: 'Accept and sign in' }).click();
      // Users is their landing page by default, but they may not read it: the first section they may opens.
      await member.waitForURL(url('/roles'));
      const navigation = member.getByRole('navigation', { name: 'Sections' });
      await eventually(() => navigation.getByRole('link').allInnerTexts()).toEqual([
        'Roles',
        'Environments',
        'API tokens',
        'My settings',
      ]);

      const expectations: { path: string; heading: string; hidden: string[] }[] = [
        { path: '/roles', heading: 'Roles', hidden: ['New role', 'Edit Viewer'] },
        { path: '/environments', heading: 'Environments', hidden: ['New environment', 'Rename Production'] },
        { path: '/security', heading: 'Security', hidden: ['Save changes'] },
      ];
      for (const section of expectations) {
        await member.goto(url(section.path));
        await eventually(() => member.getByRole('heading', { level: 1 }).first().innerText()).toBe(section.heading);
        await eventually(() => member.getByRole('status').count()).toBe(0);
        for (const name of section.hidden) {
          expect(await member.getByRole('button', { name }).count(), `${name} on ${section.path}`).toBe(0);
        }
        await checkPage(member, `member${section.path.replaceAll('/', '-')}`);
      }
      // A link to a section they may not read says what it takes, in words for a person.
      await member.goto(url('/users'));
      await eventually(() => member.getByText('This needs the privilege users:view in the account').count()).toBe(1);
      expect(await member.getByRole('button', { name: 'Invite user' }).count()).toBe(0);
      await checkPage(member, 'member-users');
      // Their own tokens are theirs to make.
      await member.goto(url('/tokens'));
      await eventually(() => member.getByRole('button', { name: 'Create token' }).count()).toBe(1);
      expect(memberViolations).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('ran every page under the console’s content security policy without a refusal', () => {
    expect(violations).toEqual([]);
  });
});
