import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database } from './client';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

const MIGRATION_LOCK = 72_033_111;

/**
 * Applies every committed migration not yet applied. Safe to run on every start, and from several
 * nodes at once on PostgreSQL: an advisory lock lets one migrate while the others wait.
 */
export async function runMigrations(database: Database): Promise<void> {
  const config = { migrationsFolder, migrationsSchema: 'drizzle' };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, config);
    // PGlite learns array types (message_type[] …) only when it opens: teach it the ones the migrations made.
    await database.pglite?.refreshArrayTypes();
    return;
  }
  const lock = database.url ? new pg.Client({ connectionString: database.url }) : null;
  await lock?.connect();
  try {
    await lock?.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(database.db as never, config);
  } finally {
    await lock?.end().catch(() => {});
  }
}

/** True when every committed migration has been applied (readiness check). */
export async function migrationsApplied(database: Database): Promise<boolean> {
  const expected = readMigrationFiles({ migrationsFolder });
  try {
    const { rows } = await database.query<{ n: string }>('select count(*)::text as n from drizzle.__drizzle_migrations');
    return Number(rows[0]?.n ?? 0) >= expected.length;
  } catch {
    return false;
  }
}
