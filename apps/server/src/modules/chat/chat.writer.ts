import type { Database, RawQuery, Tx } from '../../db/client';
import { AppError } from '../../lib/errors';
import { type ChatRepository, isDuplicateClientId, type MessageRow, type NewMessage } from './chat.repository';

export interface PreparedMessage {
  values: NewMessage;
  /**
   * Runs inside the insert's transaction (e.g. notify offline recipients). Without it the insert is a single
   * autocommit statement: one round trip instead of BEGIN, INSERT, COMMIT.
   */
  afterInsert?: (tx: Tx, row: MessageRow) => Promise<void>;
}
export interface WriteResult {
  row: MessageRow;
  duplicate: boolean;
}
interface Queued extends PreparedMessage {
  resolve: (r: WriteResult) => void;
  reject: (err: unknown) => void;
}

/** Another node inserted the same clientMessageId at the same moment, or two batches waited on each other. */
const isRetryable = (err: unknown) =>
  isDuplicateClientId(err) ||
  (err as { code?: string } | null)?.code === '40P01' ||
  (err as { cause?: { code?: string } })?.cause?.code === '40P01';
const keyOf = (m: NewMessage) => `${m.chatRoomId}\u0000${m.clientMessageId}`;

/**
 * Writes chat messages for every room on this node through one queue: messages that arrive while writes are
 * in flight go into the next statement together, whatever their room (one commit for hundreds of messages
 * under load, one statement per message when quiet); a few statements run at once (see pump). Arrival order
 * is kept, so each room's seqs follow the order its messages arrived in. A clientMessageId already stored (a retry) is skipped by the statement and
 * answered with the stored message; retries of one message within a batch share its result.
 */
export function createMessageWriter(deps: { database: Database; repo: ChatRepository; maxBatch?: number; maxInFlight?: number }) {
  const { repo, database } = deps;
  const maxBatch = deps.maxBatch ?? 500;
  const maxInFlight = deps.maxInFlight ?? 3;
  let queue: Queued[] = [];
  let inFlight = 0;
  const busyRooms = new Set<string>();
  const inTx =
    (tx: Tx): RawQuery =>
    (text, values) =>
      database.queryIn(tx, text, values) as never;

  /** Inserts `items`; when any has an afterInsert, inside one transaction that runs them. */
  async function insertAtomically(items: PreparedMessage[]): Promise<MessageRow[]> {
    const values = items.map((q) => q.values);
    if (!items.some((q) => q.afterInsert)) return repo.insertMessages(database.query, values);
    return database.db.transaction(async (tx) => {
      const rows = await repo.insertMessages(inTx(tx), values);
      const byKey = new Map(rows.map((r) => [keyOf(r), r]));
      for (const q of items) {
        const row = byKey.get(keyOf(q.values));
        if (row && q.afterInsert) await q.afterInsert(tx, row);
      }
      return rows;
    });
  }

  async function insertWithRetry(items: PreparedMessage[]): Promise<MessageRow[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await insertAtomically(items);
      } catch (err) {
        // The conflicting insert has committed by now, so the next attempt skips its id.
        if (!isRetryable(err) || attempt === 3) throw err;
      }
    }
  }

  async function writeBatch(batch: Queued[]): Promise<void> {
    // Copies of one message in the batch (a client retrying quickly) share the first one's write.
    const byKey = new Map<string, Queued[]>();
    for (const item of batch) {
      const key = keyOf(item.values);
      const same = byKey.get(key);
      if (same) same.push(item);
      else byKey.set(key, [item]);
    }
    const rows = await insertWithRetry([...byKey.values()].map((same) => same[0]!));
    const inserted = new Map(rows.map((r) => [keyOf(r), r]));
    for (const [key, [first, ...copies]] of byKey) {
      const row = inserted.get(key);
      // Not inserted: stored before (a retry), or the room vanished.
      const stored = row ?? (await repo.findByClientId(first!.values.chatRoomId, first!.values.clientMessageId));
      if (!stored) {
        const err = new AppError('CONFLICT', 'The message could not be stored; send it again');
        for (const item of [first!, ...copies]) item.reject(err);
        continue;
      }
      first!.resolve({ row: stored, duplicate: !row });
      for (const item of copies) item.resolve({ row: stored, duplicate: true });
    }
  }

  /**
   * Starts batches while fewer than `maxInFlight` are running. A batch takes queued messages in arrival
   * order, leaving out every room that has a batch in flight (and everything behind a message left out for
   * its room), so a room's messages are stored in the order they arrived and two batches of this node never
   * wait on each other's room locks.
   */
  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch: Queued[] = [];
      const rest: Queued[] = [];
      const held = new Set<string>();
      for (const q of queue) {
        const room = q.values.chatRoomId;
        if (batch.length < maxBatch && !busyRooms.has(room) && !held.has(room)) batch.push(q);
        else {
          rest.push(q);
          held.add(room);
        }
      }
      if (batch.length === 0) return;
      queue = rest;
      const rooms = new Set(batch.map((q) => q.values.chatRoomId));
      for (const room of rooms) busyRooms.add(room);
      inFlight++;
      writeBatch(batch)
        .catch((err) => {
          for (const q of batch) q.reject(err);
        })
        .finally(() => {
          inFlight--;
          for (const room of rooms) busyRooms.delete(room);
          pump();
        });
    }
  }

  return {
    write(item: PreparedMessage): Promise<WriteResult> {
      return new Promise<WriteResult>((resolve, reject) => {
        queue.push({ ...item, resolve, reject });
        pump();
      });
    },
  };
}
