import type { ChatMessage } from '@localpro/contracts';
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../src/modules/auth/auth.tables';
import { devOutbox, notifications } from '../src/modules/notifications/notifications.tables';
import { createUser } from './factories/index';
import { multipartBody, pngImage } from './factories/onboarding';
import {
  type ClientSocket,
  chatPair,
  connect,
  nextEvent,
  type RealtimeTestApp,
  request,
  startRealtimeApp,
} from './factories/realtime';
import { createBookingRow } from './factories/reviews';

let t: RealtimeTestApp;
const sockets: ClientSocket[] = [];
const open = async (token: string) => {
  const s = await connect(t.url, token);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  t = await startRealtimeApp({
    CHAT_MESSAGES_PER_MINUTE: '200',
    CHAT_EVENTS_PER_MINUTE: '1000',
    SOCKET_SESSION_RECHECK_SEC: '1',
  });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

describe('chat rooms (REST)', () => {
  it('returns the same room for the same customer–provider pair and lists it with unread count', async () => {
    const pair = await chatPair(t);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/chat/rooms',
      headers: pair.customer.headers,
      payload: { providerId: pair.providerId },
    });
    expect(again.json().id).toBe(pair.roomId);

    const c = await open(pair.customer.token);
    const sent = await request<{ message: ChatMessage }>(c, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'r1',
      type: 'TEXT',
      content: 'Hello',
    });
    expect(sent.ok).toBe(true);

    const list = await t.app.inject({ method: 'GET', url: '/api/chat/rooms', headers: pair.provider.headers });
    expect(list.statusCode).toBe(200);
    const room = list.json().items.find((r: { id: string }) => r.id === pair.roomId);
    expect(room.unreadCount).toBe(1);
    expect(room.lastMessage.originalContent).toBe('Hello');
    expect(room.counterpart.userId).toBe(pair.customer.id);
    // The provider reads Hindi: "Hello" is a known phrase.
    expect(room.lastMessage.content).toBe('नमस्ते');
  });

  it('refuses providers creating rooms, unknown fields and strangers reading messages', async () => {
    const pair = await chatPair(t);
    const asProvider = await t.app.inject({
      method: 'POST',
      url: '/api/chat/rooms',
      headers: pair.provider.headers,
      payload: { providerId: pair.providerId },
    });
    expect(asProvider.statusCode).toBe(403);
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/chat/rooms',
      headers: pair.customer.headers,
      payload: { providerId: pair.providerId, hack: 1 },
    });
    expect(extra.statusCode).toBe(400);
    const stranger = await createUser(t.c, { role: 'CUSTOMER' });
    const read = await t.app.inject({ method: 'GET', url: `/api/chat/rooms/${pair.roomId}/messages`, headers: stranger.headers });
    expect(read.statusCode).toBe(404);
    expect(read.json().error.code).toBe('NOT_FOUND');
    const admin = await createUser(t.c, { role: 'ADMIN' });
    // Admins read a chat only for a dispute of the pair (disputes-chat.test.ts covers the window).
    const asAdmin = await t.app.inject({ method: 'GET', url: `/api/chat/rooms/${pair.roomId}/messages`, headers: admin.headers });
    expect(asAdmin.statusCode).toBe(403);
    expect(asAdmin.json().error.code).toBe('ADMIN_CHAT_NO_DISPUTE');
    const adminNo2fa = await createUser(t.c, { role: 'ADMIN', secondFactor: false });
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/chat/rooms/${pair.roomId}/messages`,
      headers: adminNo2fa.headers,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('lets a provider open the room of their own booking, nobody else’s', async () => {
    const pair = await chatPair(t);
    const booking = await createBookingRow(t.c, {
      customerId: pair.customer.customerId!,
      providerId: pair.providerId,
      category: pair.category,
      status: 'PENDING',
    });
    const open = (headers: Record<string, string>, providerId: string) =>
      t.app.inject({ method: 'POST', url: '/api/chat/rooms', headers, payload: { providerId, bookingId: booking.id } });
    const mine = await open(pair.provider.headers, pair.providerId);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ id: pair.roomId, bookingId: booking.id, counterpart: { userId: pair.customer.id } });
    const other = await chatPair(t);
    expect((await open(other.provider.headers, other.providerId)).statusCode).toBe(404);
    expect((await open(other.provider.headers, pair.providerId)).statusCode).toBe(404);
  });

  it('pages messages by seq with afterSeq and beforeSeq', async () => {
    const pair = await chatPair(t);
    const c = await open(pair.customer.token);
    for (let i = 1; i <= 5; i++) {
      await request(c, 'message:send', { roomId: pair.roomId, clientMessageId: `p${i}`, type: 'TEXT', content: `m${i}` });
    }
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/chat/rooms/${pair.roomId}/messages?afterSeq=2&limit=2`,
      headers: pair.provider.headers,
    });
    expect(after.json().items.map((m: ChatMessage) => m.seq)).toEqual([3, 4]);
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/chat/rooms/${pair.roomId}/messages?beforeSeq=3`,
      headers: pair.provider.headers,
    });
    expect(before.json().items.map((m: ChatMessage) => m.originalContent)).toEqual(['m1', 'm2']);
    expect(after.json().lastSeq).toBe(5);
  });
});

describe('socket handshake and sessions', () => {
  it('refuses a missing, invalid or revoked token with the standard error in connect_error', async () => {
    const noToken = await connect(t.url, '').catch((e: Error & { data?: { code: string } }) => e);
    expect((noToken as { data?: { code: string } }).data?.code).toBe('UNAUTHENTICATED');
    const bad = await connect(t.url, 'not-a-jwt').catch((e: Error & { data?: { code: string } }) => e);
    expect((bad as { data?: { code: string } }).data?.code).toBe('TOKEN_INVALID');
    const user = await createUser(t.c);
    await t.c.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, user.sessionId));
    const revoked = await connect(t.url, user.token).catch((e: Error & { data?: { code: string } }) => e);
    expect((revoked as { data?: { code: string; message: string } }).data).toMatchObject({ code: 'SESSION_REVOKED' });
  });

  it('signing out over HTTP ends the live socket of that session at once, though it passed a check a moment ago', async () => {
    const pair = await chatPair(t);
    const c = await open(pair.customer.token);
    const other = await open(pair.provider.token);
    expect((await request(c, 'room:join', { roomId: pair.roomId })).ok).toBe(true);
    const ended = nextEvent(c, 'session:ended');
    const disconnected = new Promise((r) => c.once('disconnect', r));
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: pair.customer.headers, payload: {} });
    expect(res.statusCode).toBe(204);
    expect((await ended).code).toBe('SESSION_REVOKED');
    await disconnected;
    expect(c.connected).toBe(false);
    expect(other.connected).toBe(true); // someone else's session
    const again = await connect(t.url, pair.customer.token).catch((e: Error & { data?: { code: string } }) => e);
    expect((again as { data?: { code: string } }).data?.code).toBe('SESSION_REVOKED');
  });

  it('a ban ends every socket of the user at once with USER_BANNED', async () => {
    const pair = await chatPair(t);
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const phone = await open(pair.provider.token);
    const laptop = await open(pair.provider.token);
    expect((await request(phone, 'room:join', { roomId: pair.roomId })).ok).toBe(true);
    const endings = [phone, laptop].map((s) => nextEvent(s, 'session:ended'));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${pair.provider.id}/status`,
      headers: admin.headers,
      payload: { status: 'BANNED', reason: 'Asked customers to pay outside the platform' },
    });
    expect(res.statusCode).toBe(200);
    expect((await Promise.all(endings)).map((e) => e.code)).toEqual(['USER_BANNED', 'USER_BANNED']);
  });

  it('a revocation written straight to the database (not through the API) is seen once the re-check window passes', async () => {
    const pair = await chatPair(t);
    const c = await open(pair.customer.token);
    expect((await request(c, 'typing:start', { roomId: pair.roomId })).ok).toBe(true);
    await t.c.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, pair.customer.sessionId));
    await new Promise((r) => setTimeout(r, 1_100)); // SOCKET_SESSION_RECHECK_SEC=1 in this file
    const ended = nextEvent(c, 'session:ended');
    const disconnected = new Promise((r) => c.once('disconnect', r));
    const res = await request(c, 'typing:start', { roomId: pair.roomId });
    expect(res).toMatchObject({ ok: false, error: { code: 'SESSION_REVOKED' } });
    expect((await ended).code).toBe('SESSION_REVOKED');
    await disconnected;
    expect(c.connected).toBe(false);
  });
});

describe('expired access tokens on sockets', () => {
  it('ends the socket when its token expires; a reconnect with the refreshed token carries on', async () => {
    const pair = await chatPair(t);
    // The same session's token as the server would sign it, expiring in 2 s (jose checks exp in whole seconds).
    const claims = JSON.parse(Buffer.from(pair.customer.token.split('.')[1]!, 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await new SignJWT({ ...claims, iat: now, exp: now + 2 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode(t.c.config.jwtSecret));
    const c = await open(shortLived);
    expect((await request(c, 'room:join', { roomId: pair.roomId })).ok).toBe(true);

    await new Promise((r) => setTimeout(r, 2_100));
    const ended = nextEvent(c, 'session:ended');
    const disconnected = new Promise((r) => c.once('disconnect', r));
    expect(await request(c, 'typing:start', { roomId: pair.roomId })).toMatchObject({
      ok: false,
      error: { code: 'TOKEN_EXPIRED' },
    });
    expect((await ended).code).toBe('TOKEN_EXPIRED');
    await disconnected;
    const again = await connect(t.url, shortLived).catch((e: Error & { data?: { code: string } }) => e);
    expect((again as { data?: { code: string } }).data?.code).toBe('TOKEN_EXPIRED');

    // What the web client does next: refresh, reconnect with the new token, rejoin, and messages flow.
    const fresh = await open(pair.customer.token);
    const p = await open(pair.provider.token);
    expect((await request(fresh, 'room:join', { roomId: pair.roomId })).ok).toBe(true);
    expect((await request(p, 'room:join', { roomId: pair.roomId })).ok).toBe(true);
    const got = nextEvent(fresh, 'message:created', (m) => m.clientMessageId === 'after-refresh');
    expect(
      (
        await request(p, 'message:send', {
          roomId: pair.roomId,
          clientMessageId: 'after-refresh',
          type: 'TEXT',
          content: 'Still there?',
        })
      ).ok,
    ).toBe(true);
    expect((await got).originalContent).toBe('Still there?');
  });
});

describe('messages over the socket', () => {
  it('delivers a Hindi reply translated for the English customer, original one tap away', async () => {
    const pair = await chatPair(t, { customerLanguage: 'en', providerLanguage: 'hi' });
    const c = await open(pair.customer.token);
    const p = await open(pair.provider.token);
    expect(await request(c, 'room:join', { roomId: pair.roomId })).toMatchObject({ ok: true, roomId: pair.roomId });
    expect((await request(p, 'room:join', { roomId: pair.roomId })).ok).toBe(true);

    const got = nextEvent(c, 'message:created', (m) => m.clientMessageId === 'hi-1');
    const ack = await request<{ message: ChatMessage; duplicate: boolean }>(p, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'hi-1',
      type: 'TEXT',
      content: 'मैं 30 मिनट में आ सकता हूं',
    });
    expect(ack).toMatchObject({
      ok: true,
      duplicate: false,
      message: { content: 'मैं 30 मिनट में आ सकता हूं', detectedLanguage: 'hi' },
    });
    const m = await got;
    expect(m).toMatchObject({
      content: 'I can come in 30 minutes',
      originalContent: 'मैं 30 मिनट में आ सकता हूं',
      detectedLanguage: 'hi',
      translated: true,
      senderId: pair.provider.id,
      seq: 1,
    });

    // The customer's English reply reaches the provider in Hindi; an unknown sentence arrives marked not translated.
    const toProvider = nextEvent(p, 'message:created', (x) => x.clientMessageId === 'en-1');
    await request(c, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'en-1',
      type: 'TEXT',
      content: 'Where is your house?',
    });
    expect(await toProvider).toMatchObject({ content: 'आपका घर कहां है?', translated: true, detectedLanguage: 'en' });
    const unknown = nextEvent(p, 'message:created', (x) => x.clientMessageId === 'en-2');
    await request(c, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'en-2',
      type: 'TEXT',
      content: 'The geyser makes a strange humming noise',
    });
    expect(await unknown).toMatchObject({ content: 'The geyser makes a strange humming noise', translated: false });
  });

  it('romanised Hindi is detected and translated for the English reader', async () => {
    const pair = await chatPair(t, { customerLanguage: 'en', providerLanguage: 'hi' });
    const c = await open(pair.customer.token);
    await request(c, 'room:join', { roomId: pair.roomId });
    const p = await open(pair.provider.token);
    const got = nextEvent(c, 'message:created', (m) => m.clientMessageId === 'latn');
    await request(p, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'latn',
      type: 'TEXT',
      content: 'main 10 minute mein aa sakta hoon',
    });
    expect(await got).toMatchObject({ detectedLanguage: 'hi-Latn', content: 'I can come in 10 minutes', translated: true });
  });

  it('acks a retried clientMessageId with the stored message and delivers it once', async () => {
    const pair = await chatPair(t);
    const c = await open(pair.customer.token);
    const p = await open(pair.provider.token);
    await request(p, 'room:join', { roomId: pair.roomId });
    const received: ChatMessage[] = [];
    p.on('message:created', (m) => received.push(m));
    const payload = { roomId: pair.roomId, clientMessageId: 'dup-1', type: 'TEXT', content: 'Please wait' };
    const first = await request<{ message: ChatMessage; duplicate: boolean }>(c, 'message:send', payload);
    const second = await request<{ message: ChatMessage; duplicate: boolean }>(c, 'message:send', payload);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.duplicate).toBe(true);
    expect(second.message.id).toBe(first.message.id);
    expect(second.message.seq).toBe(first.message.seq);
    await request(c, 'typing:stop', { roomId: pair.roomId }); // a round trip so any stray delivery has arrived
    expect(received.filter((m) => m.clientMessageId === 'dup-1')).toHaveLength(1);
  });

  it("shows a sent message on the sender's other devices; the sending device has it in its ack only", async () => {
    const pair = await chatPair(t, { customerLanguage: 'en', providerLanguage: 'hi' });
    const phone = await open(pair.customer.token);
    const laptop = await open(pair.customer.token); // same account, second device (only its user channel)
    const p = await open(pair.provider.token);
    await request(phone, 'room:join', { roomId: pair.roomId });
    await request(p, 'room:join', { roomId: pair.roomId });
    const onPhone: ChatMessage[] = [];
    phone.on('message:created', (m) => onPhone.push(m));
    const onLaptop = nextEvent(laptop, 'message:created', (m) => m.clientMessageId === 'multi-1');
    const onProvider = nextEvent(p, 'message:created', (m) => m.clientMessageId === 'multi-1');
    const sent = await request<{ message: ChatMessage }>(phone, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'multi-1',
      type: 'TEXT',
      content: 'Please come at 5 pm',
    });
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    const [mine, theirs] = await Promise.all([onLaptop, onProvider]);
    expect(mine).toEqual(sent.message);
    expect(mine.content).toBe('Please come at 5 pm');
    expect(theirs.seq).toBe(sent.message.seq);
    await request(phone, 'typing:stop', { roomId: pair.roomId }); // a round trip so any stray delivery has arrived
    expect(onPhone).toEqual([]);
  });

  it('validates payloads with the standard error', async () => {
    const pair = await chatPair(t);
    const c = await open(pair.customer.token);
    const res = await request(c, 'message:send', { roomId: pair.roomId, clientMessageId: 'v', type: 'TEXT' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const image = await request<{ message: ChatMessage }>(c, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'img',
      type: 'IMAGE',
      mediaId: 'upload-123',
    });
    // An image must be a photo the sender uploaded to chat, not any string.
    expect(image).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const loc = await request<{ message: ChatMessage }>(c, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'loc',
      type: 'LOCATION',
      location: { lat: 26.8467, lng: 80.9462 },
    });
    expect(loc).toMatchObject({ ok: true, message: { type: 'LOCATION', location: { lat: 26.8467, lng: 80.9462 } } });
  });

  it('sends photos uploaded to the room; only the two participants see them', async () => {
    const pair = await chatPair(t);
    const stranger = await createUser(t.c, { role: 'CUSTOMER' });
    const uploadTo = async (roomId: string, headers: Record<string, string>) => {
      const body = multipartBody(await pngImage(120, 80, false), { filename: 'tap.png', contentType: 'image/png' });
      return t.app.inject({
        method: 'POST',
        url: `/api/chat/rooms/${roomId}/media`,
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
    };
    expect((await uploadTo(pair.roomId, stranger.headers)).statusCode).toBe(404);
    expect((await uploadTo(pair.roomId, {})).statusCode).toBe(401);
    const adminNo2fa = await createUser(t.c, { role: 'ADMIN', secondFactor: false });
    expect((await uploadTo(pair.roomId, adminNo2fa.headers)).statusCode).toBe(404);
    const up = await uploadTo(pair.roomId, pair.customer.headers);
    expect(up.statusCode).toBe(201);
    const media = up.json() as { id: string; width: number; height: number };
    expect(media).toMatchObject({ width: 120, height: 80 });

    // The provider cannot send the customer's upload as their own; unknown ids are refused too.
    const p = await open(pair.provider.token);
    const c = await open(pair.customer.token);
    const send = (s: ClientSocket, mediaId: string, id: string) =>
      request<{ message: ChatMessage }>(s, 'message:send', { roomId: pair.roomId, clientMessageId: id, type: 'IMAGE', mediaId });
    expect(await send(p, media.id, 'p-img')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await send(c, '8d2f8a3c-0000-4000-8000-000000000000', 'c-unknown')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });

    const file = (who: { headers: Record<string, string> }) =>
      t.app.inject({ method: 'GET', url: `/api/documents/${media.id}`, headers: who.headers });
    expect((await file(pair.provider)).statusCode).toBe(404); // not sent yet
    expect(await send(c, media.id, 'c-img')).toMatchObject({ ok: true, message: { type: 'IMAGE', mediaId: media.id } });
    const seen = await file(pair.provider);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toMatch(/^image\//);
    expect((await file(pair.customer)).statusCode).toBe(200);
    expect((await file(stranger)).statusCode).toBe(404);
  });

  it('masks phone numbers, emails and UPI ids for the recipient until a booking is confirmed', async () => {
    const pair = await chatPair(t, { customerLanguage: 'en', providerLanguage: 'en' });
    const c = await open(pair.customer.token);
    const p = await open(pair.provider.token);
    await request(c, 'room:join', { roomId: pair.roomId });
    const text = 'Call 98765 43210 or pay ravi@okaxis, mail ravi@example.com';
    const masked = nextEvent(c, 'message:created', (m) => m.clientMessageId === 'mask-1');
    const own = await request<{ message: ChatMessage }>(p, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'mask-1',
      type: 'TEXT',
      content: text,
    });
    const seen = await masked;
    expect(seen.masked).toBe(true);
    expect(seen.content).not.toMatch(/98765|okaxis|example\.com/);
    expect(seen.originalContent).not.toMatch(/98765|okaxis|example\.com/);
    expect(own).toMatchObject({ ok: true, message: { content: text, masked: false } });

    await createBookingRow(t.c, {
      customerId: pair.customer.customerId!,
      providerId: pair.providerId,
      category: pair.category,
      status: 'CONFIRMED',
    });
    const clear = nextEvent(c, 'message:created', (m) => m.clientMessageId === 'mask-2');
    await request(p, 'message:send', { roomId: pair.roomId, clientMessageId: 'mask-2', type: 'TEXT', content: text });
    expect(await clear).toMatchObject({ content: text, masked: false });
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/chat/rooms/${pair.roomId}/messages`,
      headers: pair.customer.headers,
    });
    expect(history.json().items[0].content).toBe(text);
  });

  it('relays typing and read receipts to the other participant', async () => {
    const pair = await chatPair(t);
    const c = await open(pair.customer.token);
    const p = await open(pair.provider.token);
    await request(c, 'room:join', { roomId: pair.roomId });
    await request(p, 'room:join', { roomId: pair.roomId });
    const typing = nextEvent(p, 'typing');
    expect((await request(c, 'typing:start', { roomId: pair.roomId })).ok).toBe(true);
    expect(await typing).toEqual({ roomId: pair.roomId, userId: pair.customer.id, typing: true });

    await request(c, 'message:send', { roomId: pair.roomId, clientMessageId: 'rr1', type: 'TEXT', content: 'Thank you' });
    await request(c, 'message:send', { roomId: pair.roomId, clientMessageId: 'rr2', type: 'TEXT', content: 'Okay' });
    const receipt = nextEvent(c, 'message:read');
    expect(await request(p, 'message:read', { roomId: pair.roomId, upToSeq: 2 })).toMatchObject({ ok: true, updated: 2 });
    expect(await receipt).toMatchObject({ roomId: pair.roomId, readerId: pair.provider.id, upToSeq: 2 });
    const list = await t.app.inject({ method: 'GET', url: '/api/chat/rooms', headers: pair.provider.headers });
    expect(list.json().items.find((r: { id: string }) => r.id === pair.roomId).unreadCount).toBe(0);
  });

  it('refuses non-participants on every chat event', async () => {
    const pair = await chatPair(t);
    const stranger = await createUser(t.c, { role: 'PROVIDER' });
    const s = await open(stranger.token);
    const roomId = pair.roomId;
    const attempts: [Parameters<typeof request>[1], unknown][] = [
      ['room:join', { roomId }],
      ['message:send', { roomId, clientMessageId: 'x', type: 'TEXT', content: 'hi' }],
      ['typing:start', { roomId }],
      ['typing:stop', { roomId }],
      ['message:read', { roomId, upToSeq: 1 }],
    ];
    for (const [event, payload] of attempts) {
      expect(await request(s, event, payload)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const adminNo2fa = await createUser(t.c, { role: 'ADMIN', secondFactor: false });
    const a = await open(adminNo2fa.token);
    for (const [event, payload] of attempts) {
      expect(await request(a, event, payload)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const count = await t.app.inject({
      method: 'GET',
      url: `/api/chat/rooms/${roomId}/messages`,
      headers: pair.customer.headers,
    });
    expect(count.json().items).toHaveLength(0);
  });

  it("lets an admin with a second factor watch a disputed pair's room and see originals", async () => {
    const pair = await chatPair(t);
    await createBookingRow(t.c, {
      customerId: pair.customer.customerId!,
      providerId: pair.providerId,
      category: pair.category,
      status: 'DISPUTED',
    });
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const a = await open(admin.token);
    expect((await request(a, 'room:join', { roomId: pair.roomId })).ok).toBe(true);
    const c = await open(pair.customer.token);
    const seen = nextEvent(a, 'message:created');
    await request(c, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'adm',
      type: 'TEXT',
      content: 'my number is 9876543210',
    });
    expect(await seen).toMatchObject({ content: 'my number is 9876543210', masked: false });
  });

  it('limits how fast one sender may send, per sender', async () => {
    const pair = await chatPair(t);
    const c = await open(pair.customer.token);
    const p = await open(pair.provider.token);
    // Use up the customer's minute (CHAT_MESSAGES_PER_MINUTE=200 here) without sending 200 messages.
    for (let i = 0; i < 199; i++) await t.c.rateLimiter.hit(`chat:msg:${pair.customer.id}`, 200, 60);
    expect(
      (await request(c, 'message:send', { roomId: pair.roomId, clientMessageId: 'rl-last', type: 'TEXT', content: 'Okay' })).ok,
    ).toBe(true);
    const over = await request(c, 'message:send', {
      roomId: pair.roomId,
      clientMessageId: 'rl-over',
      type: 'TEXT',
      content: 'Okay',
    });
    expect(over).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { retryAfterSec: expect.any(Number) } } });
    // The other participant is not affected.
    expect(
      (await request(p, 'message:send', { roomId: pair.roomId, clientMessageId: 'rl-p', type: 'TEXT', content: 'Okay' })).ok,
    ).toBe(true);
  });

  it('notifies an offline recipient (in-app now, push via the deliver job) but not an online one', async () => {
    const pair = await chatPair(t);
    await t.app.inject({
      method: 'POST',
      url: '/api/me/devices',
      headers: pair.provider.headers,
      payload: { token: `fcm-token-${pair.provider.id}`, platform: 'android' },
    });
    const c = await open(pair.customer.token);
    await request(c, 'message:send', { roomId: pair.roomId, clientMessageId: 'off-1', type: 'TEXT', content: 'Please call me' });
    const rows = await t.c.db.select().from(notifications).where(eq(notifications.userId, pair.provider.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'CHAT_MESSAGE', body: 'कृपया मुझे फोन कीजिए' });
    await t.c.jobs.drain!();
    const pushed = await t.c.db
      .select()
      .from(devOutbox)
      .where(eq(devOutbox.to, `fcm-token-${pair.provider.id}`));
    expect(pushed).toHaveLength(1);

    const p = await open(pair.provider.token);
    const live = nextEvent(p, 'message:created');
    await request(c, 'message:send', { roomId: pair.roomId, clientMessageId: 'off-2', type: 'TEXT', content: 'Okay' });
    await live;
    const after = await t.c.db.select().from(notifications).where(eq(notifications.userId, pair.provider.id));
    expect(after).toHaveLength(1);
  });
});

describe('domain events fan out', () => {
  it('sends booking:updated to both parties and notification:created to its user', async () => {
    const pair = await chatPair(t);
    const c = await open(pair.customer.token);
    const p = await open(pair.provider.token);
    const toC = nextEvent(c, 'booking:updated');
    const toP = nextEvent(p, 'booking:updated');
    t.c.events.emit('booking.updated', {
      bookingId: '00000000-0000-4000-8000-000000000001',
      status: 'CONFIRMED',
      customerUserId: pair.customer.id,
      providerUserId: pair.provider.id,
      booking: { id: 'b' },
    });
    expect(await toC).toMatchObject({ status: 'CONFIRMED' });
    expect(await toP).toMatchObject({ status: 'CONFIRMED' });

    const live = nextEvent(c, 'notification:created');
    await t.c.db.transaction((tx) =>
      t.c.notifier.notify(tx, {
        userId: pair.customer.id,
        type: 'BOOKING_CONFIRMED',
        data: { bookingNumber: 'LP-1', providerName: 'Ravi' },
      }),
    );
    await t.c.jobs.drain!();
    expect(await live).toMatchObject({ type: 'BOOKING_CONFIRMED', title: 'Booking confirmed' });
  });
});
