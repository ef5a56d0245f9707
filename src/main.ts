import pino from 'pino';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { systemClock } from './core/clock.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { setupBanner } from './features/setup/setup.banner.js';
import { issueSetupLink } from './features/setup/setup.service.js';
import type { Deps } from './deps.js';
import { BUILT_CONSOLE_DIR } from './http/console.js';
import { startOutboxWorker } from './mail/outbox.js';
import { createMailTransport } from './mail/transport.js';
import { loggerOptions } from './logging.js';

/** Starts the server: config, database, migrations, HTTP, mail worker; closes them in reverse on SIGTERM. */
export async function serve(config: Config = loadConfig()): Promise<void> {
  const log = pino(loggerOptions(config.logLevel));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(database);
  if (applied.length > 0) log.info({ migrations: applied }, 'Database migrated');

  const deps: Deps = { config, db: database.db, clock: systemClock, log };
  const app = await buildApp(deps, { database, logger: log, consoleDir: config.consoleDir ?? BUILT_CONSOLE_DIR });
  const worker = startOutboxWorker(deps, createMailTransport(config, log));

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'Shutting down: finishing in-flight requests');
    // Stop accepting, let in-flight requests finish, then release the database.
    void app
      .close()
      .then(() => worker.stop())
      .then(() => database.close())
      .then(() => {
        log.info('Stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => {
    shutdown('SIGTERM');
  });
  process.once('SIGINT', () => {
    shutdown('SIGINT');
  });

  const address = await app.listen({ port: config.port, host: config.host });
  log.info(
    { storage: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined, address },
    `Steward listening on ${address} (API reference at ${address}/docs)`,
  );
  const setupLink = await issueSetupLink(deps);
  if (setupLink !== null) {
    process.stderr.write(setupBanner(setupLink));
    log.warn('No account yet: open the one-time setup link printed on stderr to create the first one');
  }
}
