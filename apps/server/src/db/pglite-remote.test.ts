import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgBossQueue } from '../jobs/pgboss-queue';
import { isDatabaseDown } from '../lib/errors';
import { createLogger } from '../lib/logger';
import { users } from '../modules/users/users.tables';
import { type Database, type Executor, openDatabase } from './client';
import { runMigrations } from './migrate';
import { currentWorker, type PgliteClient, startPgliteWorker } from './pglite-remote';

/** The embedded database as `npm start` runs it: PGlite in a worker thread, on a data directory. */
let dir: string;
let database: Database;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lp-pglite-worker-'));
  database = await openDatabase({ dataDir: dir, poolSize: 1, pgliteWorker: true });
  await runMigrations(database);
}, 120_000);
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const insertUser = async (ex: Executor, p: string) =>
  (await ex.insert(users).values({ phone: p, role: 'CUSTOMER' }).returning())[0]!;
const phone = (n: number) => `+91700000${String(n).padStart(4, '0')}`;

describe('PGlite in a worker thread', () => {
  it('takes arrays of the enum types its own migrations created, on the start that created them', async () => {
    const { rows } = await database.query<{ n: number; first: string }>(
      'select array_length($1::message_type[], 1) as n, ($1::message_type[])[2]::text as first',
      [['TEXT', 'LOCATION']],
    );
    expect(rows[0]).toEqual({ n: 2, first: 'LOCATION' });
  });

  it('runs drizzle queries with the same types as in-process PGlite (dates, json, numbers, nulls)', async () => {
    const row = await insertUser(database.db, phone(1));
    const [back] = await database.db.select().from(users).where(eq(users.id, row.id));
    expect(back).toMatchObject({ id: row.id, phone: phone(1), role: 'CUSTOMER', status: 'ACTIVE' });
    expect(back!.createdAt).toBeInstanceOf(Date);
    const { rows } = await database.query<{ j: unknown; n: number; t: string | null }>(
      `select $1::jsonb as j, 2 + 2 as n, null::text as t`,
      [JSON.stringify({ a: [1, 'x'] })],
    );
    expect(rows[0]).toEqual({ j: { a: [1, 'x'] }, n: 4, t: null });
  });

  it('reports PostgreSQL errors with their codes and constraints, and keeps serving', async () => {
    const err = await insertUser(database.db, phone(1)).catch((e: unknown) => e);
    const cause = (err as { cause?: { code?: string; constraint?: string } }).cause;
    expect(cause?.code).toBe('23505');
    expect(cause?.constraint).toEqual(expect.stringContaining('phone'));
    await expect(database.query('select * from no_such_table')).rejects.toMatchObject({ code: '42P01' });
    await expect(database.ping()).resolves.toBeUndefined();
  });

  it('commits transactions, rolls back on error (savepoints too), and queues other statements meanwhile', async () => {
    await database.db.transaction(async (tx) => {
      await insertUser(tx, phone(2));
      await database.queryIn(tx, `update users set name = 'In tx' where phone = $1`, [phone(2)]);
    });
    await expect(
      database.db.transaction(async (tx) => {
        await insertUser(tx, phone(3));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await database.db.transaction(async (tx) => {
      await insertUser(tx, phone(4));
      await tx
        .transaction(async (inner) => {
          await insertUser(inner, phone(5));
          inner.rollback();
        })
        .catch(() => {});
    });
    const names = await database.query<{ phone: string; name: string | null }>(
      'select phone, name from users where phone = any($1) order by phone',
      [[2, 3, 4, 5].map(phone)],
    );
    expect(names.rows).toEqual([
      { phone: phone(2), name: 'In tx' },
      { phone: phone(4), name: null },
    ]);

    // A statement from outside waits for the open transaction instead of running inside it.
    let releaseTx!: () => void;
    const held = new Promise<void>((r) => {
      releaseTx = r;
    });
    const tx = database.db.transaction(async (t) => {
      await insertUser(t, phone(6));
      await held;
      throw new Error('roll back');
    });
    await new Promise((r) => setTimeout(r, 50));
    const outside = database.query<{ n: number }>('select count(*)::int as n from users where phone = $1', [phone(6)]);
    releaseTx();
    await expect(tx).rejects.toThrow('roll back');
    expect((await outside).rows[0]!.n).toBe(0);
  });

  it('delivers LISTEN/NOTIFY, which wakes pg-boss workers, and runs a job end to end', async () => {
    const got: string[] = [];
    const unlisten = await database.pglite!.listen('lp_test', (payload) => got.push(payload));
    await database.query(`select pg_notify('lp_test', 'hello')`);
    await expect.poll(() => got).toEqual(['hello']);
    await unlisten();

    const queue = createPgBossQueue({ database, logger: createLogger('silent'), worker: true });
    const seen: unknown[] = [];
    queue.work('test.worker-thread', async (data) => {
      seen.push(data);
    });
    await queue.start();
    await database.db.transaction(async (tx) => {
      await queue.send('test.worker-thread', { n: 1 }, { tx });
    });
    await expect.poll(() => seen, { timeout: 15_000 }).toEqual([{ n: 1 }]);
    await queue.stop();
  }, 60_000);

  it('keeps the data across a restart of the worker', async () => {
    await database.close();
    database = await openDatabase({ dataDir: dir, poolSize: 1, pgliteWorker: true });
    const { rows } = await database.query<{ n: number }>('select count(*)::int as n from users where phone = $1', [phone(1)]);
    expect(rows[0]!.n).toBe(1);
    await database.close();
    await expect(database.query('select 1')).rejects.toThrow(/PGlite worker stopped/);
    database = await openDatabase({ dataDir: dir, poolSize: 1, pgliteWorker: true });
  });
});

it('starts a worker that died again: meanwhile queries fail as a lost connection, then data and LISTEN are back', async () => {
  const client = database.pglite as PgliteClient;
  const heard: string[] = [];
  await client.listen('lp_restart_test', (payload) => heard.push(payload));
  await database.query('insert into users (phone, role) values ($1, $2)', [phone(9), 'CUSTOMER']);
  const first = currentWorker(client)!;
  await first.terminate(); // as a WebAssembly abort or an out-of-memory death would end it

  const during = await database.query('select 1').catch((err: unknown) => err);
  expect(isDatabaseDown(during)).toBe(true);
  await expect
    .poll(async () => (await database.query<{ n: number }>('select 1 as n').catch(() => ({ rows: [] }))).rows[0]?.n, {
      timeout: 30_000,
      interval: 100,
    })
    .toBe(1);
  expect(currentWorker(client)).not.toBe(first);
  const { rows } = await database.query<{ n: number }>('select count(*)::int as n from users where phone = $1', [phone(9)]);
  expect(rows[0]!.n).toBe(1);
  await database.query("notify lp_restart_test, 'after restart'");
  await expect.poll(() => heard, { timeout: 5_000 }).toEqual(['after restart']);
}, 60_000);

describe('a worker that never opens the database', () => {
  const hangOnce = new URL('../../test/fakes/pglite-worker-hang-once.mjs', import.meta.url);

  it('at start-up: ended after the timeout, with a clear error', async () => {
    const hungDir = mkdtempSync(path.join(tmpdir(), 'lp-pglite-hang-'));
    writeFileSync(path.join(hungDir, '.hang'), '');
    try {
      await expect(startPgliteWorker(hungDir, { readyTimeoutMs: 300, entry: hangOnce })).rejects.toThrow(
        'the embedded database did not open within 0.3 s',
      );
    } finally {
      rmSync(hungDir, { recursive: true, force: true });
    }
  });

  it('on a restart: ended after the timeout and tried again, which opens it', async () => {
    const restarts: (string | null)[] = [];
    const ownDir = mkdtempSync(path.join(tmpdir(), 'lp-pglite-hang-'));
    const client = await startPgliteWorker(ownDir, {
      readyTimeoutMs: 15_000,
      entry: hangOnce,
      onRestart: (err) => restarts.push(err ? err.message : null),
    });
    try {
      writeFileSync(path.join(ownDir, '.hang'), '');
      await currentWorker(client)!.terminate();
      await expect
        .poll(async () => (await client.query<{ n: number }>('select 1 as n').catch(() => ({ rows: [] }))).rows[0]?.n, {
          timeout: 60_000,
          interval: 200,
        })
        .toBe(1);
      // died → the restart hung and was ended after the timeout → the next restart opened the database
      expect(restarts).toEqual([expect.stringContaining('exit code'), expect.stringContaining('exit code'), null]);
    } finally {
      await client.close();
      rmSync(ownDir, { recursive: true, force: true });
    }
  }, 90_000);
});

it('sql template tags reach the worker as plain parameters', async () => {
  const result = (await database.db.execute(sql`select ${'it works'}::text as said`)) as unknown as { rows: unknown[] };
  expect(result.rows[0]).toEqual({ said: 'it works' });
});
