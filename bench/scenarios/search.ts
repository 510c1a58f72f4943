/**
 * Search at scale: POST /api/search through the real app (validation, parsing, geo query, scoring,
 * availability, logging) beside the bare SQL of the same geo query, in the same run, on the same data.
 * Standalone (the harness's scenario interface loads HTTP servers with autocannon; seeding 100k
 * providers once per server process would dominate the run, so this script seeds once and measures
 * in-process with app.inject):
 *
 *   npm run bench -- search --providers 100000 [--requests 400] [--concurrency 1,4]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- search --providers 100000
 * (the same as `npx tsx bench/scenarios/search.ts …`)
 *
 * PostgreSQL: a scratch database lp_bench_search_<providers> is created and seeded once, then reused.
 * PGlite: a scratch data dir under .tmp/ (reused too). Results: bench/results/search-<db>.{json,md}.
 *
 * Each concurrency level is measured in turn. The aim (p95 ≤ 2× the bare SQL and ≤ 25 ms) is judged
 * at each level and reported per level: one search at a time is a customer's latency on an unloaded
 * server; four in flight on this 2-vCPU machine is a saturated one, where the bare SQL alone queues.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../../apps/server/src/app';
import { testConfig } from '../../apps/server/src/config';
import { createContainer } from '../../apps/server/src/container';
import { createPglite, createPostgres, type Database, wrapPglite } from '../../apps/server/src/db/client';
import { runMigrations } from '../../apps/server/src/db/migrate';
import { createLogger } from '../../apps/server/src/lib/logger';
import { parseQuery } from '../../apps/server/src/modules/search/query-parser';
import { geoCandidatesSql, rankedCandidatesSql } from '../../apps/server/src/modules/search/search.repository';
import { FIRST_BATCH, slotRulesOf } from '../../apps/server/src/modules/search/search.service';
import { availabilityWeekdays } from '../../apps/server/src/modules/search/search-availability';
import { seedLarge } from '../../apps/server/src/seed/large';
import { cities } from '../../apps/server/src/seed/places';
import { writeResultsMarkdown } from '../lib/results-file';

const { values: args } = parseArgs({
  options: {
    providers: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '1,4' },
    'seed-only': { type: 'boolean', default: false },
  },
});
const providers = Number(args.providers);
const requests = Number(args.requests);
const levels = args.concurrency.split(',').map(Number);
const maxConcurrency = Math.max(...levels);
// The issue's aim: p95 within 2× of the bare SQL on both databases and at every load level, and ≤ 25 ms on
// PostgreSQL for one search at a time (no absolute target is set for the embedded database; at higher
// concurrency on this 2-vCPU machine the bare statement alone takes longer than that, so the level is reported).
const AIM = { ratio: 2, p95Ms: 25 };
const root = path.resolve(import.meta.dirname, '../..');

const queries = [
  'nal tapak raha hai',
  'kal subah AC service chahiye',
  'electrician',
  'deep cleaning this weekend',
  'pankha nahi chal raha',
  'कल सुबह प्लंबर चाहिए',
  'cockroach pest control',
  'washing machine repair tomorrow 5pm',
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number) => Math.round(x * 100) / 100;

async function openBenchDatabase(): Promise<{ database: Database; url?: string; fresh: boolean }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `lp_bench_search_${providers}`;
    const admin = createPostgres(url, 1);
    const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [name])).rows.length > 0;
    if (!exists) await admin.query(`create database ${name}`);
    await admin.close();
    const u = new URL(url);
    u.pathname = `/${name}`;
    return { database: createPostgres(u.toString(), maxConcurrency + 2), url: u.toString(), fresh: !exists };
  }
  const dir = path.join(root, '.tmp', `bench-search-pglite-${providers}`);
  mkdirSync(dir, { recursive: true });
  const pglite = await createPglite(dir);
  const database = wrapPglite(pglite);
  return { database, fresh: false };
}

/** Runs `n` calls of `fn` (indexes from..from+n) with `concurrency` workers; adds latencies and busy time to `acc`. */
async function measureInto(
  concurrency: number,
  acc: { latencies: number[]; seconds: number },
  from: number,
  n: number,
  fn: (i: number) => Promise<void>,
) {
  let next = from;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < from + n) {
        const i = next++;
        const s = performance.now();
        await fn(i);
        acc.latencies.push(performance.now() - s);
      }
    }),
  );
  acc.seconds += (performance.now() - t0) / 1000;
}
function summary(acc: { latencies: number[]; seconds: number }) {
  const sorted = [...acc.latencies].sort((a, b) => a - b);
  return {
    p50: round(pct(sorted, 50)),
    p95: round(pct(sorted, 95)),
    p99: round(pct(sorted, 99)),
    reqPerSec: round(sorted.length / acc.seconds),
  };
}

const { database, url } = await openBenchDatabase();
await runMigrations(database);
const [{ n: existing } = { n: 0 }] = (
  await database.query<{ n: number }>(`select count(*)::int as n from provider_profiles where status = 'APPROVED'`)
).rows;
if (existing < providers) {
  const t = Date.now();
  console.log(`seeding ${providers - existing} providers on ${database.kind}…`);
  let shown = -1;
  const progress = (stage: string, done: number, total: number) => {
    const pctDone = Math.floor((done / total) * 20) * 5;
    if (pctDone === shown) return;
    shown = pctDone;
    console.log(`  ${stage}: ${done}/${total} rows (${pctDone}%) after ${((Date.now() - t) / 1000).toFixed(0)} s`);
  };
  await seedLarge(database, { providers: providers - existing, bookingsPerProvider: 2, reviewShare: 0.6, progress });
  await database.query(database.kind === 'postgres' ? 'vacuum analyze' : 'analyze');
  console.log(`seeded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
// Steady state: statistics current and the visibility map set, as autovacuum keeps them on PostgreSQL
// (PGlite has no autovacuum: the server would have to run this itself; see docs/matching.md).
await database.query('VACUUM ANALYZE provider_profiles');
await database.query('ANALYZE users');
if (args['seed-only']) {
  await database.close();
  process.exit(0);
}
// Every request comes from one address: the per-IP limit (600 a minute by default) would answer the second
// level with 429s, so it is lifted here; the limiter's own cost on the path stays.
const config = testConfig({ LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000', ...(url ? { DATABASE_URL: url } : {}) });
const c = createContainer({ config, database, logger: createLogger('warn') });
const app = await buildApp(c);
await app.ready();

// Points: the seeded cities' localities, round-robin.
const points = cities.flatMap((city) => city.localities.map((l) => ({ lat: l.lat, lng: l.lng })));
const index = await c.catalog.slugIndex();
const rules = slotRulesOf(config);
/** What search asks the database first for query i, as an anonymous customer: its candidate query. */
const geoFor = (i: number) => {
  const now = new Date();
  const p = parseQuery(queries[i % queries.length]!, { now });
  const cat = p.categorySlug ? index.get(p.categorySlug) : undefined;
  const sub = p.categorySlug && p.subCategorySlug ? index.get(`${p.categorySlug}/${p.subCategorySlug}`) : undefined;
  const geo = {
    ...points[i % points.length]!,
    radiusKm: config.SEARCH_DEFAULT_RADIUS_KM,
    categoryId: cat?.categoryId ?? null,
    specialityId: sub?.subCategoryId ?? null,
    text: cat ? null : p.freeText || null,
  };
  return { geo, now, weekdays: availabilityWeekdays({ when: p.when, now, rules }) };
};
const DAY_MS = 86_400_000;
/** The statement search runs first: the candidates ranked in SQL, the first slice (page one) with its calendars. */
const sqlFor = (i: number) => {
  const { geo, now, weekdays } = geoFor(i);
  const calendars = { from: new Date(now.getTime() - DAY_MS), until: new Date(now.getTime() + 8 * DAY_MS) };
  return rankedCandidatesSql(geo, { ...weekdays, customerId: null, limit: FIRST_BATCH, calendars });
};
/** Every candidate, unranked: what search fetched and ranked in Node until 2026-12-07 (reference). */
const allSql = (i: number) => geoCandidatesSql(geoFor(i).geo);

const { text: planSql, values: planValues } = sqlFor(0);
const plan = (await database.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${planSql}`, planValues)).rows
  .map((r) => Object.values(r)[0])
  .join('\n');
const usesIndex = /provider_profiles_(search|geo)_idx/.test(plan);
const indexOnly = plan.includes('Index Only Scan');

let candidates = 0;
for (let i = 0; i < 16; i++) {
  const { text, values } = sqlFor(i);
  candidates += (await database.query<{ total: number }>(text, values)).rows[0]?.total ?? 0;
}

// warm up both paths
for (let i = 0; i < 20; i++) {
  const { text, values } = sqlFor(i);
  await database.query(text, values);
  await app.inject({
    method: 'POST',
    url: '/api/search',
    payload: { query: queries[i % queries.length]!, location: points[i % points.length]! },
  });
}
let errors = 0;
type Acc = Record<'bare' | 'all' | 'api', { latencies: number[]; seconds: number }>;
/** The three targets take turns in rounds, so a change in the machine's load hits all of them alike. */
async function measureLevel(concurrency: number) {
  console.log(`measuring ${requests} requests each, concurrency ${concurrency}…`);
  const rounds = 8;
  const acc: Acc = {
    bare: { latencies: [], seconds: 0 },
    all: { latencies: [], seconds: 0 },
    api: { latencies: [], seconds: 0 },
  };
  const perRound = Math.ceil(requests / rounds);
  for (let r = 0; r < rounds; r++) {
    const from = r * perRound;
    const n = Math.min(perRound, requests - from);
    await measureInto(concurrency, acc.bare, from, n, async (i) => {
      const { text, values } = sqlFor(i);
      await database.query(text, values);
    });
    await measureInto(concurrency, acc.all, from, n, async (i) => {
      const { text, values } = allSql(i);
      await database.query(text, values);
    });
    await measureInto(concurrency, acc.api, from, n, async (i) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/search',
        payload: { query: queries[i % queries.length]!, location: points[i % points.length]! },
      });
      if (res.statusCode !== 200) {
        if (errors++ === 0) console.error(`search answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      }
    });
    console.log(`  round ${r + 1}/${rounds} done; load average ${loadavg()[0]!.toFixed(1)}`);
  }
  const bare = summary(acc.bare);
  const api = summary(acc.api);
  const p95Ratio = round(api.p95 / Math.max(bare.p95, 0.01));
  return {
    concurrency,
    bareSql: bare,
    allCandidatesSql: summary(acc.all),
    search: api,
    p95Ratio,
    aimMet: p95Ratio <= AIM.ratio && (!url || concurrency > 1 || api.p95 <= AIM.p95Ms),
  };
}
const measured = [];
for (const level of levels) measured.push(await measureLevel(level));

const result = {
  scenario: 'search',
  database: database.kind,
  providers,
  requests,
  aim: AIM,
  avgCandidatesPerQuery: Math.round(candidates / 16),
  geoIndexUsed: usesIndex,
  indexOnlyScan: indexOnly,
  levels: measured,
  errors,
  environment: { cpus: cpus().length, loadavg: loadavg().map(round), node: process.version },
  at: new Date().toISOString(),
};
console.log(JSON.stringify(result, null, 2));
console.log(plan);
const dir = path.join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, `search-${database.kind}.json`), `${JSON.stringify({ ...result, plan }, null, 2)}\n`);
const row = (label: string, m: { p50: number; p95: number; p99: number; reqPerSec: number }, c: number) =>
  `| ${c} | ${label} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.reqPerSec} |`;
writeResultsMarkdown(
  path.join(dir, `search-${database.kind}.md`),
  [
    `# search on ${database.kind}: ${providers} providers, ${requests} requests per target and level`,
    '',
    `Run ${result.at} on Node ${process.version}, ${cpus().length} CPUs; load average after ${result.environment.loadavg.join(' ')}. Candidates per query ≈ ${result.avgCandidatesPerQuery}; geo index used: ${usesIndex}; index-only scan: ${indexOnly}; errors: ${errors}.`,
    '',
    '| concurrency | target | p50 ms | p95 ms | p99 ms | req/s |',
    '|---|---|---|---|---|---|',
    ...measured.flatMap((m) => [
      row('bare candidate SQL (the statement search runs first)', m.bareSql, m.concurrency),
      row('every candidate, unranked (the statement before 2026-12-07, reference)', m.allCandidatesSql, m.concurrency),
      row('POST /api/search', m.search, m.concurrency),
    ]),
    '',
    ...measured.map(
      (m) =>
        `- Concurrency ${m.concurrency}: search p95 ${m.search.p95} ms, ${m.p95Ratio}× the bare SQL's p95 — aim (≤ ${AIM.ratio}×${url && m.concurrency === 1 ? ` and ≤ ${AIM.p95Ms} ms` : ''}): ${m.aimMet ? 'met' : 'NOT met'}${url && m.concurrency > 1 ? ` (the bare SQL alone: p95 ${m.bareSql.p95} ms at this level)` : ''}.`,
    ),
    '',
  ].join('\n'),
  '## How to read this',
);
await app.close();
await c.close();
await database.close();
