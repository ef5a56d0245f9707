import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtpServer } from '../smtp.js';
import {
  callApi,
  checkPage,
  eventually,
  openBrowser,
  requireChromium,
  setUpAccount,
  startServer,
  watchPolicyViolations,
  type Founder,
  type RunningServer,
} from './harness.js';

interface User {
  user_id: string;
  user_email: string;
  user_name: string;
  environments: Record<string, { role: string }>;
  is_admin: boolean;
  is_active: boolean | null;
  status: string;
  groups: string[];
  allow_login_password: boolean;
  allow_login_google: boolean;
  allow_login_sso: boolean;
}

const ANN = { name: 'Ann Analyst', email: 'ann@example.com' };
const BOB = { name: 'Bob Builder', email: 'bob@example.com' };

const browserReady = requireChromium();

describe.runIf(browserReady)('the Users page in a browser', () => {
  let smtp: TestSmtpServer;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let violations: string[];
  let founder: Founder;
  let production = '';
  let staging = '';
  let teamId = '';

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Steward <steward@example.com>' });
    browser = await openBrowser();
    page = await browser.newPage();
    violations = watchPolicyViolations(page);
    founder = await setUpAccount(server, page, {
      name: 'Fran Founder',
      email: 'founder@example.com',
      accountName: 'Acme',
      environments: ['Production', 'Staging'],
    });
    [production = '', staging = ''] = founder.environmentIds;
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
    await smtp.close();
  });

  const users = () => `/v1/accounts/${founder.accountId}/users`;
  /** The user the API knows by that email (through the list's search). */
  const userByEmail = async (email: string): Promise<User | undefined> => {
    const list = await callApi<{ items: User[] }>(
      page,
      'GET',
      `${users()}?name=${encodeURIComponent(email)}&page=1&items_per_page=20&sort_by=created_at&sort_order=desc`,
    );
    const id = list.body.items.find((u) => u.user_email === email)?.user_id;
    if (id === undefined) return undefined;
    return (await callApi<User>(page, 'GET', `${users()}/${id}`)).body;
  };
  const rowOf = (name: string) => page.locator('table tbody tr').filter({ hasText: name });
  const dialog = (name: string) => page.getByRole('dialog', { name });
  const box = (on: Page | Locator, name: string) => on.getByRole('textbox', { name, exact: true });
  const notification = (text: string) => page.locator('.mantine-Notification-root').filter({ hasText: text });
  const openMenuItem = async (user: string, item: string) => {
    await page.getByRole('button', { name: `Actions for ${user}` }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  /**
   * Waits for the notifications on screen to close before an accessibility check: Mantine's
   * close button has no name and a message under a title is gray 6 (3.3:1), a fix the shared
   * theme needs; this file checks its own pages and dialogs.
   */
  const mailsTo = (email: string) => smtp.accepted.filter((m) => m.to.includes(email)).length;

  it('invites a user through the dialog, showing the API’s refusal at the field', async () => {
    await page.goto(`${server.url}/users`);
    await eventually(() => rowOf(founder.email).count()).toBe(1);
    await checkPage(page, 'users-manage');

    await page.getByRole('button', { name: 'Invite user' }).click();
    const invite = dialog('Invite a user');
    await box(invite, 'Email').fill('not-an-email');
    await box(invite, 'Name').fill(ANN.name);
    // Admins hold everything: the grid only shows for others.
    await invite.getByRole('switch', { name: 'Admin' }).check({ force: true });
    await eventually(() => invite.getByRole('combobox', { name: 'Staging' }).count()).toBe(0);
    await invite.getByRole('switch', { name: 'Admin' }).uncheck({ force: true });
    await invite.getByRole('combobox', { name: 'Staging' }).selectOption({ label: 'Developer' });
    expect(await invite.getByRole('combobox', { name: 'Production' }).inputValue()).toBe('');
    await checkPage(page, 'users-invite');

    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await eventually(() => box(invite, 'Email').getAttribute('aria-invalid')).toBe('true');
    expect(await invite.getByText('value is not a valid email address').count()).toBe(1);
    expect(await userByEmail(ANN.email)).toBeUndefined();
    await checkPage(page, 'users-invite-refused');

    await box(invite, 'Email').fill(ANN.email);
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await eventually(() => invite.count()).toBe(0);
    await eventually(() => rowOf(ANN.email).count()).toBe(1);
    expect(await rowOf(ANN.email).textContent()).toContain('Staging: Developer');
    const ann = await userByEmail(ANN.email);
    expect(ann).toMatchObject({
      user_name: ANN.name,
      is_admin: false,
      status: 'invited',
      environments: { [staging]: { role: 'developer' } },
      allow_login_password: true,
      allow_login_google: false,
      allow_login_sso: false,
    });
    await smtp.until(() => mailsTo(ANN.email) === 1);

    // Inviting the same person twice is the API's conflict, said in its words.
    await page.getByRole('button', { name: 'Invite user' }).click();
    await box(invite, 'Email').fill(ANN.email);
    await box(invite, 'Name').fill('Ann Again');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await eventually(() => notification('User already exists in this account').count()).toBe(1);
    await invite.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => invite.count()).toBe(0);
  });

  it('edits the roles through the grid, and the permissions view shows the result', async () => {
    await openMenuItem(ANN.name, 'Edit');
    const edit = dialog(`Edit ${ANN.name}`);
    const prod = edit.getByRole('combobox', { name: 'Production' });
    await eventually(() => prod.count()).toBe(1);
    expect(await edit.getByRole('combobox', { name: 'Staging' }).inputValue()).toBe('developer');
    await prod.selectOption({ label: 'Viewer' });
    await edit.getByRole('combobox', { name: 'Staging' }).selectOption({ label: 'No access' });
    await edit.getByRole('switch', { name: 'Google' }).check({ force: true });
    await checkPage(page, 'users-edit');
    await edit.getByRole('button', { name: 'Save' }).click();
    await eventually(() => edit.count()).toBe(0);
    await eventually(() => notification(`Saved ${ANN.name}.`).count()).toBe(1);

    const ann = await userByEmail(ANN.email);
    expect(ann?.environments).toEqual({ [production]: { role: 'viewer' } });
    expect(ann?.allow_login_google).toBe(true);
    await eventually(() => rowOf(ANN.email).textContent()).toContain('Production: Viewer');

    await openMenuItem(ANN.name, 'View permissions');
    const permissions = dialog(`Permissions of ${ANN.name}`);
    const prodRow = permissions.getByRole('row').filter({ hasText: 'Production' });
    await eventually(() => prodRow.textContent()).toContain('Viewer');
    expect(await permissions.getByRole('row').filter({ hasText: 'Staging' }).textContent()).toContain('No access');
    const api = await callApi<{ environments: Record<string, { privileges: string[] }> }>(
      page,
      'GET',
      `${users()}/${ann?.user_id ?? ''}/permissions`,
    );
    const privilege = api.body.environments[production]?.privileges[0] ?? 'none';
    expect(await prodRow.textContent()).toContain(privilege);
    await checkPage(page, 'users-permissions');
    await page.keyboard.press('Escape');
    await eventually(() => permissions.count()).toBe(0);
  });

  it('adds two users to a team at once, filters by it, and takes them out again', async () => {
    const bob = await callApi<User>(page, 'POST', `${users()}/invite`, {
      user_name: BOB.name,
      user_email: BOB.email,
      environments: {},
      allow_login_password: true,
    });
    expect(bob.status).toBe(200);
    const team = await callApi<{ team_id: string }>(page, 'POST', `/v1/accounts/${founder.accountId}/teams`, {
      name: 'Ops',
      environments: { [staging]: { role: 'viewer' } },
    });
    expect(team.status).toBe(201);
    teamId = team.body.team_id;
    await page.reload();
    await eventually(() => rowOf(BOB.email).count()).toBe(1);

    await page.getByRole('checkbox', { name: `Select ${ANN.name}` }).check();
    await page.getByRole('checkbox', { name: `Select ${BOB.name}` }).check();
    const bar = page.getByRole('region', { name: 'Selected users' });
    await eventually(() => bar.textContent()).toContain('2 users selected');
    await bar.getByRole('combobox', { name: 'Team for the selection' }).click();
    await page.getByRole('option', { name: 'Ops' }).click();
    await checkPage(page, 'users-bulk');
    await bar.getByRole('button', { name: 'Add to team' }).click();
    await eventually(() => notification('Added 2 users to Ops.').count()).toBe(1);
    await eventually(() => bar.count()).toBe(0);
    expect((await userByEmail(ANN.email))?.groups).toEqual([teamId]);
    expect((await userByEmail(BOB.email))?.groups).toEqual([teamId]);
    await eventually(() => rowOf(BOB.email).textContent()).toContain('Ops');
    // The team gives Staging's viewer role: the permissions view reads it again.
    await openMenuItem(ANN.name, 'View permissions');
    const permissions = dialog(`Permissions of ${ANN.name}`);
    await eventually(() => permissions.getByRole('row').filter({ hasText: 'Staging' }).textContent()).toContain(
      'Viewer',
    );
    await page.keyboard.press('Escape');
    await eventually(() => permissions.count()).toBe(0);

    await page.getByRole('combobox', { name: 'Team', exact: true }).click();
    await page.getByRole('option', { name: 'Ops' }).click();
    await page.waitForURL(`${server.url}/users?team=${teamId}`);
    await eventually(() => page.locator('table tbody tr').count()).toBe(2);
    expect(await page.locator('table caption').innerText()).toBe('Users in the team Ops');

    await page.getByRole('checkbox', { name: 'Select every user on this page' }).check();
    await eventually(() => bar.textContent()).toContain('2 users selected');
    await bar.getByRole('combobox', { name: 'Team for the selection' }).click();
    await page.getByRole('option', { name: 'Ops' }).click();
    await bar.getByRole('button', { name: 'Remove from team' }).click();
    await eventually(() => notification('Removed 2 users from Ops.').count()).toBe(1);
    await eventually(() => page.getByText('No user matches these filters.').count()).toBe(1);
    expect((await userByEmail(ANN.email))?.groups).toEqual([]);
    expect((await userByEmail(BOB.email))?.groups).toEqual([]);

    // A shared link opens the same filtered view.
    await page.goto(`${server.url}/users?team=${teamId}`);
    await eventually(() => page.getByText('No user matches these filters.').count()).toBe(1);
  });

  it('deactivates and activates a user, and reports what a bulk deactivation could not do', async () => {
    await page.goto(`${server.url}/users`);
    await eventually(() => rowOf(BOB.email).count()).toBe(1);
    await openMenuItem(BOB.name, 'Deactivate');
    await eventually(() => rowOf(BOB.email).textContent()).toContain('Deactivated');
    expect((await userByEmail(BOB.email))?.is_active).toBe(false);
    await openMenuItem(BOB.name, 'Activate');
    await eventually(() => rowOf(BOB.email).textContent()).toContain('Invited');
    expect((await userByEmail(BOB.email))?.is_active).toBe(true);

    // The founder is the only admin: one of the two calls is refused, and the page says which worked.
    await page.getByRole('checkbox', { name: `Select ${BOB.name}` }).check();
    await page.getByRole('checkbox', { name: `Select ${founder.name}` }).check();
    await page.getByRole('region', { name: 'Selected users' }).getByRole('button', { name: 'Deactivate' }).click();
    await eventually(() =>
      notification('Deactivated 1 user; 1 user failed: The account must keep at least one active admin').count(),
    ).toBe(1);
    expect((await userByEmail(BOB.email))?.is_active).toBe(false);
    expect((await userByEmail(founder.email))?.is_active).toBe(true);
    await openMenuItem(BOB.name, 'Activate');
    await eventually(() => rowOf(BOB.email).textContent()).toContain('Invited');
  });

  it('sends an invitation again', async () => {
    const before = mailsTo(ANN.email);
    await openMenuItem(ANN.name, 'Send the invitation again');
    await eventually(() => notification('A new invitation is on its way to ann@example.com').count()).toBe(1);
    await smtp.until(() => mailsTo(ANN.email) === before + 1);
    // The founder has accepted: no such item for them.
    await page.getByRole('button', { name: `Actions for ${founder.name}` }).click();
    await eventually(() => page.getByRole('menuitem', { name: 'Edit' }).count()).toBe(1);
    expect(await page.getByRole('menuitem', { name: 'Send the invitation again' }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('removes a user once the person confirms', async () => {
    const bob = await userByEmail(BOB.email);
    await openMenuItem(BOB.name, 'Remove from the account');
    const confirm = dialog(`Remove ${BOB.name}?`);
    await eventually(() => confirm.count()).toBe(1);
    await checkPage(page, 'users-remove-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => confirm.count()).toBe(0);
    expect(await userByEmail(BOB.email)).toBeDefined();

    await openMenuItem(BOB.name, 'Remove from the account');
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await eventually(() => rowOf(BOB.email).count()).toBe(0);
    expect((await callApi(page, 'GET', `${users()}/${bob?.user_id ?? ''}`)).status).toBe(404);
  });

  it('fits a phone’s width with the selection bar and the invite dialog open', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/users`);
    await page.getByRole('checkbox', { name: `Select ${ANN.name}` }).check();
    await eventually(() => page.getByRole('region', { name: 'Selected users' }).count()).toBe(1);
    const width = () => page.evaluate<number>('document.documentElement.scrollWidth');
    expect(await width()).toBeLessThanOrEqual(390);
    await checkPage(page, 'users-bulk-390px');
    await page.getByRole('button', { name: 'Invite user' }).click();
    await eventually(() => dialog('Invite a user').getByRole('combobox', { name: 'Staging' }).count()).toBe(1);
    expect(await width()).toBeLessThanOrEqual(390);
    await checkPage(page, 'users-invite-390px');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('invites with the keyboard alone', async () => {
    await page.goto(`${server.url}/users`);
    await eventually(() => rowOf(ANN.email).count()).toBe(1);
    /** The focused element's name as a person hears it: its label, its aria-label, or its text. */
    const focused = () =>
      page.evaluate<string>(`(() => {
        const el = document.activeElement;
        if (el === null) return '';
        const label = el.labels && el.labels.length > 0 ? el.labels[0].textContent : null;
        // A required field's label ends in a hidden "*".
        return (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\\s*\\*\\s*$/, '').trim();
      })()`);
    const tabTo = async (name: string) => {
      for (let i = 0; i < 60; i++) {
        if ((await focused()) === name) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached “${name}”; focus is on “${await focused()}”`);
    };
    await tabTo('Invite user');
    await page.keyboard.press('Enter');
    const invite = dialog('Invite a user');
    await eventually(focused).toBe('Email');
    await page.keyboard.type('kim@example.com');
    await tabTo('Name');
    await page.keyboard.type('Kim Keys');
    await tabTo('Production');
    await page.keyboard.press('ArrowDown');
    await eventually(() => invite.getByRole('combobox', { name: 'Production' }).inputValue()).not.toBe('');
    const role = await invite.getByRole('combobox', { name: 'Production' }).inputValue();
    await tabTo('Google');
    await page.keyboard.press('Space');
    await tabTo('Send invitation');
    await page.keyboard.press('Enter');
    await eventually(() => invite.count()).toBe(0);
    await eventually(() => rowOf('kim@example.com').count()).toBe(1);
    expect(await userByEmail('kim@example.com')).toMatchObject({
      user_name: 'Kim Keys',
      environments: { [production]: { role } },
      allow_login_google: true,
      allow_login_password: true,
    });
  });

  it('ran under the console’s content security policy without a refusal', () => {
    expect(violations).toEqual([]);
  });
});
