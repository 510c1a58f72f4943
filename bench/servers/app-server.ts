import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { createContainer } from '../../apps/server/src/container';
import { openDatabase } from '../../apps/server/src/db/client';
import { runMigrations } from '../../apps/server/src/db/migrate';
import { startJobs } from '../../apps/server/src/jobs/registry';
import { createLogger } from '../../apps/server/src/lib/logger';
import { seedDemoData } from '../../apps/server/src/seed/seed';
import { serveProtocol } from './protocol';

/**
 * Our real server, exactly as main.ts builds it, on a scratch PGlite data dir (or DATABASE_URL when
 * set). BENCH_SEED=true loads the demo data first. Env from the scenario (e.g. ROLES) applies.
 */
const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(path.join(tmpdir(), 'lp-bench-'));
const config = loadConfig({ LOG_LEVEL: 'warn', ROLES: 'api', ...process.env, ...(dataDir ? { DATA_DIR: dataDir } : {}) });
const database = await openDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  poolSize: config.DATABASE_POOL_SIZE,
  pgliteWorker: config.PGLITE_WORKER,
});
await runMigrations(database);
if (process.env.BENCH_SEED === 'true') await seedDemoData(database);
const c = createContainer({ config, database, logger: createLogger(config.LOG_LEVEL) });
await startJobs(c);
const app = await buildApp(c);
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
serveProtocol(port, async () => {
  await app.close();
  await c.close();
  await database.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
