import pino from 'pino';
import { buildApp } from '../src/app.js';
import { systemClock } from '../src/core/clock.js';
import { openDatabase } from '../src/db/client.js';
import { testConfig } from './app.js';

/** The OpenAPI document as the server publishes it, pretty-printed as committed in docs/. */
export async function openApiDocumentText(): Promise<string> {
  // The document comes from the route schemas alone; an empty embedded store is enough.
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  const config = testConfig({ PUBLIC_URL: 'http://localhost:8080' });
  const app = await buildApp(
    { config, db: database.db, clock: systemClock, log: pino({ level: 'silent' }) },
    { database },
  );
  await app.ready();
  const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  await database.close();
  return text;
}
