import type { BrowserContext, Page } from 'playwright-core';
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

interface Permissions {
  environments: Record<string, { roles: string[]; privileges: string[] } | undefined>;
  account_privileges: string[];
}

describe.runIf(browserReady)('custom roles, teams and environments in the console', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let violations: string[];
  let founder: Founder;
  let memberId = '';
  let teamId = '';

  const url = (path: string): string => `${server.url}${path}`;
  const dialog = () => page.getByRole('dialog');
  const box = (name: string) => dialog().getByRole('textbox', { name, exact: true });
  const productionId = () => founder.environmentIds[0] ?? '';
  const stagingId = () => founder.environmentIds[1] ?? '';
  const permissions = async (): Promise<Permissions> =>
    (await callApi<Permissions>(page, 'GET', `/v1/accounts/${founder.accountId}/users/${memberId}/permissions`)).body;
  const stagingPrivileges = async (): Promise<string[]> =>
    [...((await permissions()).environments[stagingId()]?.privileges ?? [])].sort();
  const notification = (text: string | RegExp) => page.locator('.mantine-Notification-root').filter({ hasText: text });
  /** Waits for a Mantine modal to finish closing: the page is what it is once it is gone. */
  const noDialog = () => eventually(() => page.getByRole('dialog').count()).toBe(0);

  beforeAll(async () => {
    server = await startServer({});
    browser = await openBrowser();
    page = await browser.newPage();
    violations = watchPolicyViolations(page);
    founder = await setUpAccount(server, page, {
      name: 'Ada Admin',
      email: 'ada@example.com',
      accountName: 'Acme',
      environments: ['Production', 'Staging'],
    });
    const invited = await callApi<{ user_id: string }>(page, 'POST', `/v1/accounts/${founder.accountId}/users/invite`, {
      user_name: 'Mia Member',
      user_email: 'mia@example.com',
      environments: {},
      allow_login_password: true,
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(200);
    memberId = invited.body.user_id;
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('builds a custom role from the privileges a custom role may give', async () => {
    expect(await permissions()).toEqual({ environments: {}, account_privileges: [] });
    await page.goto(url('/roles'));
    await eventually(() => page.getByRole('row').filter({ hasText: 'Connection viewer' }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: 'Built-in' }).count()).toBe(6);
    await checkPage(page, 'roles');

    await page.getByRole('button', { name: 'New custom role' }).click();
    const checkbox = (name: string) => dialog().getByRole('checkbox', { name, exact: true });
    await eventually(() => checkbox('rivers:view').count()).toBe(1);
    // Admin-only privileges and those of a feature the account lacks cannot be ticked, and say why.
    expect(await checkbox('users:manage').isDisabled()).toBe(true);
    expect(await checkbox('environment:access_view').isDisabled()).toBe(true);
    expect(await dialog().getByText('Needs the feature advanced_environment_access').count()).toBe(2);
    expect(await checkbox('users:view').isDisabled()).toBe(false);
    await box('Name').fill('Release managers');
    expect(await box('Key').inputValue()).toBe('release_managers');
    await box('Description').fill('Ship what is ready');
    for (const privilege of ['rivers:view', 'rivers:run', 'deployments:view']) await checkbox(privilege).check();
    await checkPage(page, 'roles-builder');
    await dialog().getByRole('button', { name: 'Create role' }).click();
    await noDialog();

    const role = await callApi<{ privileges: string[]; description: string }>(
      page,
      'GET',
      `/v1/accounts/${founder.accountId}/roles/release_managers`,
    );
    expect(role.status).toBe(200);
    expect(role.body.privileges).toEqual(['rivers:view', 'rivers:run', 'deployments:view']);
    expect(role.body.description).toBe('Ship what is ready');
    await eventually(() => page.getByRole('row').filter({ hasText: 'Release managers' }).count()).toBe(1);
  });

  it('creates a team giving the role in one environment, and its new member holds the role’s privileges there', async () => {
    await page.goto(url('/teams'));
    await eventually(() => page.getByText('No teams yet.').count()).toBe(1);
    await checkPage(page, 'teams-empty');

    await page.getByRole('button', { name: 'New team' }).click();
    await box('Name').fill('Release team');
    await dialog().getByRole('combobox', { name: 'Staging' }).selectOption({ label: 'Release managers' });
    await checkPage(page, 'team-editor');
    await dialog().getByRole('button', { name: 'Create team' }).click();
    await noDialog();
    const row = page.getByRole('row').filter({ hasText: 'Release team' });
    await eventually(() => row.innerText()).toContain('Staging: Release managers');

    const teams = await callApi<{ items: { team_id: string; environments: Record<string, { role: string }> }[] }>(
      page,
      'GET',
      `/v1/accounts/${founder.accountId}/teams`,
    );
    teamId = teams.body.items[0]?.team_id ?? '';
    expect(teams.body.items[0]?.environments).toEqual({ [stagingId()]: { role: 'release_managers' } });
    await checkPage(page, 'teams');

    await row.getByRole('button', { name: '0 members in Release team: show them' }).click();
    await eventually(() => dialog().getByText('Nobody is in this team yet.').count()).toBe(1);
    await dialog().getByRole('searchbox', { name: 'Add a member' }).fill('mia');
    await dialog().getByRole('button', { name: 'Add Mia Member to Release team' }).click();
    await eventually(() => dialog().getByRole('row').filter({ hasText: 'mia@example.com' }).count()).toBe(1);
    await eventually(() => notification('Mia Member added to Release team').count()).toBe(1);
    await checkPage(page, 'team-members');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await noDialog();
    await eventually(() => row.innerText()).toContain('1 member');

    await eventually(stagingPrivileges).toEqual(['deployments:view', 'rivers:run', 'rivers:view']);
    const now = await permissions();
    expect(now.environments[productionId()]).toBeUndefined();
    expect(now.environments[stagingId()]?.roles).toEqual(['release_managers']);
  });

  it('changes the member’s permissions when the role changes', async () => {
    await page.goto(url('/roles'));
    await page.getByRole('button', { name: 'Edit Release managers' }).click();
    const variables = dialog().getByRole('checkbox', { name: 'variables:view', exact: true });
    await eventually(() => variables.count()).toBe(1);
    expect(await dialog().getByRole('checkbox', { name: 'rivers:run', exact: true }).isChecked()).toBe(true);
    await variables.check();
    await checkPage(page, 'roles-edit');
    await dialog().getByRole('button', { name: 'Save role' }).click();
    await noDialog();
    expect(await stagingPrivileges()).toEqual(['deployments:view', 'rivers:run', 'rivers:view', 'variables:view']);
  });

  it('creates, renames and deletes an environment, and shows a name the API refuses', async () => {
    await page.goto(url('/environments'));
    await eventually(() => page.getByText('2 environments').count()).toBe(1);
    await checkPage(page, 'environments');

    await page.getByRole('button', { name: 'New environment' }).click();
    await box('Name').fill('production');
    await checkPage(page, 'environments-create');
    await dialog().getByRole('button', { name: 'Create environment' }).click();
    await eventually(() =>
      dialog().getByText('An environment with this name already exists in the account').count(),
    ).toBe(1);
    expect(await box('Name').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'environments-name-taken');
    await box('Name').fill('QA');
    await dialog().getByRole('button', { name: 'Create environment' }).click();
    await noDialog();
    await eventually(() => page.getByText('3 environments').count()).toBe(1);

    await page.getByRole('button', { name: 'Rename QA' }).click();
    await box('Name').fill('Quality');
    await checkPage(page, 'environments-rename');
    await dialog().getByRole('button', { name: 'Rename' }).click();
    await noDialog();
    await eventually(() => page.getByRole('row').filter({ hasText: 'Quality' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Delete Quality' }).click();
    await checkPage(page, 'environments-delete');
    await dialog().getByRole('button', { name: 'Delete environment' }).click();
    await noDialog();
    await eventually(() => notification('Quality deleted; nobody had a role there.').count()).toBe(1);
    await eventually(() => page.getByText('2 environments').count()).toBe(1);
    const left = await callApi<{ items: { name: string }[] }>(
      page,
      'GET',
      `/v1/accounts/${founder.accountId}/environments`,
    );
    expect(left.body.items.map((e) => e.name)).toEqual(['Production', 'Staging']);
  });

  it('refuses to delete the role while the team gives it, then deletes it once the team no longer does', async () => {
    await page.goto(url('/roles'));
    await page.getByRole('button', { name: 'Delete Release managers' }).click();
    await checkPage(page, 'roles-delete');
    await dialog().getByRole('button', { name: 'Delete role' }).click();
    await eventually(() =>
      notification(/Role "release_managers" is still given to 1 team \(Release team/).count(),
    ).toBe(1);
    await checkPage(page, 'roles-delete-refused');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await noDialog();
    const kept = await callApi(page, 'GET', `/v1/accounts/${founder.accountId}/roles/release_managers`);
    expect(kept.status).toBe(200);

    await page.goto(url('/teams'));
    await page.getByRole('button', { name: 'Edit Release team' }).click();
    await dialog().getByRole('combobox', { name: 'Staging' }).selectOption({ label: 'No role' });
    await dialog().getByRole('button', { name: 'Save team' }).click();
    await noDialog();
    const team = await callApi<{ environments: object }>(
      page,
      'GET',
      `/v1/accounts/${founder.accountId}/teams/${teamId}`,
    );
    expect(team.body.environments).toEqual({});
    expect(await permissions()).toEqual({ environments: {}, account_privileges: [] });

    await page.goto(url('/roles'));
    await page.getByRole('button', { name: 'Delete Release managers' }).click();
    await dialog().getByRole('button', { name: 'Delete role' }).click();
    await noDialog();
    await eventually(() => page.getByRole('row').filter({ hasText: 'Release managers' }).count()).toBe(0);
    await eventually(() => notification('Role Release managers deleted.').count()).toBe(1);
    const gone = await callApi(page, 'GET', `/v1/accounts/${founder.accountId}/roles/release_managers`);
    expect(gone.status).toBe(404);
  });

  it('removes a member from the team after asking', async () => {
    await page.goto(url('/teams'));
    await page.getByRole('button', { name: '1 member in Release team: show them' }).click();
    await page.getByRole('button', { name: 'Remove Mia Member from Release team' }).click();
    await eventually(() => page.getByRole('dialog', { name: 'Remove from Release team?' }).count()).toBe(1);
    await checkPage(page, 'team-members-remove');
    await page.getByRole('button', { name: 'Remove from team' }).click();
    await eventually(() => page.getByText('Nobody is in this team yet.').count()).toBe(1);
    const members = await callApi<{ total_items: number }>(
      page,
      'GET',
      `/v1/accounts/${founder.accountId}/teams/${teamId}/users`,
    );
    expect(members.body.total_items).toBe(0);
    await eventually(() => notification('Mia Member removed from Release team').count()).toBe(1);
    await eventually(() => page.getByRole('dialog').count()).toBe(1);
    await dialog().getByRole('button', { name: 'Close' }).click();
    await noDialog();
  });

  it('fits a phone’s width on each page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/teams', '/roles', '/environments']) {
      await page.goto(url(path));
      await eventually(() => page.locator('table tbody tr').count()).toBeGreaterThan(0);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth')), path).toBeLessThanOrEqual(390);
      await checkPage(page, `${path.slice(1)}-390px`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('ran every page under the console’s content security policy without a refusal', () => {
    expect(violations).toEqual([]);
  });
});
