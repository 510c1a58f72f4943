import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

/** Raw SQL with positional parameters, used by pg-boss and the few hand-written queries. */
export type RawQuery = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<{ rows: T[] }>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  query: RawQuery;
  /** Runs raw SQL on the connection that `tx` uses, so it joins that transaction. */
  queryIn(tx: Tx, text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance (embedded mode only); tests clone it. */
  pglite?: PGlite;
  /** The connection string (PostgreSQL only); pg-boss opens its own small pool with it. */
  url?: string;
}

export const pgliteExtensions = { pg_trgm, cube, earthdistance, btree_gist, pgcrypto, unaccent };

export async function createPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir: path.resolve(dataDir, 'pg') } : {}),
    extensions: pgliteExtensions,
  });
  return pglite;
}

export function wrapPglite(pglite: PGlite): Database {
  const db = drizzlePglite(pglite, { schema, casing: 'snake_case' }) as unknown as Db;
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
      const client = (tx as unknown as { session: { client: PGlite } }).session.client;
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

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolSize: number }): Promise<Database> {
  if (opts.databaseUrl) return createPostgres(opts.databaseUrl, opts.poolSize);
  return wrapPglite(await createPglite(opts.dataDir));
}
