import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { createPostgres, type Database, pgliteExtensions, wrapPglite } from '../src/db/client';

let counter = 0;

/** A fresh, migrated database for one test file: a PGlite copy, or a PostgreSQL database from the template. */
export async function createTestDatabase(): Promise<Database> {
  const pgTemplate = inject('pgTemplate');
  const databaseUrl = process.env.DATABASE_URL;
  if (pgTemplate && databaseUrl) {
    const name = `lp_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const admin = createPostgres(databaseUrl, 1);
    await admin.query(`create database ${name} template ${pgTemplate}`);
    await admin.close();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const database = createPostgres(url.toString(), 20);
    const close = database.close;
    database.close = async () => {
      await close();
      const a = createPostgres(databaseUrl, 1);
      await a.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await a.close();
    };
    return database;
  }
  const file = inject('pgliteTemplate');
  if (!file) throw new Error('test global setup did not provide a database template');
  const blob = new Blob([readFileSync(file)]);
  const pglite = await PGlite.create({ loadDataDir: blob, extensions: pgliteExtensions });
  return wrapPglite(pglite);
}
