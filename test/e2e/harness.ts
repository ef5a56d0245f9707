import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { expect } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Debian's Chromium, which .ci/run installs; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results/e2e');

/** The console as `npm run build` makes it (dist/web), which the server then serves at `/`. */
export async function buildConsole(): Promise<void> {
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
}

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

/** `steward serve` as a newcomer runs it: the embedded store in a fresh folder, its own port. */
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

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation, then
 * saves a screenshot named `name`. Evaluated through the DevTools protocol rather than a
 * script tag, so the page's own policy (scripts from Steward only) stays as it is.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  // A string, not a function: this project's types have no DOM, and the page's axe is untyped.
  const violations = await page.evaluate<AxeViolation[]>(
    'axe.run(document, { resultTypes: ["violations"] }).then((results) => results.violations)',
  );
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect(serious, `accessibility of ${name}`).toEqual([]);
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}
