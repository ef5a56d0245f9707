import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';

/** A database or an open transaction: stores take either, as their first parameter. */
export type Executor = PgDatabase<PgQueryResultHKT>;
export type Db = Executor;
/**
 * An open transaction, and only that: a function that must run inside the caller's change (an
 * outbox mail) takes this, so passing the bare database is a type error.
 */
export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A single connection for work that must not interleave with anything else (migrations). */
export interface ScriptSession {
  exec(sqlText: string): Promise<void>;
  query<Row>(sqlText: string, params?: unknown[]): Promise<Row[]>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  db: Db;
  withSession<T>(work: (session: ScriptSession) => Promise<T>): Promise<T>;
  poolStats(): PoolStats;
  /**
   * Calls `onMessage` with the payload of every NOTIFY on `channel`, from any process; resolves
   * to a function that stops listening. Best effort: while the connection is down (it is
   * re-established), messages are missed, so nothing may depend on them for correctness.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` for a server; otherwise the embedded store. */
  databaseUrl: string | null;
  /** Folder of the embedded store; `null` keeps it in memory (tests). */
  dataDir: string | null;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl === null
    ? openEmbedded(options.dataDir)
    : openServer(options.databaseUrl, options.poolSize ?? 20);
}

async function openEmbedded(dataDir: string | null): Promise<DatabaseHandle> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const release = dataDir === null ? () => undefined : lockDataDir(dataDir);
  // Loaded only when used: a server-backed process is spared PGlite's ~16 MB of code.
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
  ]);
  const client = await PGlite.create({
    ...(dataDir === null ? {} : { dataDir }),
    extensions: { pg_trgm },
  }).catch((error: unknown) => {
    release();
    throw error;
  });
  // Timestamps are read as text in the session's zone; pinning it keeps them UTC whatever TZ says.
  await client.exec("SET TimeZone = 'UTC'");
  const session: ScriptSession = {
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    query: async <Row>(sqlText: string, params: unknown[] = []) => (await client.query<Row>(sqlText, params)).rows,
  };
  return {
    kind: 'pglite',
    db: drizzlePglite({ client }),
    withSession: (work) => work(session),
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    listen: async (channel, onMessage) => {
      const unsubscribe = await client.listen(checkChannel(channel), onMessage);
      return async () => {
        if (!client.closed) await unsubscribe();
      };
    },
    close: async () => {
      if (!client.closed) await client.close();
      release();
    },
  };
}

async function openServer(databaseUrl: string, max: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    options: '-c TimeZone=UTC',
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const probe = await pool.connect();
  probe.release();
  return {
    kind: 'postgres',
    db: drizzlePg({ client: pool }),
    withSession: async (work) => {
      const client = await pool.connect();
      try {
        return await work({
          exec: async (sqlText) => {
            await client.query(sqlText);
          },
          query: async <Row>(sqlText: string, params: unknown[] = []) =>
            (await client.query(sqlText, params)).rows as Row[],
        });
      } finally {
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    listen: (channel, onMessage) => listenOnServer(databaseUrl, checkChannel(channel), onMessage),
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

const RECONNECT_MS = 1_000;

/**
 * LISTEN needs a connection of its own, outside the pool, for as long as it listens. When that
 * connection fails, another is opened a second later, for as long as nobody stopped listening.
 */
async function listenOnServer(
  databaseUrl: string,
  channel: string,
  onMessage: (payload: string) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  /** Only a connection lost after the first one succeeded is retried; a failure at start is the caller's. */
  let started = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    current = client;
    const lost = (): void => {
      if (current !== client) return;
      current = null;
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (stopped || !started) return;
      retry = setTimeout(() => {
        connect().catch(() => undefined);
      }, RECONNECT_MS);
      retry.unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onMessage(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      lost();
      throw error;
    }
  };
  await connect();
  started = true;
  return async () => {
    stopped = true;
    if (retry !== null) clearTimeout(retry);
    const client = current;
    current = null;
    await client?.end().catch(() => undefined);
  };
}

/** Channel names go into LISTEN as identifiers: only plain lower-case names are accepted. */
function checkChannel(channel: string): string {
  if (!/^[a-z_]{1,63}$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  return channel;
}
