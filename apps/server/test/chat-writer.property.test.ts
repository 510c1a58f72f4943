import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, pgliteExtensions, type RawQuery, wrapPglite } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { createChatRepository, type NewMessage } from '../src/modules/chat/chat.repository';
import { createMessageWriter, type WriteResult } from '../src/modules/chat/chat.writer';
import { createTestDatabase } from './database';

/**
 * The chat writer stores every node's messages through one queue, many rooms per statement. Whatever the
 * interleaving of rooms, retries and concurrent writers: each room's seqs are 1..n with no gap, in the order
 * its messages first arrived, every clientMessageId is stored once, and a retry gets the stored message.
 */
let database: Database;
let userId: string;
let providerId: string;
let made = 0;

async function insertId(sql: string, values: unknown[]): Promise<string> {
  return (await database.query<{ id: string }>(sql, values)).rows[0]!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  userId = await insertId(
    `insert into users (role, phone, name) values ('PROVIDER', '+918555000001', 'Writer test') returning id`,
    [],
  );
  providerId = await insertId('insert into provider_profiles (user_id) values ($1) returning id', [userId]);
});
afterAll(() => database.close());

/** `n` fresh rooms (a new customer each, with the same provider). */
async function rooms(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const phone = `+918556${String(made++).padStart(6, '0')}`;
    const user = await insertId(`insert into users (role, phone, name) values ('CUSTOMER', $1, 'Writer test') returning id`, [
      phone,
    ]);
    const customerId = await insertId('insert into customer_profiles (user_id) values ($1) returning id', [user]);
    ids.push(
      await insertId('insert into chat_rooms (customer_id, provider_id) values ($1, $2) returning id', [customerId, providerId]),
    );
  }
  return ids;
}

const message = (roomId: string, clientMessageId: string): NewMessage => ({
  chatRoomId: roomId,
  clientMessageId,
  senderId: userId,
  type: 'TEXT',
  content: clientMessageId,
  originalContent: clientMessageId,
  detectedLanguage: 'en',
  translations: {},
  mediaUrl: null,
  location: null,
});

async function stored(roomIds: string[]) {
  const { rows } = await database.query<{ chat_room_id: string; seq: number; client_message_id: string; last_seq: number }>(
    `select m.chat_room_id, m.seq, m.client_message_id, r.last_seq from messages m join chat_rooms r on r.id = m.chat_room_id
     where m.chat_room_id = any($1::uuid[]) order by m.chat_room_id, m.seq`,
    [roomIds],
  );
  const byRoom = new Map<string, { seqs: number[]; ids: string[]; lastSeq: number }>();
  for (const r of rows) {
    const e = byRoom.get(r.chat_room_id) ?? { seqs: [], ids: [], lastSeq: Number(r.last_seq) };
    e.seqs.push(Number(r.seq));
    e.ids.push(r.client_message_id);
    byRoom.set(r.chat_room_id, e);
  }
  return byRoom;
}

describe('chat writer', () => {
  it('keeps per-room seqs gap-free in arrival order, and answers retries with the stored message, for any interleaving', async () => {
    const writer = createMessageWriter({ database, repo: createChatRepository(database.db), maxBatch: 7 });
    await fc.assert(
      fc.asyncProperty(
        // Bursts of sends (each burst issued at once, bursts one after another): [room index, message number].
        fc.array(fc.array(fc.tuple(fc.nat(3), fc.nat(9)), { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 4 }),
        async (bursts) => {
          const roomIds = await rooms(4);
          const firstSeen: string[][] = roomIds.map(() => []);
          const results: { room: number; id: string; first: boolean; r: WriteResult }[] = [];
          for (const burst of bursts) {
            const pending = burst.map(async ([room, n]) => {
              const id = `m${n}`;
              const first = !firstSeen[room]!.includes(id);
              if (first) firstSeen[room]!.push(id);
              const r = await writer.write({ values: message(roomIds[room]!, id) });
              results.push({ room, id, first, r });
            });
            await Promise.all(pending);
          }
          const byRoom = await stored(roomIds);
          roomIds.forEach((roomId, i) => {
            const got = byRoom.get(roomId) ?? { seqs: [], ids: [], lastSeq: 0 };
            expect(got.ids).toEqual(firstSeen[i]);
            expect(got.seqs).toEqual(firstSeen[i]!.map((_, k) => k + 1));
            expect(got.lastSeq).toBe(firstSeen[i]!.length);
          });
          for (const { room, id, first, r } of results) {
            expect(r.row.chatRoomId).toBe(roomIds[room]);
            expect(r.row.clientMessageId).toBe(id);
            expect(r.row.seq).toBe(firstSeen[room]!.indexOf(id) + 1);
            expect(r.duplicate).toBe(!first);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('stores a burst of 200 messages for 20 rooms in a few statements, not one per message', async () => {
    let statements = 0;
    const counting: Database = {
      ...database,
      query: ((text: string, values?: unknown[]) => {
        statements++;
        return database.query(text, values);
      }) as Database['query'],
    };
    const writer = createMessageWriter({ database: counting, repo: createChatRepository(database.db) });
    const roomIds = await rooms(20);
    const writes = roomIds.flatMap((roomId) =>
      Array.from({ length: 10 }, (_, i) => writer.write({ values: message(roomId, `b${i}`) })),
    );
    const results = await Promise.all(writes);
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(statements).toBeLessThanOrEqual(8); // the first few go alone while nothing is in flight, then the rest together
    for (const got of (await stored(roomIds)).values()) expect(got.seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('two nodes writing to the same rooms at once: every message stored once, seqs gap-free, no deadlock', async () => {
    const a = createMessageWriter({ database, repo: createChatRepository(database.db), maxBatch: 50 });
    const b = createMessageWriter({ database, repo: createChatRepository(database.db), maxBatch: 50 });
    const roomIds = await rooms(12);
    // Node b sees the rooms in reverse order, so its batches name them in the opposite order to a's.
    const writes = Array.from({ length: 30 }, (_, i) => [
      ...roomIds.map((roomId) => a.write({ values: message(roomId, `a${i}`) })),
      ...[...roomIds].reverse().map((roomId) => b.write({ values: message(roomId, `b${i}`) })),
      // The same message reaching both nodes (a client retrying through the other node).
      a.write({ values: message(roomIds[i % 12]!, `both${i}`) }),
      b.write({ values: message(roomIds[i % 12]!, `both${i}`) }),
    ]).flat();
    const results = await Promise.all(writes);
    const byRoom = await stored(roomIds);
    let total = 0;
    for (const got of byRoom.values()) {
      expect(got.seqs).toEqual(got.seqs.map((_, k) => k + 1));
      expect(new Set(got.ids).size).toBe(got.ids.length);
      expect(got.lastSeq).toBe(got.seqs.length);
      total += got.ids.length;
    }
    expect(total).toBe(30 * 12 * 2 + 30);
    // Of each message sent to both nodes, exactly one write stored it; the other got the stored row.
    const both = results.filter((r) => r.row.clientMessageId.startsWith('both'));
    expect(both.filter((r) => !r.duplicate)).toHaveLength(30);
  });

  it('stores any text, translation and location exactly as sent (quotes, backslashes, braces, "NULL", Hindi, emoji)', async () => {
    const repo = createChatRepository(database.db);
    const [roomId] = await rooms(1);
    const texts = ['say "hi"', 'C:\\path\\', '{a,b}', 'NULL', '', 'नमस्ते 🙏, कल 5 बजे?', "it's"];
    const batch: NewMessage[] = texts.map((text, i) => ({
      ...message(roomId!, `t${i}`),
      content: text,
      originalContent: text,
      translations: { hi: { text: `${text} "अनुवाद"`, translated: i % 2 === 0 } },
      location: i === 0 ? { lat: 26.8467, lng: 80.9462 } : null,
    }));
    batch.push({ ...message(roomId!, 'img'), type: 'IMAGE', content: null, originalContent: null, translations: {} });
    await repo.insertMessages(database.query, batch);
    const back = await repo.listMessages(roomId!, { limit: 50 });
    expect(back.map((m) => [m.clientMessageId, m.content, m.originalContent, m.translations, m.location, m.type])).toEqual(
      batch.map((m) => [m.clientMessageId, m.content, m.originalContent, m.translations, m.location, m.type]),
    );
  });

  it('a message or two sent while chat is quiet probe the indexes instead of reading the whole messages table', async () => {
    const repo = createChatRepository(database.db);
    const [busy, quiet, other] = await rooms(3);
    await database.query(
      `insert into messages (chat_room_id, seq, client_message_id, sender_id, type, content)
       select $1, g, 'old' || g, $2, 'TEXT', 'earlier message ' || g from generate_series(1, 5000) g`,
      [busy, userId],
    );
    await database.query('analyze messages');
    const plans: string[] = [];
    const explain: RawQuery = async (text, values) => {
      const { rows } = await database.query<Record<string, unknown>>(`explain (format json) ${text}`, values);
      plans.push(JSON.stringify(rows[0]));
      return { rows: [] } as never;
    };
    await repo.insertMessages(explain, [message(quiet!, 'alone')]);
    await repo.insertMessages(explain, [message(quiet!, 'pair-1'), message(other!, 'pair-2')]);
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      expect(plan).toContain('"Relation Name":"messages"'); // the insert itself
      expect(plan).not.toMatch(/"Node Type":"Seq Scan"[^}]*"Relation Name":"messages"/);
    }
  });

  it('stores a batch on an embedded database migrated in the same process (new enum types included)', async () => {
    // PGlite serialises array parameters only of the types it knew when it opened; the test databases are
    // copies of a migrated template, so only a database created and migrated here shows what a first start does.
    const fresh = wrapPglite(await PGlite.create({ extensions: pgliteExtensions }));
    try {
      await runMigrations(fresh);
      // runMigrations refreshes PGlite's array types, so enum arrays work as parameters straight away too.
      const types = await fresh.query<{ n: number }>('select array_length($1::message_type[], 1) as n', [['TEXT', 'IMAGE']]);
      expect(types.rows[0]).toEqual({ n: 2 });
      const { rows } = await fresh.query<{ cu: string; u: string; pr: string }>(
        `with u as (insert into users (role, phone, name) values ('CUSTOMER', '+918557000001', 'Fresh') returning id),
              p as (insert into users (role, phone, name) values ('PROVIDER', '+918557000002', 'Fresh pro') returning id),
              cu as (insert into customer_profiles (user_id) select id from u returning id),
              pr as (insert into provider_profiles (user_id) select id from p returning id)
         select cu.id as cu, u.id as u, pr.id as pr from cu, u, pr`,
      );
      const room = await fresh.query<{ id: string }>(
        'insert into chat_rooms (customer_id, provider_id) values ($1, $2) returning id',
        [rows[0]!.cu, rows[0]!.pr],
      );
      const roomId = room.rows[0]!.id;
      const sent = (id: string): NewMessage => ({ ...message(roomId, id), senderId: rows[0]!.u });
      const stored = await createChatRepository(fresh.db).insertMessages(fresh.query, [sent('f1'), sent('f2')]);
      expect(stored.map((m) => [m.clientMessageId, m.seq, m.type])).toEqual([
        ['f1', 1, 'TEXT'],
        ['f2', 2, 'TEXT'],
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('a message for a room that no longer exists fails alone; the rest of its batch is stored', async () => {
    const writer = createMessageWriter({ database, repo: createChatRepository(database.db) });
    const [kept, gone] = await rooms(2);
    await database.query('delete from chat_rooms where id = $1', [gone]);
    const [ok, lost] = await Promise.allSettled([
      writer.write({ values: message(kept!, 'x1') }),
      writer.write({ values: message(gone!, 'x2') }),
    ]);
    expect(ok.status).toBe('fulfilled');
    expect(lost.status === 'rejected' && (lost.reason as { code: string }).code).toBe('CONFLICT');
    expect((await stored([kept!])).get(kept!)?.ids).toEqual(['x1']);
  });
});
