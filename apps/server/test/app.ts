import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { testConfig } from '../src/config';
import { type Container, createContainer } from '../src/container';
import type { Database } from '../src/db/client';
import { startJobs } from '../src/jobs/registry';
import { createLogger } from '../src/lib/logger';
import { createTestDatabase } from './database';

export interface TestApp {
  app: FastifyInstance;
  c: Container;
  database: Database;
  /** Every log line the app wrote, for redaction checks. */
  logs: string[];
  close(): Promise<void>;
}

/** The real app on a fresh migrated database, listening on no port. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // No `worker` role by default: tests run jobs deterministically with `await c.jobs.drain!()`.
  const env: Record<string, string> = { LOG_LEVEL: 'info', ROLES: 'api,realtime', ...overrides };
  if (process.env.REDIS_URL && overrides.REDIS_URL === undefined) env.REDIS_URL = process.env.REDIS_URL;
  const config = testConfig(env);
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const logger = createLogger(config.LOG_LEVEL, logStream as never);
  const c = createContainer({ config, database, logger, rateLimitPrefix: `rl:test:${process.pid}:${randomUUID()}:` });
  await startJobs(c);
  const app = await buildApp(c);
  await app.ready();
  return {
    app,
    c,
    database,
    logs,
    async close() {
      await app.close();
      await c.close();
      await database.close();
    },
  };
}
