import { readdir, readFile } from 'node:fs/promises';
import type { DatabaseHandle, ScriptSession } from './client.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
// Any constant works; it only has to be the same in every Steward process.
const MIGRATION_LOCK_KEY = 7_245_031_980;

export interface Migration {
  version: string;
  sql: string;
}

export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: file.replace(/\.sql$/, ''),
      sql: await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'),
    })),
  );
}

/**
 * Applies pending migrations in order, each in its own transaction. An advisory lock makes
 * concurrent starts of several processes wait for each other instead of racing.
 */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  const migrations = await loadMigrations();
  return handle.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const applied = new Set(await appliedVersions(session));
      const done: string[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        await session.exec('BEGIN');
        try {
          await session.exec(migration.sql);
          await session.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
          await session.exec('COMMIT');
        } catch (error) {
          await session.exec('ROLLBACK');
          throw error;
        }
        done.push(migration.version);
      }
      return done;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

/** True when every migration this build knows about has been applied (readiness). */
export async function isSchemaCurrent(handle: Pick<DatabaseHandle, 'withSession'>): Promise<boolean> {
  const migrations = await loadMigrations();
  const latest = migrations.at(-1)?.version;
  if (latest === undefined) return true;
  return handle.withSession(async (session) => {
    const [table] = await session.query<{ present: boolean }>(
      "SELECT to_regclass('schema_migrations') IS NOT NULL AS present",
    );
    if (table?.present !== true) return false;
    const rows = await session.query<{ version: string }>('SELECT version FROM schema_migrations WHERE version = $1', [
      latest,
    ]);
    return rows.length > 0;
  });
}

async function appliedVersions(session: ScriptSession): Promise<string[]> {
  const rows = await session.query<{ version: string }>('SELECT version FROM schema_migrations');
  return rows.map((row) => row.version);
}
