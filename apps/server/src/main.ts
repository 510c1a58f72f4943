import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app';
import { type Config, loadConfig } from './config';
import { createContainer } from './container';
import { type Database, openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { startJobs } from './jobs/registry';
import { createLogger } from './lib/logger';
import { attachRealtime, createRealtimeEmitter, type Realtime } from './realtime';
import { DEMO_PHONES } from './seed/demo-data';
import { seedDemoData } from './seed/seed';
import { attachWeb } from './web';

function fail(message: string): never {
  console.error(`Cannot start: ${message}`);
  process.exit(1);
}

async function openAndMigrate(config: Config, logger: Logger): Promise<Database> {
  const where = config.DATABASE_URL ? 'the PostgreSQL server in DATABASE_URL' : `the embedded database in ${config.DATA_DIR}`;
  try {
    const database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: config.DATABASE_POOL_SIZE,
      pgliteWorker: config.PGLITE_WORKER,
      onWorkerRestart: (err) =>
        err
          ? logger.error({ err: err.message }, 'embedded database worker stopped; restarting it')
          : logger.warn('embedded database worker restarted'),
    });
    await database.ping();
    await runMigrations(database);
    return database;
  } catch (err) {
    fail(`${where} is not usable (${(err as Error).message}).`);
  }
}

/** First start on an empty database: load the demo catalogue, accounts and history (never in production). */
async function seedOnFirstStart(config: Config, database: Database): Promise<void> {
  if (!config.SEED_DEMO_DATA || config.isProduction) return;
  let announced = false;
  try {
    const result = await seedDemoData(database, {
      progress: (stage, done, total) => {
        if (!announced) console.log('First start: loading demo data…');
        announced = true;
        if (done === total) console.log(`  ${stage}: ${done}/${total} rows`);
      },
    });
    if (result.seeded) {
      console.log(
        `Demo data loaded in ${(result.ms / 1000).toFixed(1)} s: ${result.providers} providers, ${result.customers} customers, ${result.bookings} bookings, ${result.reviews} reviews.`,
      );
      console.log(`Demo logins: customer ${DEMO_PHONES.customer}, provider ${DEMO_PHONES.provider}, admin ${DEMO_PHONES.admin}.`);
    }
  } catch (err) {
    fail(`loading the demo data failed (${(err as Error).message}).`);
  }
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const roles = new Set(config.ROLES);

  const database = await openAndMigrate(config, logger);
  await seedOnFirstStart(config, database);

  const container = createContainer({ config, database, logger });
  try {
    await startJobs(container);
  } catch (err) {
    fail(`the job queue could not start (${(err as Error).message}).`);
  }

  // api and realtime share one HTTP server; a worker-only process serves nothing and just runs jobs.
  let app: FastifyInstance | null = null;
  let realtime: Realtime | null = null;
  let webServed = false;
  if (roles.has('api') || roles.has('realtime')) {
    app = await buildApp(container);
    realtime = roles.has('realtime') ? attachRealtime(app, container) : null;
    if (config.WEB_APP && roles.has('api')) {
      try {
        webServed = await attachWeb(app);
      } catch (err) {
        fail(`the web app could not start (${(err as Error).message}).`);
      }
    }
  }

  // Without the realtime role (e.g. a worker), domain events still reach sockets on other nodes via Redis.
  realtime ??= createRealtimeEmitter(container);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: stop accepting, drain requests, stop jobs, close the database');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    let code = 0;
    try {
      await realtime?.close();
      await app?.close(); // stops accepting and waits for in-flight requests
      await container.close(); // stops the job queue (waits for running jobs), closes Redis
      await database.close();
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'error during shutdown');
      code = 1;
    } finally {
      logger.info('stopped');
      process.exit(code);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const summary = `database: ${database.kind}, roles: ${config.ROLES.join(', ')}`;
  if (!app) {
    console.log(`LocalPro Connect worker is running (${summary})`);
    return;
  }
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (err) {
    fail(`cannot listen on ${config.HOST}:${config.PORT} (${(err as Error).message}).`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL ?? `http://localhost:${port}`;
  console.log(`LocalPro Connect is running at ${url}  (${summary})`);
  if (config.WEB_APP && !webServed) console.log('The web app is not built (apps/web/.next): only the API is served.');
}

void main();
