import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { pagePolicy } from './hardening.js';

/** Where `npm run build` puts the console (dist/web), from src/http or dist/http alike. */
export const BUILT_CONSOLE_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Paths that stay the API's even when nothing answers them: a JSON 404, never the console. */
const API_PATH = /^\/(v1|docs)(\/|$)/;
/** A last segment with a dot names a file; a missing file is a 404, not the console. */
const FILE_PATH = /\/[^/]*\.[^/]*$/;

/** Whether a GET for `url` that no route answers is one of the console's own pages (a deep link). */
export function isConsolePage(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? '/';
  return !API_PATH.test(path) && !FILE_PATH.test(path);
}

/**
 * Serves the built console at `/`: its files as they are, and index.html for any other GET
 * that is not the API's, so deep links (`/users?page=2`, `/invitations/{token}`) load the app,
 * whose router takes over. Pages get the HTML page policy (scripts from here only; Mantine
 * injects style tags, hence inline styles). Returns false, serving nothing, when the console
 * was not built.
 */
export async function installConsole(app: FastifyInstance, config: Config, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  const policy = pagePolicy(config);
  const assets = join(dir, 'assets', sep);
  await app.register(fastifyStatic, {
    root: dir,
    // One route per built file: a wildcard route would make every unknown path "known" to
    // the 405 check, and the API's 404s would turn into 405s.
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      if (path.endsWith('.html')) {
        res.setHeader('content-security-policy', policy);
        res.setHeader('cache-control', 'no-cache');
      } else {
        // Vite names every asset by its content hash: a new build is a new name.
        res.setHeader('cache-control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
      }
    },
  });
  // A hook on the root reaches the not-found handler too (its hooks are collected when the app
  // is ready), so only requests that no route answers fall back to the page.
  app.addHook('onRequest', async (req, reply) => {
    if (!req.is404 || (req.method !== 'GET' && req.method !== 'HEAD') || !isConsolePage(req.url)) return;
    return reply.sendFile('index.html');
  });
  return true;
}
