import { configDefaults, defineConfig } from 'vitest/config';
import { isServerReachable, testServerUrl } from './test/stores.js';

/**
 * Every test file runs on the embedded store (PGlite), and again on PostgreSQL when a server
 * is there: TEST_DATABASE_URL, or one answering on 127.0.0.1:5432. In CI PostgreSQL is required.
 */
export default defineConfig(async () => {
  const serverUrl = testServerUrl();
  const withServer = await isServerReachable(serverUrl);
  if (!withServer && process.env.CI === 'true') {
    throw new Error(`CI needs PostgreSQL for the tests, and nothing answers at ${new URL(serverUrl).host}`);
  }
  process.stderr.write(
    withServer
      ? `Tests run on PGlite and on PostgreSQL at ${new URL(serverUrl).host}\n`
      : 'Tests run on PGlite only: no PostgreSQL answers (set TEST_DATABASE_URL to add it)\n',
  );
  const shared = {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser journeys run once, in their own project below, whatever the stores.
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  };
  return {
    test: {
      // Vitest's default on two cores is one worker; most test time waits on PostgreSQL, mail
      // and child processes, so a second worker keeps the cores busy.
      maxWorkers: 2,
      projects: [
        { test: { ...shared, name: 'pglite', env: { STEWARD_TEST_STORE: 'pglite' } } },
        // The console's own logic, and the check that its API types match docs/openapi.json.
        { test: { name: 'console', include: ['web/src/**/*.test.ts', 'scripts/**/*.test.ts'] } },
        {
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            env: { STEWARD_TEST_STORE: 'pglite' },
            globalSetup: ['test/e2e/build-console.ts'],
            testTimeout: 120_000,
            hookTimeout: 240_000,
          },
        },
        ...(withServer
          ? [
              {
                test: {
                  ...shared,
                  name: 'postgres',
                  env: { STEWARD_TEST_STORE: 'postgres', TEST_DATABASE_URL: serverUrl },
                  globalSetup: ['test/postgres-setup.ts'],
                },
              },
            ]
          : []),
      ],
    },
  };
});
