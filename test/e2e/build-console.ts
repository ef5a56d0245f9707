import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { chromiumAvailable } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The console built once for every browser test file, served by their servers (CONSOLE_DIR). */
    consoleDir: string;
  }
}

/**
 * Builds the console once per run into a folder of its own: the browser test files share it,
 * and a `npm run build` (or another run) writing dist/web meanwhile cannot pull files from
 * under a running server.
 */
export default async function buildConsoleOnce(project: TestProject): Promise<() => void> {
  if (!chromiumAvailable() && process.env.CI !== 'true') {
    // The journeys will say they were skipped; there is nothing to serve them.
    project.provide('consoleDir', '');
    return () => undefined;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'steward-e2e-console-'));
  await build({
    configFile: join(import.meta.dirname, '../../web/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  project.provide('consoleDir', outDir);
  return () => {
    rmSync(outDir, { recursive: true, force: true });
  };
}
