import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { cpuOf, nextMessage } from './lib/child';
import { writeResultsMarkdown } from './lib/results-file';
import type { BenchScenario, BenchTarget, TargetResult } from './types';

/**
 * `npm run bench [-- <scenario>… --duration 8 --connections 32 --rounds 2]`
 * Starts every server of a scenario as its own process on loopback, loads each with autocannon in
 * turn (each round runs every target, in a rotating order, so background noise hits all alike), reads
 * each server's CPU time around the load, prints a table and writes bench/results/<scenario>.{json,md}.
 * The table shows each target's best round; the goal is judged on the median of the per-round ratios
 * (target ÷ baseline measured seconds apart), which one lucky or unlucky round cannot swing.
 */
const here = import.meta.dirname;

interface Running {
  target: BenchTarget;
  child: ChildProcess;
  url: string;
  headers: Record<string, string>;
}

function serverScript(server: string): string {
  if (server === 'app') return path.join(here, 'servers/app-server.ts');
  if (server === 'bare-fastify') return path.join(here, 'servers/bare-fastify.ts');
  if (server === 'bare-http') return path.join(here, 'servers/bare-http.ts');
  return path.resolve(here, server);
}

async function start(target: BenchTarget): Promise<Running> {
  const child = fork(serverScript(target.server), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...target.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage(child, 'listening', 300_000);
  const url = `http://127.0.0.1:${port}`;
  const prepared = target.prepare ? await target.prepare(url) : undefined;
  return { target, child, url, headers: { ...target.request.headers, ...prepared?.headers } };
}

async function load(r: Running, connections: number, durationSec: number) {
  return autocannon({
    url: r.url + r.target.request.path,
    method: r.target.request.method ?? 'GET',
    headers: r.headers,
    body: r.target.request.body,
    connections,
    duration: durationSec,
  });
}

type Measured = Omit<TargetResult, 'ratioToBaseline' | 'cpuRatioToBaseline' | 'medianRoundRatio'>;

async function measure(r: Running, connections: number, durationSec: number): Promise<Measured> {
  const cpu0 = await cpuOf(r.child);
  const result = await load(r, connections, durationSec);
  const cpu1 = await cpuOf(r.child);
  const requests = result.requests.total;
  return {
    label: r.target.label,
    requestsPerSec: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests,
    errors: result.errors,
    non2xx: result.non2xx,
    cpuMicrosPerRequest: requests ? Math.round(((cpu1 - cpu0) / requests) * 10) / 10 : 0,
  };
}

/** Median over rounds of target ÷ baseline requests per second, each pair measured in the same round. */
function medianRatio(target: readonly number[], baseline: readonly number[]): number | null {
  const ratios = target.map((t, i) => (baseline[i] ? t / baseline[i]! : Number.NaN)).filter(Number.isFinite);
  if (ratios.length === 0) return null;
  ratios.sort((a, b) => a - b);
  const mid = ratios.length >> 1;
  const m = ratios.length % 2 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
  return Math.round(m * 100) / 100;
}

function table(rows: TargetResult[]): string {
  const head = [
    'target',
    'req/s',
    'ratio',
    'median round ratio',
    'p50 ms',
    'p99 ms',
    'CPU µs/req',
    'CPU ratio',
    'requests',
    'errors',
    'non-2xx',
  ];
  const body = rows.map((r) => [
    r.label,
    String(r.requestsPerSec),
    r.ratioToBaseline === null ? '' : `${r.ratioToBaseline.toFixed(2)}×`,
    r.medianRoundRatio === null ? '' : `${r.medianRoundRatio.toFixed(2)}×`,
    String(r.latencyP50Ms),
    String(r.latencyP99Ms),
    String(r.cpuMicrosPerRequest),
    r.cpuRatioToBaseline === null ? '' : `${r.cpuRatioToBaseline.toFixed(2)}×`,
    String(r.requests),
    String(r.errors),
    String(r.non2xx),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function runScenario(s: BenchScenario, overrides: { duration?: number; connections?: number; rounds?: number }) {
  const connections = overrides.connections ?? s.connections ?? 32;
  const durationSec = overrides.duration ?? s.durationSec ?? 8;
  const rounds = overrides.rounds ?? s.rounds ?? 2;
  console.log(`\n▶ ${s.name}: ${s.description}`);
  console.log(`  ${connections} connections, ${durationSec} s per run, ${rounds} rounds`);
  const loadBefore = os.loadavg();
  const running: Running[] = [];
  try {
    for (const t of s.targets) running.push(await start(t));
    for (const r of running) await load(r, connections, 2); // warm-up (JIT, connection pools)
    const best = new Map<string, Measured>();
    const perRound = new Map<string, number[]>(s.targets.map((t) => [t.label, []]));
    for (let round = 1; round <= rounds; round++) {
      const order = running.map((_, i) => running[(i + round - 1) % running.length]!);
      for (const r of order) {
        const m = await measure(r, connections, durationSec);
        perRound.get(m.label)!.push(m.requestsPerSec);
        console.log(
          `  round ${round}: ${m.label.padEnd(28)} ${String(m.requestsPerSec).padStart(7)} req/s  ${m.cpuMicrosPerRequest} µs CPU/req`,
        );
        const prev = best.get(m.label);
        if (!prev || m.requestsPerSec > prev.requestsPerSec) best.set(m.label, m);
      }
    }
    const baseline = s.baseline ? best.get(s.baseline) : undefined;
    const rows: TargetResult[] = s.targets.map((t) => {
      const m = best.get(t.label)!;
      const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
      return {
        ...m,
        ratioToBaseline: baseline ? ratio(m.requestsPerSec, baseline.requestsPerSec) : null,
        cpuRatioToBaseline: baseline ? ratio(baseline.cpuMicrosPerRequest, m.cpuMicrosPerRequest) : null,
        medianRoundRatio: baseline ? medianRatio(perRound.get(t.label)!, perRound.get(baseline.label)!) : null,
      };
    });
    const goal = s.goal ? rows.find((r) => r.label === s.goal!.label) : undefined;
    const goalMet = goal && s.goal ? (goal.medianRoundRatio ?? 0) >= s.goal.minRatio : null;
    const environment = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadAverageBefore: loadBefore.map((x) => Math.round(x * 100) / 100),
      loadAverageAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    };
    const out = path.join(here, 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(out, `${s.name}.json`),
      `${JSON.stringify({ scenario: s.name, description: s.description, connections, durationSec, rounds, baseline: s.baseline ?? null, goal: s.goal ?? null, goalMet, environment, results: rows }, null, 2)}\n`,
    );
    const md = [
      `# Benchmark: ${s.name}`,
      '',
      s.description,
      '',
      `${connections} connections, ${durationSec} s per run, ${rounds} rounds in rotating order; ratios against **${s.baseline ?? 'n/a'}**`,
      '(req/s, ratio, latency and CPU: each target’s best round; median round ratio: the median over rounds of target ÷ baseline in the same round, which the goal is judged on;',
      'CPU ratio = baseline CPU per request ÷ this target’s, measured in each server process).',
      `Run ${environment.date} on Node ${environment.node}, ${environment.cpus} × ${environment.cpuModel}; load average before ${environment.loadAverageBefore.join(' / ')}, after ${environment.loadAverageAfter.join(' / ')}.`,
      '',
      table(rows),
      '',
      goal && s.goal
        ? `Goal: ${s.goal.label} ≥ ${s.goal.minRatio}× ${s.baseline} — ${goalMet ? 'met' : 'NOT met'} (median round ratio ${goal.medianRoundRatio}×; best rounds ${goal.ratioToBaseline}×).`
        : '',
      '',
    ].join('\n');
    writeResultsMarkdown(path.join(out, `${s.name}.md`), md, '## How to read this');
    console.log(`\n${table(rows)}`);
    if (goal && s.goal)
      console.log(
        `\n  goal ${s.goal.label} ≥ ${s.goal.minRatio}× ${s.baseline}: ${goalMet ? 'met' : 'NOT met'} (median round ratio ${goal.medianRoundRatio}×)`,
      );
    console.log(`  wrote bench/results/${s.name}.json and .md`);
  } finally {
    for (const r of running) {
      r.child.send({ type: 'stop' });
      await new Promise((resolve) => {
        const t = setTimeout(() => {
          r.child.kill('SIGKILL');
          resolve(null);
        }, 15_000);
        r.child.once('exit', () => {
          clearTimeout(t);
          resolve(null);
        });
      });
    }
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  strict: false, // a standalone scenario's own options (e.g. --providers) pass through to it
  options: { duration: { type: 'string' }, connections: { type: 'string' }, rounds: { type: 'string' } },
});
// A harness scenario is bench/scenarios/<name>.ts exporting `scenario`: this process loads it with autocannon.
// The others are standalone scripts (search, chat, bookings, payments seed and drive their own load): they are
// never imported here, only run as their own process when named, with the options given after the name.
const dir = path.join(here, 'scenarios');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const isHarness = (name: string) => readFileSync(path.join(dir, `${name}.ts`), 'utf8').includes('export const scenario');
const named = positionals.filter((p) => names.includes(p));
const standalone = names.filter((n) => !isHarness(n));
for (const name of named.filter((n) => standalone.includes(n))) {
  const args = process.argv.slice(2).filter((a) => !named.includes(a));
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, `${name}.ts`), ...args], {
    stdio: 'inherit',
  });
  if (status !== 0) process.exit(status ?? 1);
}
const scenarios: BenchScenario[] = [];
for (const name of names.filter((n) => isHarness(n) && (!named.length || named.includes(n)))) {
  const mod = (await import(path.join(dir, `${name}.ts`))) as { scenario: BenchScenario };
  scenarios.push(mod.scenario);
}
if (!named.length) console.log(`Standalone scenarios (run one with npm run bench -- <name>): ${standalone.join(', ')}`);
if (positionals.length && !named.length) {
  console.error(`No such scenario. Available: ${names.join(', ')}`);
  process.exit(1);
}
const num = (v?: string | boolean) => (typeof v === 'string' ? Number(v) : undefined);
for (const s of scenarios) {
  await runScenario(s, { duration: num(values.duration), connections: num(values.connections), rounds: num(values.rounds) });
}
