import { buildApp } from '../../apps/server/src/app';
import { testConfig } from '../../apps/server/src/config';
import { createContainer } from '../../apps/server/src/container';
import { runMigrations } from '../../apps/server/src/db/migrate';
import { startJobs } from '../../apps/server/src/jobs/registry';
import { createLogger } from '../../apps/server/src/lib/logger';
import { ist, nearby } from '../../apps/server/test/factories/bookings';
import { createApprovedProvider, createUser } from '../../apps/server/test/factories/index';
import { pct, pool, reportResults, scratchDatabase } from '../lib/standalone';

interface Row {
  scenario: string;
  requests: number;
  concurrency: number;
  ok: number;
  conflicts: number;
  reqPerSec: number;
  p50ms: number;
  p99ms: number;
}

function workdays(n: number): string[] {
  const out: string[] = [];
  for (let d = 2; out.length < n; d++) {
    const date = new Date(Date.now() + 5.5 * 3_600_000 + d * 86_400_000).toISOString().slice(0, 10);
    if (new Date(`${date}T00:00:00Z`).getUTCDay() !== 0) out.push(date);
  }
  return out;
}

export async function run(opts: { requests?: number; concurrency?: number } = {}): Promise<Row[]> {
  const requests = opts.requests ?? 2000;
  const concurrency = opts.concurrency ?? 32;
  const scratch = await scratchDatabase('bookings', concurrency);
  const { database } = scratch;
  try {
    await runMigrations(database);
    const config = testConfig({
      DATABASE_URL: scratch.url,
      ROLES: 'api',
      RATE_LIMIT_PER_MINUTE: '100000000',
      MAX_PENDING_BOOKINGS_PER_CUSTOMER: '1000000',
    });
    const c = createContainer({ config, database, logger: createLogger('silent') });
    await startJobs(c);
    const app = await buildApp(c);
    await app.ready();

    const days = workdays(25);
    const hours = ['09:00', '11:00', '15:00', '17:00'];
    const perProvider = days.length * hours.length;
    const providers = await Promise.all(
      Array.from({ length: Math.max(concurrency * 2, Math.ceil(requests / perProvider) + 1) }, () => createApprovedProvider(c)),
    );
    const customers = await Promise.all(Array.from({ length: 100 }, () => createUser(c, { role: 'CUSTOMER' })));
    const book = async (p: (typeof providers)[number], customerIx: number, start: string) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/bookings',
        headers: customers[customerIx % customers.length]!.headers,
        payload: {
          providerId: p.providerId,
          subCategoryId: p.category.subCategories[0]!.id,
          scheduledStart: start,
          serviceLocation: nearby,
        },
      });
      return r.statusCode;
    };
    const rows: Row[] = [];
    const row = (scenario: string, r: Awaited<ReturnType<typeof pool<unknown, number>>>) => {
      rows.push({
        scenario,
        requests: r.results.length,
        concurrency,
        ok: r.results.filter((s) => s === 201).length,
        conflicts: r.results.filter((s) => s === 409).length,
        reqPerSec: Math.round(r.results.length / r.elapsed),
        p50ms: Number(pct(r.latencies, 50).toFixed(1)),
        p99ms: Number(pct(r.latencies, 99).toFixed(1)),
      });
    };

    // Warm-up (JIT, pool connections).
    const warm = await createApprovedProvider(c);
    await pool([0, 1, 2, 3], 4, (i) => book(warm, i, ist(days[i]!, '09:00')));

    // Round robin over providers, as real traffic is spread; each (provider, slot) is asked for once.
    const free = Array.from({ length: requests }, (_, i) => {
      const slotIx = Math.floor(i / providers.length);
      return {
        p: providers[i % providers.length]!,
        start: ist(days[Math.floor(slotIx / hours.length)]!, hours[slotIx % hours.length]!),
        i,
      };
    });
    row('no contention (each a free slot)', await pool(free, concurrency, (x) => book(x.p, x.i, x.start)));

    const contended = await Promise.all(
      Array.from({ length: Math.ceil(requests / perProvider) }, () => createApprovedProvider(c)),
    );
    const fights = Array.from({ length: requests }, (_, i) => {
      const slotIx = Math.floor(i / 100);
      return {
        p: contended[Math.floor(slotIx / perProvider)]!,
        start: ist(days[Math.floor((slotIx % perProvider) / hours.length)]!, hours[slotIx % hours.length]!),
        i,
      };
    });
    row('contention (100 requests per slot)', await pool(fights, concurrency, (x) => book(x.p, x.i, x.start)));

    // The floor: the same booking row inserted with one SQL statement (no auth, no checks, no events).
    const bare = await createApprovedProvider(c);
    const cust = customers[0]!;
    const sub = bare.category.subCategories[0]!;
    const inserts = Array.from({ length: requests }, (_, i) => i);
    row(
      'bare SQL insert (floor)',
      await pool(inserts, concurrency, async (i) => {
        const start = new Date(Date.UTC(2030, 0, 1) + i * 2 * 3_600_000);
        const end = new Date(start.getTime() + 60 * 60_000);
        await database.query(
          `insert into bookings (booking_number, customer_id, provider_id, category_id, sub_category_id, service_type, service_location,
             service_lat, service_lng, scheduled_start, scheduled_end, slot, quoted_price, start_code)
           values ($1, $2, $3, $4, $5, 'Repair', $6, $7, $8, $9, $10, tstzrange($9, $11, '[)'), 49900, '1234')`,
          [
            `LP-BEN-${i}`,
            cust.customerId,
            bare.providerId,
            bare.category.category.id,
            sub.id,
            JSON.stringify(nearby),
            nearby.lat,
            nearby.lng,
            start,
            end,
            new Date(end.getTime() + 15 * 60_000),
          ],
        );
        return 201;
      }),
    );

    await app.close();
    await c.close();
    return rows;
  } finally {
    await scratch.drop();
  }
}

if (process.argv[1]?.endsWith('bookings.ts')) {
  const rows = await run({
    requests: Number(process.env.BENCH_REQUESTS ?? 2000),
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 32),
  });
  reportResults('bookings', rows);
}
