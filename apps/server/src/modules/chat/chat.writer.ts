import type { Database, Tx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ChatRepository, MessageRow, NewMessage } from './chat.repository';

export interface PreparedMessage {
  values: NewMessage;
  /** Runs inside the insert's transaction (e.g. notify offline recipients). */
  afterInsert: (tx: Tx, row: MessageRow) => Promise<void>;
}
export interface WriteResult {
  row: MessageRow;
  duplicate: boolean;
}
interface Queued extends PreparedMessage {
  resolve: (r: WriteResult) => void;
  reject: (err: unknown) => void;
}

/** The clientMessageId is already stored: roll back the seq bump and return the stored message. */
class DuplicateRace extends Error {}

/**
 * Writes chat messages per room, coalescing the ones that arrive while a write for that room is in flight
 * into one transaction (one statement moves the room counter by n and inserts n rows in arrival order).
 * A clientMessageId already stored resolves as a duplicate; a race with another node's insert rolls the
 * batch back and writes its messages one by one, so seqs stay gap-free.
 */
export function createMessageWriter(deps: { database: Database; repo: ChatRepository; maxBatch?: number }) {
  const { repo } = deps;
  const queues = new Map<string, Queued[]>();
  const maxBatch = deps.maxBatch ?? 200;

  async function writeOne(item: PreparedMessage): Promise<WriteResult> {
    try {
      const row = await deps.database.db.transaction(async (tx) => {
        const inserted = await repo.insertMessage(tx, item.values);
        if (!inserted) throw new DuplicateRace();
        await item.afterInsert(tx, inserted);
        return inserted;
      });
      return { row, duplicate: false };
    } catch (err) {
      if (!(err instanceof DuplicateRace)) throw err;
      const stored = await repo.findByClientId(item.values.chatRoomId, item.values.clientMessageId);
      if (!stored) throw new AppError('CONFLICT', 'The message could not be stored; send it again');
      return { row: stored, duplicate: true };
    }
  }

  async function writeBatch(roomId: string, batch: Queued[]): Promise<void> {
    if (batch.length === 1) {
      // The common case when a room is quiet: one transaction, duplicates detected by the insert itself.
      batch[0]!.resolve(await writeOne(batch[0]!));
      return;
    }
    const primary = new Map<string, Queued>();
    const followers: { item: Queued; of: string }[] = [];
    for (const item of batch) {
      const id = item.values.clientMessageId;
      if (primary.has(id)) followers.push({ item, of: id });
      else primary.set(id, item);
    }
    const results = new Map<string, WriteResult>();
    for (const row of await repo.findManyByClientIds(roomId, [...primary.keys()])) {
      results.set(row.clientMessageId, { row, duplicate: true });
    }
    const fresh = [...primary.values()].filter((q) => !results.has(q.values.clientMessageId));
    if (fresh.length === 1) {
      results.set(fresh[0]!.values.clientMessageId, await writeOne(fresh[0]!));
    } else if (fresh.length > 1) {
      try {
        const rows = await deps.database.db.transaction(async (tx) => {
          const inserted = await repo.insertBatch(
            tx,
            roomId,
            fresh.map((q) => q.values),
          );
          if (inserted.length !== fresh.length) throw new DuplicateRace();
          const byId = new Map(inserted.map((r) => [r.clientMessageId, r]));
          for (const q of fresh) await q.afterInsert(tx, byId.get(q.values.clientMessageId)!);
          return inserted;
        });
        for (const row of rows) results.set(row.clientMessageId, { row, duplicate: false });
      } catch (err) {
        if (!(err instanceof DuplicateRace)) throw err;
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
