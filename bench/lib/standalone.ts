/** Shared pieces of the standalone PostgreSQL benches (bookings, payments): load loop, scratch database, results. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createPostgres, type Database } from '../../apps/server/src/db/client';

export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `fn` over `items` with `concurrency` workers; returns sorted latencies (ms), each result, and seconds taken. */
export async function pool<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>) {
  const latencies: number[] = [];
  const results: R[] = [];
  let i = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (i < items.length) {
        const item = items[i++]!;
        const s = performance.now();
        results.push(await fn(item));
        latencies.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, results, elapsed };
}

/** A fresh database beside DATABASE_URL for one bench run; `drop()` removes it. */
export async function scratchDatabase(bench: string, poolSize: number) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(`The ${bench} bench runs on PostgreSQL: set DATABASE_URL`);
  const name = `lp_bench_${bench}_${process.pid}`;
  const admin = createPostgres(url, 1);
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database: Database = createPostgres(u.toString(), poolSize);
  return {
    database,
    url: u.toString(),
    async drop() {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.close();
    },
  };
}

/** Prints the rows with the machine's load and writes bench/results/<bench>.json. */
export function reportResults(bench: string, rows: object[]) {
  console.table(rows);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs (numbers are only comparable side by side in one run)`,
  );
  const dir = path.resolve(import.meta.dirname, '../results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `${bench}.json`),
    `${JSON.stringify({ at: new Date().toISOString(), database: 'postgresql', cpus: cpus().length, loadavg: loadavg(), rows }, null, 2)}\n`,
  );
}
