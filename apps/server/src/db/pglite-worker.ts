/**
 * The embedded database's own thread: it owns the PGlite instance and answers the requests of
 * pglite-remote.ts. PGlite runs PostgreSQL as WebAssembly on the thread that calls it; here, that is not the
 * thread serving HTTP, so a query no longer stalls every request, and PGlite's heap and garbage collection
 * live in this isolate instead of the server's (see bench/results/health.md).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite';
import { createPglite } from './pglite';
import { type Reply, type Request, serializeError, type WireQueryOptions } from './pglite-wire';

const port = parentPort;
if (!port) throw new Error('pglite-worker runs as a worker thread');

const ready: Promise<PGlite> = createPglite((workerData as { dataDir?: string }).dataDir);
// An open failure is answered to every request (the first one is the client's start-up check).
ready.catch(() => {});

/** Open transactions: the PGlite handle and how to end it (commit or roll back). */
const transactions = new Map<number, { tx: Transaction; end: (commit: boolean) => void; done: Promise<void> }>();
let nextTransaction = 1;
const subscriptions = new Map<string, () => Promise<void>>();
const ROLLBACK = Symbol('rollback');

const identity = (value: unknown) => value;
function queryOptions(wire: WireQueryOptions | undefined): QueryOptions | undefined {
  if (!wire) return undefined;
  const options: QueryOptions = {};
  if (wire.rowMode) options.rowMode = wire.rowMode;
  if (wire.identityTypes?.length) options.parsers = Object.fromEntries(wire.identityTypes.map((oid) => [oid, identity]));
  return options;
}

function runnerFor(db: PGlite, txId: number | undefined): Pick<Transaction, 'query' | 'exec'> {
  if (txId === undefined) return db;
  const open = transactions.get(txId);
  if (!open) throw new Error('The transaction has already ended');
  return open.tx;
}

async function begin(db: PGlite): Promise<number> {
  const id = nextTransaction++;
  let opened!: () => void;
  const isOpen = new Promise<void>((resolve) => {
    opened = resolve;
  });
  let end!: (commit: boolean) => void;
  const ended = new Promise<boolean>((resolve) => {
    end = resolve;
  });
  const done: Promise<void> = db
    .transaction(async (tx) => {
      // Runs after PGlite's BEGIN, so `done` is assigned by now.
      transactions.set(id, { tx, end, done });
      opened();
      if (!(await ended)) throw ROLLBACK;
    })
    .catch((err) => {
      if (err !== ROLLBACK) throw err;
    })
    .finally(() => transactions.delete(id));
  await Promise.race([isOpen, done]);
  if (!transactions.has(id)) throw new Error('The transaction could not begin');
  return id;
}

async function handle(db: PGlite, req: Request): Promise<unknown> {
  switch (req.op) {
    case 'ready':
      return null;
    case 'query':
      return runnerFor(db, req.tx).query(req.text, req.params, queryOptions(req.options));
    case 'exec':
      return runnerFor(db, req.tx).exec(req.text);
    case 'begin':
      return begin(db);
    case 'end': {
      const open = transactions.get(req.tx);
      if (!open) throw new Error('The transaction has already ended');
      open.end(req.commit);
      await open.done;
      return null;
    }
    case 'listen': {
      if (!subscriptions.has(req.channel)) {
        const channel = req.channel;
        subscriptions.set(channel, await db.listen(channel, (payload) => port?.postMessage({ notify: channel, payload })));
      }
      return null;
    }
    case 'unlisten': {
      const unsubscribe = subscriptions.get(req.channel);
      subscriptions.delete(req.channel);
      await unsubscribe?.();
      return null;
    }
    case 'refreshArrayTypes':
      await db.refreshArrayTypes();
      return null;
    case 'close':
      await db.close();
      return null;
  }
}

port.on('message', async (msg: { id: number } & Request) => {
  let reply: Reply;
  try {
    reply = { id: msg.id, ok: true, result: await handle(await ready, msg) };
  } catch (err) {
    reply = { id: msg.id, ok: false, error: serializeError(err) };
  }
  port.postMessage(reply);
});
