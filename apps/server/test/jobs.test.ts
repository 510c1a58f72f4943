import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PgBossQueue } from '../src/jobs/pgboss-queue';
import { createTestApp, type TestApp } from './app';

let t: TestApp;
let worker: TestApp;
const jobs = () => t.c.jobs as PgBossQueue;

beforeAll(async () => {
  t = await createTestApp();
  worker = await createTestApp({ ROLES: 'worker' });
});
afterAll(async () => {
  await t?.close();
  await worker?.close();
});

class Rollback extends Error {}

describe('background jobs (pg-boss on the same database)', () => {
  it('enqueues inside the caller’s transaction: a job exists if and only if the write committed', async () => {
    const seen: string[] = [];
    jobs().work<{ note: string }>('test.transactional', async (data) => {
      seen.push(data.note);
    });
    await jobs().settled();

    await t.c.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await t.c.jobs.send('test.transactional', { note: 'committed' }, { tx });
    });
    await expect(
      t.c.db.transaction(async (tx) => {
        await t.c.jobs.send('test.transactional', { note: 'rolled back' }, { tx });
        throw new Rollback('abort the write');
      }),
    ).rejects.toBeInstanceOf(Rollback);

    expect(await jobs().drain()).toBe(1);
    expect(seen).toEqual(['committed']);
    const stored = await jobs().boss().findJobs('test.transactional');
    expect(stored.map((j) => (j.data as { note: string }).note)).toEqual(['committed']);
  });

  it('retries a failing job with backoff, then succeeds', async () => {
    let calls = 0;
    const retryCounts: number[] = [];
    jobs().work('test.flaky', async (_data, meta) => {
      calls++;
      retryCounts.push(meta.retryCount);
      if (calls === 1) throw new Error('vendor timed out');
    });
    const id = await t.c.jobs.send('test.flaky', { n: 1 });

    expect(await jobs().drain()).toBe(1);
    const [afterFailure] = await jobs().boss().findJobs('test.flaky', { id: id! });
    expect(afterFailure!.state).toBe('retry');
    expect(afterFailure!.startAfter.getTime()).toBeGreaterThan(Date.now());
    // The retry is delayed, so a plain drain leaves it alone; includeDelayed runs it now.
    expect(await jobs().drain()).toBe(0);
    expect(await jobs().drain({ includeDelayed: true })).toBe(1);
    expect(retryCounts).toEqual([0, 1]);
    const [done] = await jobs().boss().findJobs('test.flaky', { id: id! });
    expect(done!.state).toBe('completed');
  });

  it('runs jobs that handlers enqueue, and leaves future jobs for later', async () => {
    const order: string[] = [];
    jobs().work<{ step: number }>('test.chain', async ({ step }) => {
      order.push(`step ${step}`);
      if (step < 3) await t.c.jobs.send('test.chain', { step: step + 1 });
    });
    await t.c.jobs.send('test.chain', { step: 1 });
    await t.c.jobs.send('test.chain', { step: 99 }, { startAfter: new Date(Date.now() + 3_600_000) });
    expect(await jobs().drain()).toBe(3);
    expect(order).toEqual(['step 1', 'step 2', 'step 3']);
  });

  it('refuses to send inside a transaction to a queue nobody registered, with a clear message', async () => {
    await expect(
      t.c.db.transaction(async (tx) => {
        await t.c.jobs.send('test.unregistered', { x: 1 }, { tx });
      }),
    ).rejects.toThrow(/test\.unregistered.*registry/);
    // Outside a transaction the queue is created on demand.
    expect(await t.c.jobs.send('test.on-demand', { x: 1 })).toEqual(expect.any(String));
  });

  it('the worker role consumes jobs on its own; other roles never do', async () => {
    const handled: number[] = [];
    worker.c.jobs.work<{ n: number }>('test.consumed', async ({ n }) => {
      handled.push(n);
    });
    await worker.c.jobs.send('test.consumed', { n: 7 });
    await vi.waitFor(() => expect(handled).toEqual([7]), { timeout: 10_000 });

    t.c.jobs.work('test.not-consumed', async () => {});
    expect(
      jobs()
        .boss()
        .getWipData()
        .filter((w) => w.name === 'test.not-consumed'),
    ).toEqual([]);
  });

  it('registers cron schedules in Asia/Kolkata on workers', async () => {
    worker.c.jobs.work('test.nightly', async () => {});
    worker.c.jobs.schedule('test.nightly', '0 3 * * *', { kind: 'decay' });
    await vi.waitFor(
      async () => {
        const schedules = await (worker.c.jobs as PgBossQueue).boss().getSchedules('test.nightly');
        expect(schedules).toEqual([expect.objectContaining({ cron: '0 3 * * *', timezone: 'Asia/Kolkata' })]);
      },
      { timeout: 10_000 },
    );
  });
});
