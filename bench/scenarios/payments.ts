/**
 * Payments on PostgreSQL: ledger postings per second (our balanced, idempotent post() beside the bare
 * SQL inserts of the same rows — the floor) and the in-app payment round trip through the real app
 * (intent with Idempotency-Key → sandbox checkout → signature verify → signed webhook).
 * Standalone, like bookings.ts (the bench/ harness loads one HTTP request per target; these are
 * multi-step): `DATABASE_URL=postgres://… npx tsx bench/scenarios/payments.ts`.
 */
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../apps/server/src/app';
import { testConfig } from '../../apps/server/src/config';
import { createContainer } from '../../apps/server/src/container';
import { runMigrations } from '../../apps/server/src/db/migrate';
import type { SandboxGateway } from '../../apps/server/src/integrations/payments/sandbox';
import { startJobs } from '../../apps/server/src/jobs/registry';
import { createLogger } from '../../apps/server/src/lib/logger';
import { createUser } from '../../apps/server/test/factories/index';
import { createPaymentScenario, insertBooking } from '../../apps/server/test/factories/payments';
import { pct, pool, reportResults, scratchDatabase } from '../lib/standalone';

interface Row {
  scenario: string;
  operations: number;
  concurrency: number;
  opsPerSec: number;
  p50ms: number;
  p99ms: number;
  failures: number;
}

export async function run(opts: { postings?: number; roundTrips?: number; concurrency?: number } = {}): Promise<Row[]> {
  const postings = opts.postings ?? 3000;
  const roundTrips = opts.roundTrips ?? 200;
  const concurrency = opts.concurrency ?? 16;
  const scratch = await scratchDatabase('payments', concurrency + 4);
  const { database } = scratch;
  const rows: Row[] = [];
  const row = (scenario: string, n: number, r: Awaited<ReturnType<typeof pool<unknown, boolean>>>) =>
    rows.push({
      scenario,
      operations: n,
      concurrency,
      opsPerSec: Math.round(n / r.elapsed),
      p50ms: Number(pct(r.latencies, 50).toFixed(1)),
      p99ms: Number(pct(r.latencies, 99).toFixed(1)),
      failures: r.results.filter((ok) => !ok).length,
    });
  try {
    await runMigrations(database);
    const config = testConfig({ DATABASE_URL: scratch.url, ROLES: 'api', RATE_LIMIT_PER_MINUTE: '100000000' });
    const c = createContainer({ config, database, logger: createLogger('silent') });
    await startJobs(c);
    const app = await buildApp(c);
    await app.ready();

    // ---- ledger postings: an escrow release split over 4 accounts, spread over 50 provider wallets ----
    const s0 = await createPaymentScenario(c, { status: 'COMPLETED' });
    const wallets = [
      s0.providerId,
      ...(await Promise.all(Array.from({ length: 49 }, () => createPaymentScenario(c)))).map((s) => s.providerId),
    ];
    const post = (i: number) =>
      c.db.transaction((tx) =>
        c.ledger.post(tx, {
          kind: 'ESCROW_RELEASE',
          reference: `bench-${i}-${randomUUID()}`,
          lines: [
            { account: 'escrow', amount: 100_000 },
            { account: 'platform_revenue', amount: -10_000 },
            { account: 'gst_payable', amount: -1_800 },
            { account: { wallet: wallets[i % wallets.length]! }, amount: -88_200 },
          ],
        }),
      );
    await pool([0, 1, 2, 3], 4, post); // warm-up
    const items = Array.from({ length: postings }, (_, i) => i);
    row('ledger post() — 4-line balanced, idempotent', postings, await pool(items, concurrency, post));

    const ids = await database.query<{ code: string; id: string }>(`select code, id from ledger_accounts`);
    const idOf = new Map(ids.rows.map((r) => [r.code, r.id]));
    const bare = async (i: number) => {
      const tx = await database.query<{ id: string }>(
        `insert into ledger_transactions (kind, reference) values ('ESCROW_RELEASE', $1) returning id`,
        [`bare-${i}-${randomUUID()}`],
      );
      await database.query(
        `insert into ledger_entries (transaction_id, account_id, amount) values ($1, $2, 100000), ($1, $3, -10000), ($1, $4, -1800), ($1, $5, -88200)`,
        [
          tx.rows[0]!.id,
          idOf.get('escrow'),
          idOf.get('platform_revenue'),
          idOf.get('gst_payable'),
          idOf.get(`provider_wallet:${wallets[i % wallets.length]}`),
        ],
      );
      return true;
    };
    row('bare SQL inserts of the same rows (floor)', postings, await pool(items, concurrency, bare));
    const check = await c.ledger.check(c.db);
    if (!check.ok) throw new Error('ledger check failed after the bench');

    // ---- in-app round trip through the app ----
    const sandbox = c.sandboxGateway as SandboxGateway;
    const customers = await Promise.all(Array.from({ length: 20 }, () => createUser(c, { role: 'CUSTOMER' })));
    const bookings: { b: Awaited<ReturnType<typeof insertBooking>>; customer: (typeof customers)[number] }[] = [];
    for (let i = 0; i < roundTrips + 4; i++) {
      const customer = customers[i % customers.length]!;
      const b = await insertBooking(c, {
        customer,
        providerId: s0.providerId,
        category: s0.category,
        status: 'COMPLETED',
        quotedPrice: 50_000 + i,
      });
      bookings.push({ b, customer });
    }
    const roundTrip = async ({ b, customer }: (typeof bookings)[number]) => {
      const intent = await app.inject({
        method: 'POST',
        url: '/api/payments/intents',
        headers: { ...customer.headers, 'idempotency-key': `bench-${b.id}` },
        payload: { bookingId: b.id },
      });
      if (intent.statusCode !== 201) return false;
      const { orderId, amount } = intent.json() as { orderId: string; amount: number };
      const sim = sandbox.simulatePayment({ orderId, amountPaise: amount, outcome: 'success' });
      const verify = await app.inject({
        method: 'POST',
        url: '/api/payments/verify',
        headers: customer.headers,
        payload: { orderId, paymentId: sim.paymentId, signature: sim.signature },
      });
      if (verify.statusCode !== 200) return false;
      for (const w of sim.webhooks) {
        const r = await app.inject({
          method: 'POST',
          url: '/api/payments/webhooks/sandbox',
          headers: { 'content-type': 'application/json', 'x-razorpay-signature': w.signature, 'x-razorpay-event-id': w.eventId },
          payload: w.rawBody,
        });
        if (r.statusCode !== 200) return false;
      }
      return true;
    };
    await pool(bookings.slice(0, 4), 4, roundTrip); // warm-up
    row(
      'in-app round trip (intent → verify → 2 webhooks)',
      roundTrips,
      await pool(bookings.slice(4), Math.min(concurrency, 8), roundTrip),
    );

    await app.close();
    await c.close();
    return rows;
  } finally {
    await scratch.drop();
  }
}

if (process.argv[1]?.endsWith('payments.ts')) {
  const rows = await run({
    postings: Number(process.env.BENCH_POSTINGS ?? 3000),
    roundTrips: Number(process.env.BENCH_ROUND_TRIPS ?? 200),
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
  });
  reportResults('payments', rows);
}
