import type { JobHandler, JobQueue } from './jobs';

// INTERIM: replaced by the pg-boss queue (jobs/pgboss-queue.ts) — the foundation helper deletes this file.
export function createInterimQueue(): JobQueue {
  const handlers = new Map<string, JobHandler>();
  const queued: { name: string; data: unknown }[] = [];
  return {
    async send(name, data) {
      queued.push({ name, data });
      return String(queued.length);
    },
    work(name, handler) {
      handlers.set(name, handler as JobHandler);
    },
    schedule() {},
    async start() {},
    async stop() {},
    async drain() {
      let n = 0;
      while (queued.length) {
        const job = queued.shift()!;
        await handlers.get(job.name)?.(job.data, { id: String(n), name: job.name, retryCount: 0 });
        n++;
      }
      return n;
    },
  };
}
