import type { ChatMessage } from '@localpro/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { testConfig } from '../src/config';
import { type Container, createContainer } from '../src/container';
import { createPostgres, type Database } from '../src/db/client';
import { startJobs } from '../src/jobs/registry';
import { createLogger } from '../src/lib/logger';
import { attachRealtime, type Realtime } from '../src/realtime';
import { createTestApp, type TestApp } from './app';
import { type ClientSocket, chatPair, connect, nextEvent, request } from './factories/realtime';

/**
 * Two server processes' worth of app (separate containers, HTTP servers, Socket.IO servers and Redis
 * clients) on different ports over the same PostgreSQL database and Redis: emits on one reach the other.
 */
const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const ready = Boolean(databaseUrl && redisUrl);
if (!ready) console.log('realtime-two-nodes: skipped — needs DATABASE_URL and REDIS_URL (.ci/run sets both)');

interface Node {
  url: string;
  c: Container;
  app: FastifyInstance;
  rt: Realtime;
  close(): Promise<void>;
}

async function listen(app: FastifyInstance, c: Container): Promise<{ url: string; rt: Realtime }> {
  const rt = attachRealtime(app, c);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, rt };
}

describe.runIf(ready)('two nodes over Redis', () => {
  let first: TestApp;
  let a: Node;
  let b: Node;
  let secondDb: Database;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    first = await createTestApp({ REDIS_URL: redisUrl! });
    const { url, rt } = await listen(first.app, first.c);
    a = { url, rt, c: first.c, app: first.app, close: async () => {} };
    // Node B: its own pool, container and server on the same database (found by name) and the same Redis.
    const { rows } = await first.database.query<{ name: string }>('select current_database() as name');
    const dbUrl = new URL(databaseUrl!);
    dbUrl.pathname = `/${rows[0]!.name}`;
    secondDb = createPostgres(dbUrl.toString(), 5);
    const config = testConfig({
      LOG_LEVEL: 'silent',
      ROLES: 'api,realtime',
      REDIS_URL: redisUrl!,
      DATABASE_URL: dbUrl.toString(),
    });
    const c = createContainer({ config, database: secondDb, logger: createLogger('silent') });
    await startJobs(c);
    const app = await buildApp(c);
    await app.ready();
    const listened = await listen(app, c);
    b = { ...listened, c, app, close: async () => {} };
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await b?.rt.close();
    await b?.app.close();
    await b?.c.close();
    await secondDb?.close();
    await a?.rt.close();
    await first?.close();
  });

  const open = async (url: string, token: string) => {
    const s = await connect(url, token);
    sockets.push(s);
    return s;
  };

  it('carries messages, typing, read receipts, booking updates and notifications between nodes', async () => {
    expect(a.url).not.toBe(b.url);
    const pair = await chatPair(first, { customerLanguage: 'en', providerLanguage: 'hi' });
    const onA = await open(a.url, pair.customer.token);
    const onB = await open(b.url, pair.provider.token);
    expect((await request(onA, 'room:join', { roomId: pair.roomId })).ok).toBe(true);
    expect((await request(onB, 'room:join', { roomId: pair.roomId })).ok).toBe(true);

    const typing = nextEvent(onB, 'typing');
    await request(onA, 'typing:start', { roomId: pair.roomId });
    expect(await typing).toMatchObject({ roomId: pair.roomId, userId: pair.customer.id, typing: true });

    const message = nextEvent(onB, 'message:created');
    const ack = await request<{ message: ChatMessage }>(onA, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'two-node-1',
      type: 'TEXT',
      content: 'I can come in 30 minutes',
    });
    expect(ack.ok).toBe(true);
    expect(await message).toMatchObject({ clientMessageId: 'two-node-1', content: 'मैं 30 मिनट में आ सकता हूं', translated: true });

    const receipt = nextEvent(onA, 'message:read');
    expect(await request(onB, 'message:read', { roomId: pair.roomId, upToSeq: 1 })).toMatchObject({ ok: true, updated: 1 });
    expect(await receipt).toMatchObject({ roomId: pair.roomId, readerId: pair.provider.id, upToSeq: 1 });

    const booking = nextEvent(onB, 'booking:updated');
    a.c.events.emit('booking.updated', {
      bookingId: '00000000-0000-4000-8000-0000000000b2',
      status: 'CONFIRMED',
      customerUserId: pair.customer.id,
      providerUserId: pair.provider.id,
      booking: { bookingNumber: 'LP-TWO' },
    });
    expect(await booking).toMatchObject({ status: 'CONFIRMED', booking: { bookingNumber: 'LP-TWO' } });

    // The provider is connected (to B), so A sees them online through Redis: no "new message" notification.
    expect(await a.c.presence.isOnline(pair.provider.id)).toBe(true);
    const { rows } = await first.database.query<{ n: number }>(
      "select count(*)::int as n from notifications where user_id = $1 and type = 'CHAT_MESSAGE'",
      [pair.provider.id],
    );
    expect(rows[0]!.n).toBe(0);

    const live = nextEvent(onB, 'notification:created');
    await a.c.db.transaction((tx) =>
      a.c.notifier.notify(tx, { userId: pair.provider.id, type: 'REVIEW_RECEIVED', data: { rating: 5, customerName: 'Asha' } }),
    );
    await a.c.jobs.drain!();
    expect(await live).toMatchObject({ type: 'REVIEW_RECEIVED', title: 'नई समीक्षा' });
  });

  it('signing out through one node ends that session on the other node at once', async () => {
    const pair = await chatPair(first);
    const onB = await open(b.url, pair.customer.token);
    expect((await request(onB, 'room:join', { roomId: pair.roomId })).ok).toBe(true); // checked: a pass is remembered
    const ended = nextEvent(onB, 'session:ended');
    const disconnected = new Promise((r) => onB.once('disconnect', r));
    const res = await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: pair.customer.headers, payload: {} });
    expect(res.statusCode).toBe(204);
    expect((await ended).code).toBe('SESSION_REVOKED');
    await disconnected;
  });
});
