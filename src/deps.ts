import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Clock } from './core/clock.js';
import type { Db } from './db/client.js';

/** Built once at start and passed down: no container, no globals. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
}
