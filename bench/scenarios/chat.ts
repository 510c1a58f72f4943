import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { io as ioClient, type Socket } from 'socket.io-client';
import { cpuOf } from '../lib/child';
import { writeResultsMarkdown } from '../lib/results-file';
import type { FromChild } from '../servers/protocol';

/**
 * Chat end to end over Socket.IO (not HTTP, so it runs on its own: `npx tsx bench/scenarios/chat.ts`;
 * bench/run.ts ignores this file since it exports no `scenario`). 1,000 connected sockets (500
 * customer–provider pairs, each in its room): messages per second with senders pipelining, and
 * end-to-end latency (send → the other party's `message:created`) at a fixed 200 messages per second —
 * on one node, on two nodes via Redis (senders on node A, receivers on node B; needs DATABASE_URL and
 * REDIS_URL), and against a bare Socket.IO relay in the same run.
 * Options via env: BENCH_PAIRS (500), BENCH_SECONDS (8), BENCH_RATE (200), BENCH_WINDOW (8 in flight per sender),
 * BENCH_NODE_ARGS (extra node flags for the server processes, e.g. --cpu-prof).
 */
const here = import.meta.dirname;
const PAIRS = Number(process.env.BENCH_PAIRS ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 8);

interface Fixture {
  roomId: string;
  customerToken: string;
  providerToken: string;
}
interface Node {
  child: ChildProcess;
  url: string;
}

function startServer(script: string, env: Record<string, string>): Promise<Node> {
  const child = fork(path.join(here, '../servers', script), [], {
    // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers (NODE_OPTIONS refuses --cpu-prof).
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 600_000);
    child.on('message', (m: FromChild) => {
      if (m.type === 'listening') {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${m.port}` });
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function stop(n: Node): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      n.child.kill('SIGKILL');
      resolve();
    }, 15_000);
    n.child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    n.child.send({ type: 'stop' });
  });
}

type Client = Socket;
function connectClient(url: string, token: string): Promise<Client> {
  const s = ioClient(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token },
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}
const ack = (s: Client, event: string, payload: unknown) =>
  new Promise<{ ok: boolean }>((resolve) => s.emit(event, payload, (r: { ok: boolean }) => resolve(r)));

interface Setup {
  senders: { socket: Client; roomId: string }[];
  receivers: Client[];
  latencies: number[];
  sentAt: Map<string, number>;
}

async function connectAll(senderUrl: string, receiverUrl: string, fixtures: Fixture[], tokens: boolean): Promise<Setup> {
  const latencies: number[] = [];
  const sentAt = new Map<string, number>();
  const senders: Setup['senders'] = [];
  const receivers: Client[] = [];
  for (let i = 0; i < fixtures.length; i += 50) {
    const chunk = fixtures.slice(i, i + 50);
    await Promise.all(
      chunk.map(async (f) => {
        const sender = await connectClient(senderUrl, tokens ? f.customerToken : 'x');
        const receiver = await connectClient(receiverUrl, tokens ? f.providerToken : 'x');
        await ack(sender, 'room:join', { roomId: f.roomId });
        await ack(receiver, 'room:join', { roomId: f.roomId });
        receiver.on('message:created', (m: { clientMessageId: string }) => {
          const t0 = sentAt.get(m.clientMessageId);
          if (t0 !== undefined) {
            latencies.push(performance.now() - t0);
            sentAt.delete(m.clientMessageId);
          }
        });
        senders.push({ socket: sender, roomId: f.roomId });
        receivers.push(receiver);
      }),
    );
  }
  return { senders, receivers, latencies, sentAt };
}

let counter = 0;
function send(setup: Setup, s: Setup['senders'][number]): Promise<{ ok: boolean }> {
  const id = `b${++counter}`;
  setup.sentAt.set(id, performance.now());
  return ack(s.socket, 'message:send', { roomId: s.roomId, clientMessageId: id, type: 'TEXT', content: 'Okay' });
}

/** Every sender keeps WINDOW messages in flight for SECONDS: acked messages per second. */
async function throughput(setup: Setup): Promise<number> {
  const until = performance.now() + SECONDS * 1000;
  let acked = 0;
  const active = setup.senders.slice(0, 50);
  await Promise.all(
    active.flatMap((s) =>
      Array.from({ length: WINDOW }, async () => {
        while (performance.now() < until) {
          const r = await send(setup, s);
          if (r.ok) acked++;
        }
      }),
    ),
  );
  return Math.round(acked / SECONDS);
}

/** RATE messages per second spread over all senders for SECONDS: end-to-end latency percentiles. */
async function latencyAtRate(setup: Setup): Promise<{ p50: number; p99: number; delivered: number; sent: number }> {
  setup.latencies.length = 0;
  setup.sentAt.clear();
  const total = RATE * SECONDS;
  const start = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(setup, setup.senders[i % setup.senders.length]!));
  }
  await Promise.all(pending);
  await new Promise((r) => setTimeout(r, 500));
  const sorted = [...setup.latencies].sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN) * 10) / 10;
  return { p50: pct(50), p99: pct(99), delivered: sorted.length, sent: total };
}

/**
 * Before each phase: the database writes out what the previous phase left (CHECKPOINT) and the machine gets a
 * second, so no target's latency includes the flush of the saturating run before it (the targets measured
 * first would otherwise have the only quiet disk).
 */
async function settle(pgUrl: string | undefined): Promise<void> {
  if (pgUrl) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query('checkpoint').catch(() => {}); // needs a superuser or pg_checkpoint; best effort
    await admin.end();
  }
  await new Promise((r) => setTimeout(r, 1000));
}

/** CPU time used so far by the server processes and by this (client) process, µs. */
async function cpuNow(nodes: Node[]) {
  const server = (await Promise.all(nodes.map((n) => cpuOf(n.child)))).reduce((a, b) => a + b, 0);
  const own = process.cpuUsage();
  return { server, client: own.user + own.system };
}

async function measure(
  label: string,
  sender: Node,
  receiver: Node,
  fixtures: Fixture[],
  tokens: boolean,
  pgUrl: string | undefined,
) {
  const setup = await connectAll(sender.url, receiver.url, fixtures, tokens);
  await throughput({ ...setup, senders: setup.senders.slice(0, 10) }); // warm-up
  await settle(pgUrl);
  const nodes = sender === receiver ? [sender] : [sender, receiver];
  const cpu0 = await cpuNow(nodes);
  const perSec = await throughput(setup);
  const cpu1 = await cpuNow(nodes);
  const messages = perSec * SECONDS;
  const perMessage = (us: number) => Math.round((us / Math.max(1, messages)) * 10) / 10;
  const serverCpuMicros = perMessage(cpu1.server - cpu0.server);
  const clientCpuMicros = perMessage(cpu1.client - cpu0.client);
  await settle(pgUrl);
  const lat = await latencyAtRate(setup);
  for (const s of setup.senders) s.socket.close();
  for (const r of setup.receivers) r.close();
  const row = { label, sockets: fixtures.length * 2, messagesPerSec: perSec, serverCpuMicros, clientCpuMicros, ...lat };
  console.log(
    `  ${label.padEnd(34)} ${String(perSec).padStart(6)} msg/s   node CPU ${serverCpuMicros} µs/msg   client ${clientCpuMicros} µs/msg   p50 ${lat.p50} ms   p99 ${lat.p99} ms   (${lat.delivered}/${lat.sent} delivered at ${RATE}/s)`,
  );
  return row;
}

const NOTES = '## Notes';

/**
 * A new, empty database `lp_bench_chat` on the server of `url` for this run (dropped first if a previous run
 * left it), so every run writes into tables of the same size instead of the ever-growing ones of `url`.
 */
async function scratchDatabase(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists lp_bench_chat with (force)');
  await admin.query('create database lp_bench_chat');
  await admin.end();
  const u = new URL(url);
  u.pathname = '/lp_bench_chat';
  return u.toString();
}

export async function runChatBench() {
  const tmp = path.join(os.tmpdir(), `lp-chat-bench-${process.pid}.json`);
  const pgUrl = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL) : undefined;
  const redis = process.env.REDIS_URL;
  const twoNodes = Boolean(pgUrl && redis);
  const jwt = 'bench-only-jwt-secret-0123456789abcdefghijklmnop';
  console.log(
    `\n▶ chat: ${PAIRS * 2} sockets, ${SECONDS} s per run, ${RATE} msg/s for latency; database ${pgUrl ? 'postgres' : 'pglite'}`,
  );
  const loadBefore = os.loadavg();
  const db: Record<string, string> = pgUrl ? { DATABASE_URL: pgUrl } : {};
  const echo = await startServer('socketio-echo.ts', {});
  const echoInsert = pgUrl ? await startServer('socketio-insert.ts', db) : null;
  const a = await startServer('chat-node.ts', {
    ...db,
    JWT_SECRET: jwt,
    BENCH_CHAT_PAIRS: String(PAIRS),
    BENCH_FIXTURE_FILE: tmp,
  });
  const b = twoNodes ? await startServer('chat-node.ts', { ...db, JWT_SECRET: jwt }) : null;
  const fixtures = JSON.parse(readFileSync(tmp, 'utf8')) as Fixture[];
  rmSync(tmp, { force: true });
  const rows = [];
  try {
    rows.push(await measure('bare Socket.IO relay', echo, echo, fixtures, false, pgUrl));
    if (echoInsert)
      rows.push(await measure('bare relay + one INSERT per message', echoInsert, echoInsert, fixtures, false, pgUrl));
    rows.push(await measure(`LocalPro chat, one node${redis ? ' (Redis adapter)' : ''}`, a, a, fixtures, true, pgUrl));
    if (b) rows.push(await measure('LocalPro chat, two nodes via Redis', a, b, fixtures, true, pgUrl));
    else console.log('  two nodes via Redis: skipped — needs DATABASE_URL and REDIS_URL');
  } finally {
    await Promise.all([echo, ...(echoInsert ? [echoInsert] : []), a, ...(b ? [b] : [])].map(stop));
  }
  const base = rows[0]!.messagesPerSec;
  const insertBase = echoInsert ? rows[1]!.messagesPerSec : null;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const results = rows.map((r) => ({
    ...r,
    ratioToBare: ratio(r.messagesPerSec, base),
    ratioToRelayWithInsert: insertBase ? ratio(r.messagesPerSec, insertBase) : null,
  }));
  const verdicts = results
    .filter((r) => r.label.startsWith('LocalPro'))
    .map(
      (r) =>
        `- ${r.label}: ${r.ratioToBare}× the bare relay (goal ≥ 0.5×: ${r.ratioToBare >= 0.5 ? 'met' : 'NOT met'}), p99 ${r.p99} ms at ${RATE} msg/s (goal ≤ 50 ms: ${r.p99 <= 50 ? 'met' : 'NOT met'})${r.ratioToRelayWithInsert === null ? '' : `; ${r.ratioToRelayWithInsert}× the relay with one INSERT per message`}.`,
    );
  const environment = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverageBefore: loadBefore.map((x) => Math.round(x * 100) / 100),
    loadAverageAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
    database: pgUrl ? 'postgres' : 'pglite',
  };
  const goal = 'messages/s ≥ 0.5× the bare relay; p99 ≤ 50 ms at 200 msg/s';
  const out = path.join(here, '../results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, 'chat.json'),
    `${JSON.stringify({ scenario: 'chat', pairs: PAIRS, seconds: SECONDS, rate: RATE, window: WINDOW, goal, environment, results }, null, 2)}\n`,
  );
  const md = [
    '# Benchmark: chat',
    '',
    `${PAIRS * 2} connected sockets (${PAIRS} pairs); throughput with 50 senders × ${WINDOW} in flight for ${SECONDS} s; latency at ${RATE} msg/s spread over all senders. Goal: ${goal}.`,
    `Run ${environment.date} on Node ${environment.node}, ${environment.cpus} CPUs, ${environment.database}; load average before ${environment.loadAverageBefore.join(' / ')}, after ${environment.loadAverageAfter.join(' / ')}.`,
    '',
    '| target | sockets | msg/s | ratio to bare relay | ratio to relay + INSERT | node CPU µs/msg | client CPU µs/msg | p50 ms | p99 ms | delivered |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.sockets} | ${r.messagesPerSec} | ${r.ratioToBare}× | ${r.ratioToRelayWithInsert === null ? '' : `${r.ratioToRelayWithInsert}×`} | ${r.serverCpuMicros} | ${r.clientCpuMicros} | ${r.p50} | ${r.p99} | ${r.delivered}/${r.sent} |`,
    ),
    '',
    'Node CPU: the server process(es) of the target (both nodes for the two-node row; not PostgreSQL or Redis),',
    'client CPU: the bench process driving all 1,000 sockets, both per acked message during the throughput run.',
    '',
    ...verdicts,
    '',
    'Every LocalPro message is authorised (session re-check), rate-limited, deduplicated by clientMessageId,',
    'given a gap-free per-room seq, language-detected/translated and masked, stored durably (synchronous commit)',
    'before the ack, and sent to each participant in their own view (and to admin watchers), to the other nodes',
    'through Redis. The bare relay does none of that; the relay + one INSERT row shows the cost of a durable',
    'write per message on the same machine.',
    '',
  ].join('\n');
  writeResultsMarkdown(path.join(out, 'chat.md'), md, NOTES);
  console.log(`  wrote bench/results/chat.json and .md`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runChatBench();
  process.exit(0);
}
