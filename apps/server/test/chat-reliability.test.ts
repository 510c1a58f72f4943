import type { ChatMessage } from '@localpro/contracts';
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientSocket, chatPair, type RealtimeTestApp, request, startRealtimeApp } from './factories/realtime';

/**
 * At-least-once delivery with dedupe under forced disconnects. 10,000 messages on PostgreSQL; on PGlite
 * (single-connection, in-process) 1,000 to keep the file well under a minute.
 */
const TOTAL = process.env.DATABASE_URL ? 10_000 : 1_000;
const BATCH = 100;

let t: RealtimeTestApp;
beforeAll(async () => {
  t = await startRealtimeApp({ CHAT_MESSAGES_PER_MINUTE: '1000000', CHAT_EVENTS_PER_MINUTE: '1000000' });
});
afterAll(() => t.close());

function reconnectingClient(token: string): ClientSocket {
  return ioClient(t.url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token },
    forceNew: true,
    reconnectionDelay: 20,
    reconnectionDelayMax: 100,
  });
}
const connected = (s: ClientSocket) => (s.connected ? Promise.resolve() : new Promise<void>((r) => s.once('connect', () => r())));

/** Emits one message; resolves true on ack, false if the socket dropped first (the client will resend). */
function sendOnce(s: ClientSocket, roomId: string, i: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onDrop = () => resolve(false);
    s.once('disconnect', onDrop);
    (s.emit as (e: string, p: unknown, ack: (r: { ok: boolean }) => void) => void)(
      'message:send',
      { roomId, clientMessageId: `m-${i}`, type: 'TEXT', content: `message ${i}` },
      (res) => {
        s.off('disconnect', onDrop);
        resolve(res.ok);
      },
    );
  });
}

describe('chat delivery under forced disconnects', () => {
  it(`stores and delivers ${TOTAL} messages across reconnects: 0 lost, 0 duplicated, gap-free seq`, {
    timeout: 180_000,
  }, async () => {
    const pair = await chatPair(t);
    const sender = reconnectingClient(pair.customer.token);
    const receiver = reconnectingClient(pair.provider.token);
    await Promise.all([connected(sender), connected(receiver)]);
    // Both apps (re)join the room on every (re)connect, as the mobile and web clients do.
    for (const s of [sender, receiver]) {
      const join = () => void request(s, 'room:join', { roomId: pair.roomId }).catch(() => {});
      s.on('connect', join);
      join();
    }

    const live = new Map<string, ChatMessage>();
    let liveDuplicates = 0;
    receiver.on('message:created', (m) => {
      if (live.has(m.id)) liveDuplicates++;
      live.set(m.id, m);
    });

    let drops = 0;
    let resent = 0;
    for (let start = 0; start < TOTAL; start += BATCH) {
      let todo = Array.from({ length: Math.min(BATCH, TOTAL - start) }, (_, k) => start + k);
      let attempt = 0;
      while (todo.length) {
        await connected(sender);
        const results = todo.map((i) => sendOnce(sender, pair.roomId, i));
        // Every 5th batch the sender's connection is cut mid-batch; every 7th the receiver's.
        if (attempt === 0 && (start / BATCH) % 5 === 2) {
          setImmediate(() => sender.io.engine.close());
          drops++;
        }
        if (attempt === 0 && (start / BATCH) % 7 === 3) {
          setImmediate(() => receiver.io.engine.close());
          drops++;
        }
        const ok = await Promise.all(results);
        const failed = todo.filter((_, k) => !ok[k]);
        resent += failed.length;
        todo = failed;
        attempt++;
      }
    }

    // The receiver catches up by seq after its reconnects, as the app does.
    const all = new Map<number, ChatMessage>();
    for (const m of live.values()) all.set(m.seq, m);
    let afterSeq = 0;
    for (;;) {
      const page = await t.app.inject({
        method: 'GET',
        url: `/api/chat/rooms/${pair.roomId}/messages?afterSeq=${afterSeq}&limit=500`,
        headers: pair.provider.headers,
      });
      const items = page.json().items as ChatMessage[];
      if (items.length === 0) break;
      for (const m of items) all.set(m.seq, m);
      afterSeq = items.at(-1)!.seq;
    }
    sender.close();
    receiver.close();

    expect(drops).toBeGreaterThan(0);
    expect(resent).toBeGreaterThan(0);
    const seqs = [...all.keys()].sort((a, b) => a - b);
    expect(seqs).toHaveLength(TOTAL);
    expect(seqs[0]).toBe(1);
    expect(seqs.at(-1)).toBe(TOTAL);
    const clientIds = new Set([...all.values()].map((m) => m.clientMessageId));
    expect(clientIds.size).toBe(TOTAL);
    for (let i = 0; i < TOTAL; i++) expect(clientIds.has(`m-${i}`)).toBe(true);
    expect(liveDuplicates).toBe(0);
    const { rows } = await t.c.database.query<{ n: number; distinct_ids: number; max_seq: number }>(
      'select count(*)::int as n, count(distinct client_message_id)::int as distinct_ids, max(seq) as max_seq from messages where chat_room_id = $1',
      [pair.roomId],
    );
    expect(rows[0]).toEqual({ n: TOTAL, distinct_ids: TOTAL, max_seq: TOTAL });
  });

  it('assigns seq in send order for one sender sending one at a time', async () => {
    const pair = await chatPair(t);
    const s = reconnectingClient(pair.customer.token);
    await connected(s);
    const seqs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await request<{ message: ChatMessage }>(s, 'message:send', {
        roomId: pair.roomId,
        clientMessageId: `o-${i}`,
        type: 'TEXT',
        content: `${i}`,
      });
      if (r.ok) seqs.push(r.message.seq);
    }
    s.close();
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
