import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { TestSmtpServer } from '../smtp.js';
import { CHROMIUM, chromiumAvailable } from './chromium.js';

export { CHROMIUM, chromiumAvailable };

const ROOT = join(import.meta.dirname, '../..');

export const SCREENSHOTS = join(ROOT, 'test-results/e2e');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

export interface RunningServer {
  url: string;
  /** The first-run link the server printed, as a person would copy it. */
  setupLink: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * `steward serve` as a newcomer runs it: the embedded store in a fresh folder, its own port,
 * serving the console build-console.ts built for this run.
 */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/main.ts'), 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      STEWARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'steward-e2e-')),
      AUTH_RATE_LIMIT: '100000',
      CONSOLE_DIR: inject('consoleDir'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const setupLink = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      // The whole line, newline included: a chunk may end in the middle of the token.
      const link = /^ +(http:\/\/\S+\/setup\/\S+)\n/m.exec(output)?.[1];
      if (link !== undefined) resolve(link);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      reject(new Error(`The server exited with ${String(code)} before printing a setup link:\n${output}`));
    });
  });
  return {
    url,
    setupLink,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Headless Chromium with a profile of its own: no cookies, no cache, nothing from before. */
export async function openBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'steward-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
}

/** Every Content Security Policy refusal a page reports: the console must need none. */
export function watchPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Whether nothing on the page moves: no transition running, every dialog fully shown. */
const STILL = `document.getAnimations().every((a) => a.playState !== "running") &&
  [...document.querySelectorAll('[role=dialog], [role=menu]')].every((e) => getComputedStyle(e).opacity === '1')`;

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page once its transitions are over and fails on any serious or critical violation, then
 * saves a screenshot named `name`. Evaluated through the DevTools protocol rather than a
 * script tag, so the page's own policy (scripts from Steward only) stays as it is.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  // A dialog or menu fading in or out is half transparent: its contrast is wrong until it is
  // still. Still twice in a row, as a transition may not have started at the first look.
  // Polled from here: waitForFunction would evaluate a string in the page, which its CSP refuses.
  let stillBefore = false;
  await expect
    .poll(
      async () => {
        const still = await page.evaluate<boolean>(STILL);
        const settled = still && stillBefore;
        stillBefore = still;
        return settled;
      },
      { timeout: 15_000, interval: 100 },
    )
    .toBe(true);
  await page.evaluate(AXE_SOURCE);
  // A string, not a function: this project's types have no DOM, and the page's axe is untyped.
  const violations = await page.evaluate<AxeViolation[]>(
    'axe.run(document, { resultTypes: ["violations"] }).then((results) => results.violations)',
  );
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact ?? ''}): ${v.help} at ${v.nodes.map((n) => `${JSON.stringify(n.target)} (${n.failureSummary ?? ''})`).join(', ')}`,
    );
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect(serious, `accessibility of ${name}`).toEqual([]);
}

/** A page shows what it loads once the server answers: poll for it, for longer than a unit test would. */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

export const PASSWORD = 'correct horse battery staple 42';

export interface Founder {
  name: string;
  email: string;
  accountId: string;
  /** the ids of the environments, in the order their names were given */
  environmentIds: string[];
}

/**
 * Spends the server's setup link through the API from `page`, as the setup page would: the
 * account, its environments and its first admin, signed in on `page`. For the files whose
 * journeys start after setup; console.test.ts walks the setup page itself.
 */
export async function setUpAccount(
  server: RunningServer,
  page: Page,
  founder: { name: string; email: string; accountName: string; environments: string[] },
): Promise<Founder> {
  await page.goto(`${server.url}/login`);
  const token = server.setupLink.split('/setup/')[1] ?? '';
  const setUp = await callApi(page, 'POST', `/v1/setup/${token}`, {
    account_name: founder.accountName,
    environment_names: founder.environments,
    admin_email: founder.email,
    admin_name: founder.name,
    password: PASSWORD,
  });
  expect(setUp.status, JSON.stringify(setUp.body)).toBe(201);
  const me = await callApi<{ current_account: { account_id: string } }>(page, 'GET', '/v1/me');
  const accountId = me.body.current_account.account_id;
  const environments = await callApi<{ items: { environment_id: string; name: string }[] }>(
    page,
    'GET',
    `/v1/accounts/${accountId}/environments`,
  );
  const environmentIds = founder.environments.map(
    (name) => environments.body.items.find((e) => e.name === name)?.environment_id ?? '',
  );
  return { name: founder.name, email: founder.email, accountId, environmentIds };
}

/**
 * One API call from inside `page`, with its session cookie and CSRF token: how a test sets up
 * what a journey needs (thirty users, a role) or checks what the console did, in one line.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the JSON it expects
export async function callApi<Body = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Body }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const headers: Record<string, string> = {};
      if (method !== 'GET') {
        const me = await fetch('/v1/me');
        if (me.ok) headers['x-csrf-token'] = ((await me.json()) as { csrf_token: string }).csrf_token;
      }
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as Body };
    },
    { method, path, body },
  );
}

/** The browser tests' opening: fail in CI without Chromium, say they were skipped elsewhere. */
export function requireChromium(): boolean {
  const ready = chromiumAvailable();
  if (ready) return true;
  if (process.env.CI === 'true') {
    throw new Error(`No Chromium at ${CHROMIUM}: .ci/run installs it (apt-get install chromium)`);
  }
  process.stderr.write(
    `\nConsole browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n\n`,
  );
  return false;
}

/**
 * The console link (`/invitations/…`, `/confirm-email/…`) of the first mail `to` received,
 * once it has arrived. Mail bodies are quoted-printable: long lines are folded with "=", and
 * "=" itself is "=3D".
 */
export async function linkInMail(smtp: TestSmtpServer, to: string, path: string): Promise<string> {
  await smtp.until(() => smtp.accepted.some((m) => m.to.includes(to)));
  const raw = smtp.accepted.find((m) => m.to.includes(to))?.raw ?? '';
  const link = new RegExp(`https?://\\S+?/${path}/[A-Za-z0-9_-]+`).exec(
    raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='),
  )?.[0];
  if (link === undefined) throw new Error(`No /${path}/ link in the mail to ${to}`);
  return link;
}
