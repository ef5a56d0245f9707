import { TOTP } from 'otpauth';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const browserReady = requireChromium();

interface SecuritySettings {
  idle_timeout_minutes: number;
  max_sessions_per_user: number;
  require_two_factor: boolean;
  password_policy: {
    min_length: number;
    character_classes: number;
    history_count: number;
    max_age_days: number | null;
  };
  trusted_ips: string[];
}

interface AccountList {
  items: { account_id: string; name: string; environments: { name: string }[]; features: Record<string, boolean> }[];
}

describe.runIf(browserReady)('API tokens, security settings and accounts in the console', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let violations: string[];
  let founder: Founder;
  let secret = '';

  beforeAll(async () => {
    server = await startServer({});
    browser = await openBrowser();
    page = await browser.newPage();
    violations = watchPolicyViolations(page);
    founder = await setUpAccount(server, page, {
      name: 'Tess Tokens',
      email: 'tess@example.com',
      accountName: 'Tokenly',
      environments: ['Production'],
    });
    // Times are picked and shown in the person's zone: not UTC, so the conversion shows.
    expect((await callApi(page, 'PATCH', '/v1/me', { time_zone: 'Europe/Paris' })).status).toBe(200);
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  const url = (path: string): string => `${server.url}${path}`;
  const box = (on: Page, name: string) => on.getByRole('textbox', { name, exact: true });
  const dialog = () => page.getByRole('dialog');
  /** Waits for a Mantine modal to finish closing. */
  const noDialog = () => eventually(() => dialog().count()).toBe(0);
  /** A request to the API as a script with the token would make it, from outside the browser. */
  const withToken = (token: string, path: string) =>
    fetch(url(path), { headers: { authorization: `Bearer ${token}` } }).then((res) => res.status);
  const settings = async () =>
    (await callApi<SecuritySettings>(page, 'GET', `/v1/accounts/${founder.accountId}/settings/security`)).body;
  /** Mantine's switch input has no box of its own: reach it as a keyboard user does. */
  const toggle = async (name: string) => {
    await page.getByRole('switch', { name }).focus();
    await page.keyboard.press('Space');
  };

  it('creates a token whose secret is shown once and works against the API', async () => {
    await page.goto(url('/tokens'));
    await eventually(() => page.getByText('No API tokens yet.').count()).toBe(1);
    await checkPage(page, 'tokens-empty');

    await page.getByRole('button', { name: 'Create token' }).click();
    await eventually(() => dialog().getByRole('checkbox', { name: 'user:list' }).count()).toBe(1);
    await checkPage(page, 'tokens-create');
    await box(page, 'Name').fill('CI deploy');
    await dialog().getByRole('checkbox', { name: 'user:list' }).check();
    await dialog().getByRole('checkbox', { name: 'token:list' }).check();
    await page.getByLabel('Expires').fill('2031-01-15T09:30');
    await dialog().getByRole('button', { name: 'Create token' }).click();

    const shown = page.getByTestId('token-secret');
    await eventually(() => shown.count()).toBe(1);
    secret = (await shown.innerText()).trim();
    expect(secret.length).toBeGreaterThan(20);
    await expect.poll(() => dialog().innerText()).toContain('You will not see it again');
    await checkPage(page, 'tokens-secret-shown-once');

    expect(await withToken(secret, `/v1/accounts/${founder.accountId}/users?page=1&items_per_page=20`)).toBe(200);
    // Its scopes hold it to what it was given, though its owner is an admin.
    expect(await withToken(secret, `/v1/accounts/${founder.accountId}/settings/security`)).toBe(403);

    await dialog().getByRole('button', { name: 'Done' }).click();
    await noDialog();
    expect(await page.content()).not.toContain(secret);
    await page.getByRole('button', { name: 'Create token' }).click();
    await eventually(() => box(page, 'Name').count()).toBe(1);
    expect(await page.content()).not.toContain(secret);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await noDialog();

    const row = page.locator('table tbody tr', { hasText: 'CI deploy' });
    await eventually(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('tess@example.com');
    expect(await row.innerText()).toContain('15 Jan 2031, 09:30');
    const listed = await callApi<{ items: { name: string; scopes: string[]; expires_at: string | null }[] }>(
      page,
      'GET',
      `/v1/accounts/${founder.accountId}/tokens?page=1&items_per_page=20`,
    );
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        name: 'CI deploy',
        scopes: ['user:list', 'token:list'],
        expires_at: expect.stringMatching(/^2031-01-15T08:30:00/) as unknown,
      }),
    ]);
    await checkPage(page, 'tokens-list');
  });

  it('revokes the token after a confirmation, and the API refuses it from then on', async () => {
    await page.getByRole('button', { name: 'Revoke token CI deploy' }).click();
    await eventually(() => dialog().getByText('stops working at once').count()).toBe(1);
    await checkPage(page, 'tokens-revoke-confirm');
    await dialog().getByRole('button', { name: 'Revoke token', exact: true }).click();
    await eventually(() => page.getByText('No API tokens yet.').count()).toBe(1);
    expect(await withToken(secret, `/v1/accounts/${founder.accountId}/users?page=1&items_per_page=20`)).toBe(401);
  });

  it('changes security settings, sending only what changed, with bad addresses stopped at their field', async () => {
    await page.goto(url('/security'));
    const idle = box(page, 'Idle timeout (minutes)');
    await eventually(() => idle.inputValue()).toBe('60');
    await checkPage(page, 'security');
    const patches: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH' && request.url().endsWith('/settings/security')) patches.push(request);
    });

    await idle.fill('30');
    await box(page, 'Minimum length').fill('16');
    await page.getByRole('button', { name: 'Add trusted IP' }).click();
    const entry = box(page, 'Trusted IP 1');
    await entry.fill('300.1.2.3');
    await entry.blur();
    await eventually(() => page.getByText('Not an IPv4 or IPv6 address or CIDR range').count()).toBe(1);
    expect(await entry.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await checkPage(page, 'security-invalid-ip');
    expect(patches).toHaveLength(0);

    // A list that leaves out the address in use: the API refuses it, and says so under the list.
    await entry.fill('203.0.113.0/24');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await eventually(() => page.getByText('lock this caller out', { exact: false }).count()).toBe(1);
    expect(patches).toHaveLength(1);
    expect((await settings()).trusted_ips).toEqual([]);

    await entry.fill('127.0.0.0/8');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await eventually(async () => (await settings()).idle_timeout_minutes).toBe(30);
    expect(patches).toHaveLength(2);
    expect(patches[1]?.postDataJSON()).toEqual({
      idle_timeout_minutes: 30,
      password_policy: { min_length: 16 },
      trusted_ips: ['127.0.0.0/8'],
    });
    const saved = await settings();
    expect(saved).toMatchObject({
      max_sessions_per_user: 10,
      require_two_factor: false,
      password_policy: { min_length: 16, character_classes: 0, history_count: 0, max_age_days: null },
      trusted_ips: ['127.0.0.0/8'],
    });
    await eventually(() => page.getByText('Security settings saved.').count()).toBe(1);
    await eventually(() => page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
  });

  it('creates an account, renames it and switches a feature on', async () => {
    await page.goto(url('/accounts'));
    await eventually(() => page.locator('table tbody tr', { hasText: 'Tokenly' }).count()).toBe(1);
    await checkPage(page, 'accounts');

    await page.getByRole('button', { name: 'Create account' }).click();
    await eventually(() => box(page, 'Name').count()).toBe(1);
    await checkPage(page, 'accounts-create');
    await box(page, 'Name').fill('Globex');
    const environments = page.getByRole('combobox', { name: 'Environments' });
    await environments.fill('Production');
    await environments.press('Enter');
    await environments.fill('Staging');
    await environments.press('Enter');
    await dialog().getByRole('button', { name: 'Create account' }).click();
    const row = page.locator('table tbody tr', { hasText: 'Globex' });
    await eventually(() => row.count()).toBe(1);
    const globex = async () =>
      (await callApi<AccountList>(page, 'GET', '/v1/accounts?page=1&items_per_page=200')).body.items.find((a) =>
        a.name.startsWith('Globex'),
      );
    expect((await globex())?.environments.map((e) => e.name)).toEqual(['Production', 'Staging']);

    await page.getByRole('button', { name: 'Edit account Globex' }).click();
    await eventually(() => page.getByRole('switch', { name: 'RSS feeds' }).count()).toBe(1);
    await checkPage(page, 'accounts-edit');
    await toggle('RSS feeds');
    await eventually(async () => (await globex())?.features.rss_feeds).toBe(true);
    expect((await globex())?.features.api_metrics).toBe(false);
    await eventually(() => page.getByRole('switch', { name: 'RSS feeds' }).isChecked()).toBe(true);

    await box(page, 'Name').fill('Globex Corp');
    await dialog().getByRole('button', { name: 'Rename' }).click();
    await eventually(async () => (await globex())?.name).toBe('Globex Corp');
    await dialog().getByRole('button', { name: 'Close', exact: true }).first().click();
    await noDialog();
    await eventually(() => row.innerText()).toContain('RSS feeds');
  });

  it('fits a phone’s width on each page: only tables scroll sideways', async () => {
    const made = await callApi(page, 'POST', `/v1/accounts/${founder.accountId}/tokens`, {
      name: 'Phone check',
      scopes: ['account:read'],
    });
    expect(made.status).toBe(201);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, heading] of [
      ['/tokens', 'API tokens'],
      ['/security', 'Security'],
      ['/accounts', 'Accounts'],
    ] as const) {
      await page.goto(url(path));
      await eventually(() => page.getByRole('heading', { name: heading, level: 1 }).count()).toBe(1);
      await eventually(() => page.locator('table, form').count()).toBeGreaterThan(0);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
      await checkPage(page, `${path.slice(1)}-390px`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('requires two-factor authentication, which sends the admin to enrol before anything else', async () => {
    await page.goto(url('/security'));
    await eventually(() => page.getByRole('switch', { name: 'Require two-factor authentication' }).count()).toBe(1);
    await toggle('Require two-factor authentication');
    await eventually(() => dialog().getByText('must enrol at their next request').count()).toBe(1);
    await checkPage(page, 'security-require-2fa-confirm');
    await dialog().getByRole('button', { name: 'Require it' }).click();
    await noDialog();
    await eventually(() => page.getByRole('switch', { name: 'Require two-factor authentication' }).isChecked()).toBe(
      true,
    );
    await checkPage(page, 'security-require-2fa-pending');
    await page.getByRole('button', { name: 'Save changes' }).click();
    // Saved: from its next request on, the API refuses this admin (no 2FA yet) everything else.
    const users = `/v1/accounts/${founder.accountId}/users?page=1&items_per_page=20`;
    await eventually(async () => (await callApi(page, 'GET', users)).status).toBe(403);

    await page.goto(url('/users'));
    await page.waitForURL(url('/two-factor/enrol'));
    await eventually(() => page.getByRole('img', { name: 'QR code of your two-factor secret' }).count()).toBe(1);
    const totp = await page.locator('code').innerText();
    const code = new TOTP({ secret: totp, digits: 6, period: 30, algorithm: 'SHA1' }).generate();
    await box(page, 'The 6-digit code the app shows').fill(code);
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await eventually(() => page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.waitForURL(url('/users'));
    expect((await settings()).require_two_factor).toBe(true);
  });

  it('ran every page under the console’s content security policy without a refusal', () => {
    expect(violations).toEqual([]);
  });
});
