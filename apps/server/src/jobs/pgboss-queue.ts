import {
  fromPglite,
  type Job,
  type JobResult,
  PgBoss,
  type Db as PgBossDb,
  type SendOptions as PgBossSendOptions,
} from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Tx } from '../db/client';
import type { JobHandler, JobQueue, SendOptions } from './jobs';

/** pg-boss keeps its own tables in this schema of our database; it creates and migrates them itself. */
export const JOBS_SCHEMA = 'pgboss';

/** Every queue retries failed jobs with exponential backoff (5 s, 10 s, 20 s … capped at 5 min). */
export const QUEUE_DEFAULTS = {
  retryLimit: 5,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 300,
  expireInSeconds: 300,
  notify: true,
} as const;

/**
 * Polling tuned for small batches: workers are woken by LISTEN/NOTIFY the moment a job is created,
 * poll every 0.5 s as a backstop, and keep fetching without a pause while batches come back full.
 */
const WORK_DEFAULTS = {
  batchSize: 5,
  pollingIntervalSeconds: 0.5,
  notifyPollingIntervalSeconds: 5,
  burstWhenBatchFull: true,
  localConcurrency: 2,
} as const;

export interface PgBossQueueOptions {
  database: Database;
  logger: Logger;
  /** This process has the `worker` role: it consumes jobs, runs cron schedules and pg-boss maintenance. */
  worker: boolean;
  /** Queues that are sent to before any module registers a handler for them (created at start). */
  declaredQueues?: readonly string[];
  /** Connections pg-boss may open on PostgreSQL (ignored on PGlite). */
  poolSize?: number;
}

export interface DrainOptions {
  /** Also run jobs whose `startAfter` (or retry delay) lies in the future. */
  includeDelayed?: boolean;
}

export type PgBossQueue = JobQueue & {
  drain(opts?: DrainOptions): Promise<number>;
  /** The underlying pg-boss instance once started (inspection in tests and ops scripts). */
  boss(): PgBoss;
  /** Resolves when queues/workers registered after start() exist (tests that register handlers late). */
  settled(): Promise<void>;
};

interface Registration {
  handler: JobHandler;
  opts: { batchSize?: number; pollingIntervalSeconds?: number };
}

/** pg-boss on the same database as everything else: PGlite in-process, or PostgreSQL via its own small pool. */
function createBoss(opts: PgBossQueueOptions): PgBoss {
  const { database, worker } = opts;
  const common = {
    schema: JOBS_SCHEMA,
    migrate: true,
    supervise: worker,
    schedule: worker,
    registerInstance: worker,
    useListenNotify: worker,
    persistWarnings: false,
    openTelemetry: { enabled: false },
  };
  if (database.kind === 'pglite') {
    if (!database.pglite) throw new Error('PGlite database without its instance');
    return new PgBoss({ ...common, backend: 'pglite', db: fromPglite(database.pglite) });
  }
  if (!database.url) throw new Error('PostgreSQL database without its connection string');
  return new PgBoss({
    ...common,
    connectionString: database.url,
    max: opts.poolSize ?? 4,
    application_name: 'localpro-jobs',
  });
}

/** Runs raw SQL on the caller's transaction, so the job row commits or rolls back with it. */
function txAdapter(database: Database, tx: Tx): PgBossDb {
  return { executeSql: (text, values) => database.queryIn(tx, text, values) };
}

function toPgBossSendOptions(opts: SendOptions): PgBossSendOptions {
  const out: PgBossSendOptions = {};
  if (opts.startAfter !== undefined) out.startAfter = opts.startAfter;
  if (opts.singletonKey !== undefined) out.singletonKey = opts.singletonKey;
  if (opts.retryLimit !== undefined) out.retryLimit = opts.retryLimit;
  if (opts.retryDelay !== undefined) out.retryDelay = opts.retryDelay;
  if (opts.retryBackoff !== undefined) out.retryBackoff = opts.retryBackoff;
  return out;
}

export function createPgBossQueue(opts: PgBossQueueOptions): PgBossQueue {
  const { database, logger, worker } = opts;
  const registrations = new Map<string, Registration>();
  const schedules: { name: string; cron: string; data?: object }[] = [];
  const existing = new Set<string>();
  const background = new Set<Promise<unknown>>();
  let boss: PgBoss | null = null;
  let started = false;

  const track = (p: Promise<unknown>) => {
    const tracked = p
      .catch((err: Error) => logger.error({ err: err.message }, 'job queue setup failed'))
      .finally(() => background.delete(tracked));
    background.add(tracked);
  };

  const requireBoss = (): PgBoss => {
    if (!boss || !started) throw new Error('The job queue is not started: call startJobs(c) (jobs/registry.ts) first.');
    return boss;
  };

  const ensureQueue = async (name: string) => {
    if (existing.has(name)) return;
    await requireBoss().createQueue(name, QUEUE_DEFAULTS);
    existing.add(name);
  };

  const runJob = async (name: string, job: Job<unknown>): Promise<JobResult> => {
    const reg = registrations.get(name);
    if (!reg) return { id: job.id, status: 'failed', output: { message: `no handler for ${name}` } };
    try {
      await reg.handler(job.data, { id: job.id, name, retryCount: job.retryCount });
      return { id: job.id, status: 'completed' };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      logger.warn({ job: name, jobId: job.id, retryCount: job.retryCount, err: message }, 'job failed; it will be retried');
      return { id: job.id, status: 'failed', output: { message } };
    }
  };

  const startWorker = async (name: string) => {
    await ensureQueue(name);
    if (!worker) return;
    const reg = registrations.get(name)!;
    await requireBoss().work<unknown>(name, { ...WORK_DEFAULTS, ...reg.opts, perJobResults: true }, async (jobs) =>
      Promise.all(jobs.map((job) => runJob(name, job))),
    );
  };

  const startSchedule = async (s: { name: string; cron: string; data?: object }) => {
    await ensureQueue(s.name);
    if (worker) await requireBoss().schedule(s.name, s.cron, s.data ?? null, { tz: 'Asia/Kolkata' });
  };

  return {
    async send(name, data, sendOpts = {}) {
      const b = requireBoss();
      if (!existing.has(name)) {
        if (sendOpts.tx) {
          // Creating a queue needs its own connection, which the embedded database does not have while a
          // transaction holds it. Queues are therefore created at start from the registry.
          throw new Error(
            `Job queue "${name}" does not exist yet: register a handler for it or add it to declaredQueues in jobs/registry.ts.`,
          );
        }
        await ensureQueue(name);
      }
      const options = toPgBossSendOptions(sendOpts);
      if (sendOpts.tx) options.db = txAdapter(database, sendOpts.tx);
      return b.send(name, data, options);
    },

    work(name, handler, workOpts = {}) {
      if (registrations.has(name)) throw new Error(`A handler for job "${name}" is already registered`);
      registrations.set(name, { handler: handler as JobHandler, opts: workOpts });
      if (started) track(startWorker(name));
    },

    schedule(name, cron, data) {
      const s = { name, cron, data };
      schedules.push(s);
      if (started) track(startSchedule(s));
    },

    async start() {
      if (started) return;
      boss = createBoss(opts);
      boss.on('error', (err: Error) => logger.error({ err: err.message }, 'job queue error'));
      boss.on('warning', (w: { message: string }) => logger.warn({ warning: w.message }, 'job queue warning'));
      await boss.start();
      started = true;
      for (const q of await boss.getQueues()) existing.add(q.name);
      for (const name of opts.declaredQueues ?? []) await ensureQueue(name);
      for (const name of registrations.keys()) await startWorker(name);
      for (const s of schedules) await startSchedule(s);
      logger.debug({ worker, queues: existing.size }, 'job queue started');
    },

    async stop() {
      if (!boss) return;
      await Promise.allSettled([...background]);
      const b = boss;
      boss = null;
      started = false;
      await b.stop({ graceful: true, timeout: 10_000, close: true });
    },

    async drain(drainOpts = {}) {
      const b = requireBoss();
      let total = 0;
      for (;;) {
        let ran = 0;
        for (const name of registrations.keys()) {
          if (!existing.has(name)) await ensureQueue(name);
          const jobs = await b.fetch<unknown>(name, { batchSize: 20, ignoreStartAfter: drainOpts.includeDelayed ?? false });
          for (const job of jobs) {
            const result = await runJob(name, job);
            if (result.status === 'completed') await b.complete(name, job.id);
            else await b.fail(name, job.id, (result.output as object) ?? null);
            ran++;
          }
        }
        if (ran === 0) return total;
        total += ran;
        if (total > 10_000) throw new Error('drain() ran more than 10000 jobs: a job keeps enqueueing itself?');
      }
    },

    boss: () => requireBoss(),

    async settled() {
      await Promise.allSettled([...background]);
    },
  };
}

/** Installs (or migrates) pg-boss's schema and the declared queues, then closes; used by test templates. */
export async function installJobSchema(database: Database, logger: Logger, declaredQueues: readonly string[]): Promise<void> {
  const queue = createPgBossQueue({ database, logger, worker: false, declaredQueues, poolSize: 1 });
  await queue.start();
  await queue.stop();
}
