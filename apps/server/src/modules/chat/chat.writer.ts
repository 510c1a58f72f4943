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

/**
 * Writes chat messages per room, coalescing the ones that arrive while a write for that room is in flight
 * into one statement (the room counter moves by n and n rows are inserted in arrival order). The insert
 * itself detects a clientMessageId that is already stored: the statement fails as a whole (its counter bump
 * included), so seqs stay gap-free and no lookup precedes the common, fresh message. A batch that hits a
 * stored id (a retry, or another node's insert) is written again one message at a time.
 */
export function createMessageWriter(deps: { database: Database; repo: ChatRepository; maxBatch?: number }) {
  const { repo, database } = deps;
  const queues = new Map<string, Queued[]>();
  const maxBatch = deps.maxBatch ?? 200;
  const inTx =
    (tx: Tx): RawQuery =>
    (text, values) =>
      database.queryIn(tx, text, values) as never;

  /** Inserts with `insert(run)`; when any item has an afterInsert, inside one transaction that runs them. */
  async function insertAtomically(
    items: PreparedMessage[],
    insert: (run: RawQuery) => Promise<MessageRow[]>,
  ): Promise<MessageRow[]> {
    if (!items.some((q) => q.afterInsert)) return insert(database.query);
    return database.db.transaction(async (tx) => {
      const rows = await insert(inTx(tx));
      const byId = new Map(rows.map((r) => [r.clientMessageId, r]));
      for (const q of items) {
        const row = byId.get(q.values.clientMessageId);
        if (row && q.afterInsert) await q.afterInsert(tx, row);
      }
      return rows;
    });
  }

  async function writeOne(item: PreparedMessage): Promise<WriteResult> {
    try {
      const [row] = await insertAtomically([item], async (run) => {
        const inserted = await repo.insertMessage(run, item.values);
        return inserted ? [inserted] : [];
      });
      if (row) return { row, duplicate: false };
    } catch (err) {
      if (!isDuplicateClientId(err)) throw err;
    }
    // Stored before (a retry), or nothing was written (the room vanished): return what is stored.
    const stored = await repo.findByClientId(item.values.chatRoomId, item.values.clientMessageId);
    if (!stored) throw new AppError('CONFLICT', 'The message could not be stored; send it again');
    return { row: stored, duplicate: true };
  }

  async function writeBatch(roomId: string, batch: Queued[]): Promise<void> {
    // Retries of one message within the batch share its result.
    const primary = new Map<string, Queued>();
    const followers: { item: Queued; of: string }[] = [];
    for (const item of batch) {
      const id = item.values.clientMessageId;
      if (primary.has(id)) followers.push({ item, of: id });
      else primary.set(id, item);
    }
    const fresh = [...primary.values()];
    const results = new Map<string, WriteResult>();
    if (fresh.length === 1) {
      results.set(fresh[0]!.values.clientMessageId, await writeOne(fresh[0]!));
    } else {
      let rows: MessageRow[] | null = null;
      try {
        rows = await insertAtomically(fresh, (run) =>
          repo.insertBatch(
            run,
            roomId,
            fresh.map((q) => q.values),
          ),
        );
      } catch (err) {
        if (!isDuplicateClientId(err)) throw err;
      }
      if (rows && rows.length === fresh.length) {
        for (const row of rows) results.set(row.clientMessageId, { row, duplicate: false });
      } else {
        // Some id was stored already: nothing of the batch was written; one at a time, in arrival order.
        for (const q of fresh) results.set(q.values.clientMessageId, await writeOne(q));
      }
    }
    for (const [id, q] of primary) q.resolve(results.get(id)!);
    for (const f of followers) f.item.resolve({ row: results.get(f.of)!.row, duplicate: true });
  }

  async function drain(roomId: string): Promise<void> {
    for (;;) {
      const queue = queues.get(roomId);
      if (!queue || queue.length === 0) {
        queues.delete(roomId);
        return;
      }
      const batch = queue.splice(0, maxBatch);
      try {
        await writeBatch(roomId, batch);
      } catch (err) {
        for (const q of batch) q.reject(err);
      }
    }
  }

  return {
    write(item: PreparedMessage): Promise<WriteResult> {
      const roomId = item.values.chatRoomId;
      return new Promise<WriteResult>((resolve, reject) => {
        const queue = queues.get(roomId);
        if (queue) {
          queue.push({ ...item, resolve, reject });
          return;
        }
        queues.set(roomId, [{ ...item, resolve, reject }]);
        void drain(roomId);
      });
    },
  };
}
