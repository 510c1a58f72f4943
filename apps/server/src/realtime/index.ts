import { type ClientToServerEvents, clientEventSchemas, type ServerToClientEvents } from '@localpro/contracts';
import { createAdapter } from '@socket.io/redis-adapter';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { Container } from '../container';
import { toAppError } from '../http/error-handler';
import { enforceLimit } from '../http/rate-limit';
import { AppError } from '../lib/errors';
import { registerChatEvents } from './chat.events';
import { registerDomainFanout } from './fanout';
import { createMessageRelay } from './message-relay';
import { createSessionCheck } from './session-check';
import { handle, type SocketData } from './socket-handler';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface Realtime {
  io: RealtimeServer;
  close(): Promise<void>;
}

/**
 * Socket.IO on Fastify's HTTP server (path /socket.io). Handshake `auth: { token }`; rooms
 * `user:<id>`, `booking:<id>`, `chat:<roomId>` (+ `chat:<roomId>:<userId>` for per-reader translations).
 * With REDIS_URL the Redis adapter carries every emit to the other nodes, except `message:created`, which
 * message-relay.ts batches on a channel of its own.
 */
export function attachRealtime(app: FastifyInstance, c: Container): Realtime {
  const io: RealtimeServer = new Server(app.server, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: c.config.CORS_ORIGINS, credentials: true },
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });
  const redisClients = useRedisAdapter(io, c);
  const log = c.logger.child({ component: 'realtime' });
  const relaySub = redisClients[0]?.duplicate({ enableAutoPipelining: false });
  const relay = createMessageRelay(io, relaySub ? { pub: redisClients[0]!, sub: relaySub } : null, (err) =>
    log.warn({ err }, 'message relay failed'),
  );
  if (relaySub) {
    relaySub.on('error', (err) => log.warn({ err: err.message }, 'realtime redis error'));
    redisClients.push(relaySub);
  }
  const onError = (err: unknown, event: string) => log.error({ err, event }, 'socket event failed');
  const checkSession = createSessionCheck({
    tokenSigner: c.tokenSigner,
    database: c.database,
    recheckMs: c.config.SOCKET_SESSION_RECHECK_SEC * 1000,
  });

  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    try {
      if (typeof token !== 'string' || !token) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
      const actor = await c.resolveActor(token);
      socket.data.actor = actor;
      socket.data.token = token;
      next();
    } catch (err) {
      const e = toAppError(err);
      const refused = new Error(e.message) as Error & { data?: unknown };
      refused.data = e.toBody().error;
      next(refused);
    }
  });

  io.on('connection', (socket) => {
    const { actor } = socket.data;
    void socket.join([`user:${actor.userId}`, `session:${actor.sessionId}`]);
    c.presence.connected(actor.userId, socket.id).catch((err) => log.warn({ err }, 'presence update failed'));
    socket.on('disconnect', () => {
      c.presence.disconnected(actor.userId, socket.id).catch((err) => log.warn({ err }, 'presence update failed'));
    });
    const deps = { checkSession, onError };
    registerChatEvents(io, relay, socket, c, deps);
    handle(socket, 'location:update', clientEventSchemas['location:update'], deps, async (p, a) => {
      const throttle = () =>
        enforceLimit(
          c.rateLimiter,
          `loc:${p.bookingId}`,
          1,
          c.config.LOCATION_MIN_INTERVAL_SEC,
          'Location updates are limited to one every few seconds',
        );
      const { customerUserId, event } = await c.tracking.update(a, p, throttle);
      io.to(`user:${customerUserId}`).emit('location:updated', event);
      return { distanceKm: event.distanceKm, etaMin: event.etaMin };
    });
  });

  const unsubscribe = registerDomainFanout(io, c);
  const refresh =
    c.presence.ttlSec > 0
      ? setInterval(
          () => {
            const entries = [...io.sockets.sockets.values()].map((s) => ({ userId: s.data.actor.userId, socketId: s.id }));
            c.presence.refresh(entries).catch(() => {});
          },
          Math.max(1000, (c.presence.ttlSec * 1000) / 3),
        )
      : null;
  refresh?.unref();

  return {
    io,
    async close() {
      unsubscribe();
      if (refresh) clearInterval(refresh);
      const leaving = [...io.sockets.sockets.values()].map((s) => ({ userId: s.data.actor.userId, socketId: s.id }));
      io.local.disconnectSockets(true);
      await Promise.all(leaving.map((e) => c.presence.disconnected(e.userId, e.socketId).catch(() => {})));
      io.engine.close();
      await Promise.all(redisClients.map((r) => r.quit().catch(() => {})));
    },
  };
}

/** With REDIS_URL: the Redis adapter (ioredis pub/sub pair), so emits reach sockets on every node. */
function useRedisAdapter(io: RealtimeServer, c: Container): Redis[] {
  if (!c.config.REDIS_URL) return [];
  // Commands issued in the same tick (the publishes of one chat message, say) share one write.
  const pub = new Redis(c.config.REDIS_URL, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  const sub = pub.duplicate({ enableAutoPipelining: false });
  for (const r of [pub, sub]) r.on('error', (err) => c.logger.warn({ err: err.message }, 'realtime redis error'));
  io.adapter(createAdapter(pub, sub));
  return [pub, sub];
}

/**
 * For a process without the `realtime` role (e.g. a separate worker running notifications.deliver, or an
 * API node that changes bookings): a Socket.IO server bound to no port whose Redis adapter publishes
 * the domain-event fan-out to the realtime nodes. Without REDIS_URL there is nothing to publish to, so
 * in-process fan-out needs the realtime role in the same process (the default: all roles in one).
 */
export function createRealtimeEmitter(c: Container): Realtime | null {
  if (!c.config.REDIS_URL) return null;
  const io: RealtimeServer = new Server({ serveClient: false });
  const redisClients = useRedisAdapter(io, c);
  const unsubscribe = registerDomainFanout(io, c);
  return {
    io,
    async close() {
      unsubscribe();
      await Promise.all(redisClients.map((r) => r.quit().catch(() => {})));
    },
  };
}
