import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import { withTimeout } from '../lib/timeout';
import { deserializeError, type Reply, type Request, type WireQueryOptions } from './pglite-wire';

/** What the server uses of a PGlite instance: drizzle's driver, pg-boss's adapter and our raw queries. */
export type PgliteClient = Pick<PGlite, 'query' | 'exec' | 'transaction' | 'listen' | 'close' | 'refreshArrayTypes'>;

const PROBE = 'localpro-parser-probe';
/** drizzle passes the same options object for every run of a prepared query: convert each once. */
const wireCache = new WeakMap<QueryOptions, WireQueryOptions>();
function toWire(options: QueryOptions | undefined): WireQueryOptions | undefined {
  if (!options) return undefined;
  const cached = wireCache.get(options);
  if (cached) return cached;
  const unsupported = Object.keys(options).filter((k) => k !== 'rowMode' && k !== 'parsers');
  if (unsupported.length) throw new Error(`PGlite worker: query options ${unsupported.join(', ')} are not supported`);
  const identityTypes = Object.entries(options.parsers ?? {}).map(([oid, parse]) => {
    if (parse(PROBE, Number(oid)) !== PROBE) throw new Error(`PGlite worker: the parser for type ${oid} is not the identity`);
    return Number(oid);
  });
  const wire = { ...(options.rowMode ? { rowMode: options.rowMode } : {}), ...(identityTypes.length ? { identityTypes } : {}) };
  wireCache.set(options, wire);
  return wire;
}

/** The worker thread currently serving `client` (tests end it to play a crash). */
const workers = new WeakMap<PgliteClient, () => Worker | null>();
export const currentWorker = (client: PgliteClient): Worker | null => workers.get(client)?.() ?? null;

/** What queries get while the worker is down: a connection failure, so requests answer 503 (isDatabaseDown). */
function workerDown(detail: string): Error {
  return Object.assign(new Error(`The embedded database is restarting (${detail})`), { code: '08006' });
}

/**
 * PGlite in a worker thread (pglite-worker.ts), with the PGlite calls the server makes: the embedded
 * database's queries, WebAssembly execution and garbage collection happen off the thread that serves HTTP.
 * Each call is one message each way; transactions hold PGlite's transaction lock in the worker exactly as
 * they do in-process (other statements wait until they end).
 * A worker that dies (a WebAssembly abort, out of memory) is started again on the same data directory, after
 * 0.2 s and then up to 10 s between tries; meanwhile calls fail at once as a lost connection would (503 for
 * requests, /api/ready not ready), open transactions fail, and LISTEN channels are subscribed again. A worker
 * that has not opened the database within `readyTimeoutMs` (60 s) is ended: at start-up the server stops with
 * that error; on a restart it is tried again later.
 */
export async function startPgliteWorker(
  dataDir?: string,
  opts: {
    onRestart?: (err: Error | null) => void;
    /** How long a worker may take to open the database before it is ended (and, on a restart, tried again). */
    readyTimeoutMs?: number;
    /** The worker's entry module (tests substitute one that hangs). */
    entry?: URL;
  } = {},
): Promise<PgliteClient> {
  const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let nextId = 1;
  let worker: Worker;
  let down: Error | null = null;
  let closed: Error | null = null;
  let failures = 0;

  const failPending = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  /** Starts a worker and waits until its database is open; rejects (and ends it) if it cannot open. */
  async function spawn(): Promise<void> {
    const w = new Worker(opts.entry ?? new URL('./pglite-worker-entry.mjs', import.meta.url), { workerData: { dataDir } });
    worker = w;
    w.on('message', (msg: Reply | { notify: string; payload: string }) => {
      if ('notify' in msg) {
        for (const listener of listeners.get(msg.notify) ?? []) listener(msg.payload);
        return;
      }
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(deserializeError(msg.error));
    });
    let reported = false;
    const onDeath = (err: Error) => {
      if (reported || worker !== w) return;
      reported = true;
      if (closed) return failPending(closed);
      down = workerDown(err.message);
      failPending(down);
      opts.onRestart?.(down);
      scheduleRestart();
    };
    w.on('error', onDeath);
    w.on('exit', (code) => onDeath(new Error(`exit code ${code}`)));
    // A worker that never opens (stuck recovering the data directory, say) must not leave the database down
    // for good: past the timeout it counts as a failed start.
    await withTimeout(
      send({ op: 'ready' }, w),
      readyTimeoutMs,
      `the embedded database did not open within ${readyTimeoutMs / 1000} s`,
    );
  }

  function scheduleRestart() {
    const delay = Math.min(10_000, 200 * 2 ** failures);
    setTimeout(async () => {
      if (closed) return;
      try {
        await spawn();
        for (const channel of listeners.keys()) await send({ op: 'listen', channel }, worker);
        down = null;
        failures = 0;
        opts.onRestart?.(null);
      } catch {
        // It could not open (or re-listen): end it; its death schedules the next, later try.
        failures++;
        if (!closed) void worker.terminate();
      }
    }, delay).unref();
  }

  function send<T>(req: Request, to: Worker): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      to.postMessage({ id, ...req });
    });
  }
  const call = <T>(req: Request): Promise<T> => {
    const unavailable = closed ?? down;
    return unavailable ? Promise.reject(unavailable) : send<T>(req, worker);
  };

  const query = <T>(text: string, params?: unknown[], options?: QueryOptions, tx?: number) =>
    call<Results<T>>({ op: 'query', text, params, options: toWire(options), tx });
  const exec = (text: string, tx?: number) => call<Results[]>({ op: 'exec', text, tx });

  try {
    await spawn();
  } catch (err) {
    closed = err as Error;
    await worker!.terminate();
    throw err;
  }

  const client: PgliteClient = {
    query,
    exec: (text) => exec(text),
    refreshArrayTypes: () => call({ op: 'refreshArrayTypes' }),
    async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      const id = await call<number>({ op: 'begin' });
      let closed = false;
      const tx = {
        query: (text: string, params?: unknown[], options?: QueryOptions) => query(text, params, options, id),
        exec: (text: string) => exec(text, id),
        sql: () => Promise.reject(new Error('PGlite worker: tagged sql is not supported; use query')),
        async rollback() {
          closed = true;
          await call({ op: 'end', tx: id, commit: false });
        },
        get closed() {
          return closed;
        },
      } as unknown as Transaction;
      let result: T;
      try {
        result = await fn(tx);
      } catch (err) {
        if (!closed) await call({ op: 'end', tx: id, commit: false }).catch(() => {});
        throw err;
      }
      if (!closed) await call({ op: 'end', tx: id, commit: true });
      return result;
    },
    async listen(channel: string, callback: (payload: string) => void) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await call({ op: 'listen', channel });
      }
      set.add(callback);
      return async () => {
        set.delete(callback);
        if (set.size === 0 && listeners.get(channel) === set) {
          listeners.delete(channel);
          await call({ op: 'unlisten', channel }).catch(() => {});
        }
      };
    },
    async close() {
      if (closed) return;
      const wasDown = down;
      closed = new Error('The PGlite worker stopped (closed)');
      if (!wasDown) await send({ op: 'close' }, worker).catch(() => {});
      await worker.terminate();
      failPending(closed);
    },
  } as PgliteClient;
  workers.set(client, () => (closed ? null : worker));
  return client;
}
