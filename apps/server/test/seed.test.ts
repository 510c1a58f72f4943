import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { catalog } from '../src/modules/catalog/catalog.data';
import { buildDemoData, DEMO_PHONES } from '../src/seed/demo-data';
import { type SeedResult, seedDemoData } from '../src/seed/seed';
import { createTestDatabase } from './database';

let database: Database;
let result: SeedResult;
const now = new Date('2026-11-20T06:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  result = await seedDemoData(database, { now });
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
  (await database.query<T>(text, values)).rows;

describe('demo data', () => {
  it('is reproducible: the same seed builds the same dataset', () => {
    const a = buildDemoData({ seed: 7, now, providers: 30, customers: 40 });
    const b = buildDemoData({ seed: 7, now, providers: 30, customers: 40 });
    expect(JSON.stringify(a)).toEqual(JSON.stringify(b));
    expect(JSON.stringify(buildDemoData({ seed: 8, now, providers: 30, customers: 40 }))).not.toEqual(JSON.stringify(a));
  });

  it('loads the catalogue with the shared slugs, Hindi names, icons and fees', async () => {
    const rows = await q<{ slug: string; hi: string; icon: string; fee: number; subs: string[] }>(
      `select c.slug, c.name_translations->>'hi' as hi, c.icon, c.platform_fee_bps as fee,
              array_agg(s.slug order by s.sort_order) as subs
         from categories c join sub_categories s on s.category_id = c.id group by c.id order by c.sort_order`,
    );
    expect(rows.map((r) => r.slug)).toEqual(catalog.map((c) => c.slug));
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const r of rows) {
      expect(r.hi).toMatch(/[\u0900-\u097F]/);
      expect(r.icon).not.toBe('');
      expect(r.fee).toBeGreaterThanOrEqual(800);
      expect(r.fee).toBeLessThanOrEqual(1500);
    }
    expect(rows.find((r) => r.slug === 'plumbing')!.subs).toEqual([
      'tap-repair',
      'pipe-leak',
      'drain-blockage',
      'bathroom-fitting',
      'water-tank-cleaning',
    ]);
  });

  it('has at least 200 approved providers spread over Lucknow, Delhi NCR and Bengaluru', async () => {
    expect(result.seeded).toBe(true);
    const rows = await q<{ city: string; n: number }>(
      `select city, count(*)::int as n from provider_profiles where status = 'APPROVED' group by city order by city`,
    );
    expect(rows.reduce((s, r) => s + r.n, 0)).toBeGreaterThanOrEqual(200);
    expect(rows.map((r) => r.city)).toEqual(['Bengaluru', 'Delhi NCR', 'Lucknow']);
    for (const r of rows) expect(r.n).toBeGreaterThanOrEqual(50);
    const [incomplete] = await q<{ n: number }>(
      `select count(*)::int as n from provider_profiles
        where base_lat is null or jsonb_array_length(pricing) = 0 or working_hours is null or service_radius_km <= 0`,
    );
    expect(incomplete!.n).toBe(0);
  });

  it('has the fixed demo accounts, including an approved Aadhaar-verified plumber in Lucknow', async () => {
    const accounts = await q<{ phone: string; role: string }>(
      'select phone, role::text from users where phone = any($1) order by phone',
      [Object.values(DEMO_PHONES)],
    );
    expect(accounts).toEqual([
      { phone: DEMO_PHONES.admin, role: 'ADMIN' },
      { phone: DEMO_PHONES.customer, role: 'CUSTOMER' },
      { phone: DEMO_PHONES.provider, role: 'PROVIDER' },
    ]);
    const [provider] = await q(
      `select p.status::text, p.aadhaar_verified, p.aadhaar_masked, p.city, p.business_name, c.slug
         from provider_profiles p join users u on u.id = p.user_id join categories c on c.id = p.category_id where u.phone = $1`,
      [DEMO_PHONES.provider],
    );
    expect(provider).toMatchObject({ status: 'APPROVED', aadhaar_verified: true, city: 'Lucknow', slug: 'plumbing' });
    expect(provider!.business_name).toBe('Sharma Plumbing Works');
    expect(provider!.aadhaar_masked).toMatch(/^XXXX-XXXX-\d{4}$/);
  });

  it('keeps provider ratings and job counts consistent with their reviews and bookings', async () => {
    const mismatches = await q(
      `select p.id from provider_profiles p
         left join (select provider_id, count(*)::int n, round(avg(overall_rating), 2) a from reviews where is_published group by provider_id) r
           on r.provider_id = p.id
         left join (select provider_id, count(*) filter (where status = 'COMPLETED')::int done, count(*)::int total from bookings group by provider_id) b
           on b.provider_id = p.id
        where p.rating_count <> coalesce(r.n, 0) or p.average_rating <> coalesce(r.a, 0)
           or p.completed_jobs <> coalesce(b.done, 0) or p.total_jobs <> coalesce(b.total, 0)`,
    );
    expect(mismatches).toEqual([]);
  });

  it('pays every completed booking exactly once, and reviews only completed bookings of that customer', async () => {
    const [unpaid] = await q<{ n: number }>(
      `select count(*)::int n from bookings b where b.status = 'COMPLETED'
          and (select count(*) from payments p where p.booking_id = b.id and p.status = 'COMPLETED' and p.amount = b.final_price) <> 1`,
    );
    expect(unpaid!.n).toBe(0);
    const [badSplit] = await q<{ n: number }>(
      `select count(*)::int n from payments where (method = 'ONLINE' and (platform_fee <= 0 or platform_fee + provider_earnings > amount))
          or (method <> 'ONLINE' and (platform_fee <> 0 or provider_earnings <> amount))`,
    );
    expect(badSplit!.n).toBe(0);
    const [badReviews] = await q<{ n: number }>(
      `select count(*)::int n from reviews r join bookings b on b.id = r.booking_id
        where b.status <> 'COMPLETED' or b.customer_id <> r.customer_id or b.provider_id <> r.provider_id or r.created_at < b.completed_at`,
    );
    expect(badReviews!.n).toBe(0);
  });

  it('posts online payments to a balanced ledger', async () => {
    const unbalanced = await q('select transaction_id from ledger_entries group by transaction_id having sum(amount) <> 0');
    expect(unbalanced).toEqual([]);
  });

  it('does nothing on a second run, so restarts keep the data', async () => {
    const before = await q<{ n: number }>('select count(*)::int n from bookings');
    expect((await seedDemoData(database, { now })).seeded).toBe(false);
    expect(await q<{ n: number }>('select count(*)::int n from bookings')).toEqual(before);
  });
});
