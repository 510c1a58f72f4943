import { EventEmitter } from 'node:events';

/**
 * Domain events, emitted by services after their transaction commits. The realtime layer fans
 * them out to Socket.IO rooms (across nodes via the Redis adapter); nothing here crosses processes.
 */
export interface DomainEvents {
  'booking.updated': { bookingId: string; status: string; customerUserId: string; providerUserId: string; booking: unknown };
  'notification.created': { userId: string; notification: unknown };
  'provider.updated': { providerId: string; userId: string; status: string };
  /**
   * Sign-ins ended through the API: these sessions (or, with `sessionIds: null`, every session of the user —
   * sign-out everywhere, a ban, a role change). Live sockets of those sessions are told why and disconnected.
   */
  'auth.sessions-ended': { userId: string; sessionIds: string[] | null; code: 'SESSION_REVOKED' | 'USER_BANNED' };
}

export function createEventBus() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
      // A failing listener must never break the request that emitted the event.
      for (const listener of emitter.listeners(name)) {
        try {
          const r = (listener as (p: DomainEvents[K]) => unknown)(payload);
          if (r instanceof Promise) r.catch(() => {});
        } catch {
          /* listeners log their own failures */
        }
      }
    },
    on<K extends keyof DomainEvents>(name: K, listener: (payload: DomainEvents[K]) => void | Promise<void>): () => void {
      emitter.on(name, listener);
      return () => emitter.off(name, listener);
    },
  };
}
export type EventBus = ReturnType<typeof createEventBus>;
