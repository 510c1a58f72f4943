import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@localpro/contracts';
import { io as ioClient, type Socket } from 'socket.io-client';
import { attachRealtime, type Realtime } from '../../src/realtime';
import { createTestApp, type TestApp } from '../app';
import { createApprovedProvider, createUser, type TestUser } from './index';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface RealtimeTestApp extends TestApp {
  rt: Realtime;
  url: string;
}

/** The app with Socket.IO attached, listening on 127.0.0.1 on a free port. */
export async function startRealtimeApp(overrides: Record<string, string> = {}): Promise<RealtimeTestApp> {
  const t = await createTestApp(overrides);
  const rt = attachRealtime(t.app, t.c);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    ...t,
    rt,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await rt.close();
      await t.close();
    },
  };
}

/** Connects with the access token; rejects with the server's connect_error (its `data` is the standard error). */
export function connect(
  url: string,
  token: string | (() => string),
  opts: { reconnection?: boolean } = {},
): Promise<ClientSocket> {
  const socket: ClientSocket = ioClient(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: typeof token === 'function' ? (cb) => cb({ token: token() }) : { token },
    reconnection: opts.reconnection ?? false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

// biome-ignore lint/suspicious/noExplicitAny: event payloads differ per event; the Ack type is what matters here
type AnyEmit = (event: string, payload: any, ack: (res: Ack<any>) => void) => void;

/** Emits a client event and resolves with its ack. */
export function request<T extends object = Record<string, unknown>>(
  socket: ClientSocket,
  event: keyof ClientToServerEvents,
  payload: unknown,
  timeoutMs = 10_000,
): Promise<Ack<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), timeoutMs);
    (socket.emit as unknown as AnyEmit)(event, payload, (res) => {
      clearTimeout(timer);
      resolve(res as Ack<T>);
    });
  });
}

/** The next `event` on `socket` that satisfies `match`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    };
    socket.on(event, listener as never);
  });
}

/** A customer, an approved provider and their chat room (via the REST API). */
export async function chatPair(
  t: TestApp,
  opts: { customerLanguage?: 'en' | 'hi'; providerLanguage?: 'en' | 'hi' } = {},
): Promise<{
  customer: TestUser;
  provider: TestUser;
  providerId: string;
  roomId: string;
  category: Awaited<ReturnType<typeof createApprovedProvider>>['category'];
}> {
  const customer = await createUser(t.c, { role: 'CUSTOMER', language: opts.customerLanguage ?? 'en' });
  const p = await createApprovedProvider(t.c, { language: opts.providerLanguage ?? 'hi' });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/chat/rooms',
    headers: customer.headers,
    payload: { providerId: p.providerId },
  });
  if (res.statusCode !== 200) throw new Error(`create room failed: ${res.body}`);
  return { customer, provider: p.user, providerId: p.providerId, roomId: res.json().id, category: p.category };
}
