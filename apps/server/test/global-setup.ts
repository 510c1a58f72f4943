import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPglite, createPostgres, wrapPglite } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { installJobSchema } from '../src/jobs/pgboss-queue';
import { declaredQueues } from '../src/jobs/registry';
import { createLogger } from '../src/lib/logger';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Migrates once per run. PGlite: a migrated data dir dumped to a tarball that each test file loads.
 * PostgreSQL (DATABASE_URL set): a migrated template database that each test file copies.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const admin = createPostgres(databaseUrl, 1);
    const template = `lp_tpl_${process.pid}`;
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${template}`;
    const tpl = createPostgres(url.toString(), 1);
    await runMigrations(tpl);
    await installJobSchema(tpl, createLogger('silent'), declaredQueues);
    await tpl.close();
    project.provide('pgTemplate', template);
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`).catch(() => {});
      await admin.close();
    };
  }
  const pglite = await createPglite();
  const database = wrapPglite(pglite);
  await runMigrations(database);
  await installJobSchema(database, createLogger('silent'), declaredQueues);
  const dump = await pglite.dumpDataDir('none');
  const dir = path.join(root, '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate?: string;
    pgTemplate?: string;
  }
}
