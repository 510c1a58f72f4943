import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import { deserializeError, type Reply, type Request, type WireQueryOptions } from './pglite-wire';

/** What the server uses of a PGlite instance: drizzle's driver, pg-boss's adapter and our raw queries. */
export type PgliteClient = Pick<PGlite, 'query' | 'exec' | 'transaction' | 'listen' | 'close'>;

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

/**
 * PGlite in a worker thread (pglite-worker.ts), with the PGlite calls the server makes: the embedded
 * database's queries, WebAssembly execution and garbage collection happen off the thread that serves HTTP.
 * Each call is one message each way; transactions hold PGlite's transaction lock in the worker exactly as
 * they do in-process (other statements wait until they end).
 */
export async function startPgliteWorker(dataDir?: string): Promise<PgliteClient> {
  const worker = new Worker(new URL('./pglite-worker-entry.mjs', import.meta.url), { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let nextId = 1;
  let stopped: Error | null = null;

  const stop = (err: Error) => {
    stopped ??= err;
    for (const p of pending.values()) p.reject(stopped);
    pending.clear();
  };
  worker.on('message', (msg: Reply | { notify: string; payload: string }) => {
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
  worker.on('error', (err) => stop(err));
  worker.on('exit', (code) => stop(new Error(`The PGlite worker stopped (exit code ${code})`)));

  const call = <T>(req: Request): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, ...req });
    });
  };

  const query = <T>(text: string, params?: unknown[], options?: QueryOptions, tx?: number) =>
    call<Results<T>>({ op: 'query', text, params, options: toWire(options), tx });
  const exec = (text: string, tx?: number) => call<Results[]>({ op: 'exec', text, tx });

  await call({ op: 'ready' }).catch(async (err) => {
    await worker.terminate();
    throw err;
  });

  const client: PgliteClient = {
    query,
    exec: (text) => exec(text),
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
      if (stopped) return;
      await call({ op: 'close' }).catch(() => {});
      await worker.terminate();
    },
  } as PgliteClient;
  return client;
}
