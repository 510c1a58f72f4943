import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { createPglite } from './pglite';
import { type PgliteClient, startPgliteWorker } from './pglite-remote';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

/** Raw SQL with positional parameters, used by pg-boss and the few hand-written queries. */
export type RawQuery = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<{ rows: T[] }>;

export { createPglite, pgliteExtensions } from './pglite';

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  query: RawQuery;
  /** Runs raw SQL on the connection that `tx` uses, so it joins that transaction. */
  queryIn(tx: Tx, text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance or its worker-thread client (embedded mode only); pg-boss runs on it. */
  pglite?: PgliteClient;
  /** The connection string (PostgreSQL only); pg-boss opens its own small pool with it. */
  url?: string;
}

export function wrapPglite(pglite: PgliteClient): Database {
  const db = drizzlePglite(pglite as PGlite, { schema, casing: 'snake_case' }) as unknown as Db;
  let closed = false;
  return {
    kind: 'pglite',
    db,
    pglite,
    query: async (text, values) => {
      const r = await pglite.query(text, values as unknown[]);
      return { rows: r.rows as never[] };
    },
    queryIn: async (tx, text, values) => {
      const client = (tx as unknown as { session: { client: PgliteClient } }).session.client;
      const r = await client.query(text, values as unknown[]);
      return { rows: r.rows as Record<string, unknown>[] };
    },
    ping: async () => {
      await pglite.query('select 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}

export function createPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  let closed = false;
  return {
    kind: 'postgres',
    db,
    url,
    query: async (text, values) => {
      const r = await pool.query(text, values as unknown[]);
      return { rows: r.rows };
    },
    queryIn: async (tx, text, values) => {
      const client = (tx as unknown as { session: { client: pg.PoolClient } }).session.client;
      const r = await client.query(text, values as unknown[]);
      return { rows: r.rows };
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  poolSize: number;
  /** Embedded mode: PGlite in a worker thread (the server's default) instead of on the calling thread. */
  pgliteWorker?: boolean;
  /** Told when the embedded database's worker died (with why) and when it is serving again (null). */
  onWorkerRestart?: (err: Error | null) => void;
}): Promise<Database> {
  if (opts.databaseUrl) return createPostgres(opts.databaseUrl, opts.poolSize);
  if (!opts.pgliteWorker) return wrapPglite(await createPglite(opts.dataDir));
  return wrapPglite(await startPgliteWorker(opts.dataDir, { onRestart: opts.onWorkerRestart }));
}
