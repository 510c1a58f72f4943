import { buildApp } from './app';
import { loadConfig } from './config';
import { createContainer } from './container';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { startJobs } from './jobs/registry';
import { createLogger } from './lib/logger';
import { attachRealtime } from './realtime';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);

  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: config.DATABASE_POOL_SIZE,
    });
    await database.ping();
    await runMigrations(database);
  } catch (err) {
    const where = config.DATABASE_URL ? 'the PostgreSQL server in DATABASE_URL' : `the embedded database in ${config.DATA_DIR}`;
    console.error(`Cannot start: ${where} is not usable (${(err as Error).message}).`);
    process.exit(1);
  }

  const container = createContainer({ config, database, logger });
  await startJobs(container);
  const app = await buildApp(container);
  const realtime = config.ROLES.includes('realtime') ? attachRealtime(app, container) : null;

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await realtime?.close();
      await app.close();
      await container.close();
      await database.close();
    } finally {
      logger.info('stopped');
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL ?? `http://localhost:${port}`;
  console.log(`LocalPro Connect is running at ${url}  (database: ${database.kind}, roles: ${config.ROLES.join(', ')})`);
}

void main();
