import type { Container } from '../container';
import { AppError } from '../lib/errors';
import type { RealtimeServer } from './index';

/**
 * Domain events (emitted after commit on this node) → Socket.IO rooms, which the Redis adapter
 * carries to every node. Returns the unsubscribe function.
 */
export function registerDomainFanout(io: RealtimeServer, c: Container): () => void {
  const offs = [
    c.events.on('booking.updated', async (e) => {
      // Live tracking ends when the booking leaves CONFIRMED (started, cancelled, …): forget the last point
      // first, so whoever sees the update also sees the point gone.
      if (e.status !== 'CONFIRMED') await c.tracking.clear(e.bookingId).catch(() => {});
      io.to([`booking:${e.bookingId}`, `user:${e.customerUserId}`, `user:${e.providerUserId}`]).emit('booking:updated', {
        bookingId: e.bookingId,
        status: e.status,
        booking: e.booking,
      });
    }),
    c.events.on('notification.created', (e) => {
      io.to(`user:${e.userId}`).emit('notification:created', e.notification as never);
    }),
    c.events.on('auth.sessions-ended', (e) => {
      // Every node ends its sockets of those sessions; their next connection is refused at the handshake.
      const rooms = e.sessionIds ? e.sessionIds.map((sid) => `session:${sid}`) : [`user:${e.userId}`];
      const message = e.code === 'USER_BANNED' ? 'This account is suspended' : 'This session has been signed out';
      io.to(rooms).emit('session:ended', new AppError(e.code, message).toBody().error);
      io.in(rooms).disconnectSockets(true);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
