import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Where `npm run dev` finds the API: the server `npm run dev` starts beside Vite. */
const apiUrl = process.env.STEWARD_API_URL ?? `http://localhost:${process.env.PORT ?? '8080'}`;

/**
 * Writes .br and .gz beside each script, style sheet and icon (not index.html, which carries
 * the page policy), so the server sends them compressed
 * (@fastify/static `preCompressed`) without compressing on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'steward-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(file)) continue;
        const path = join(outDir, file);
        const content = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(content));
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: join(import.meta.dirname, '../dist/web'),
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(['/v1', '/docs', '/openapi.json', '/healthz'].map((path) => [path, apiUrl])),
  },
});
