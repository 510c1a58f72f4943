import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '@localpro/contracts';
import type { Redis } from 'ioredis';
import type { RealtimeServer } from './index';

export interface MessageEmission {
  rooms: string[];
  /** Socket ids left out (the sending socket, which has the message in its ack). */
  except?: string[];
  message: ChatMessage;
}

const CHANNEL = 'lp:chat:created';

/**
 * Carries `message:created` to every node. Sockets on this node get it at once; for the other nodes the
 * emissions of one event-loop turn (a stored batch of messages) go out as one PUBLISH on a channel of our
 * own, instead of one Redis-adapter broadcast (msgpack-encoded, published, and decoded again by every node,
 * this one included) per participant view. Each node skips its own publishes unread, by their prefix.
 * Other events (typing, read receipts, booking updates) still go through the Socket.IO Redis adapter.
 */
export function createMessageRelay(
  io: RealtimeServer,
  redis: { pub: Redis; sub: Redis } | null,
  onError: (err: unknown) => void,
) {
  const nodeId = randomUUID();
  const prefix = `${nodeId}|`;
  let pending: MessageEmission[] = [];

  /** Whether a socket on this node would receive it: Socket.IO encodes a packet even when nobody would. */
  function anyLocalReceiver(e: MessageEmission): boolean {
    const rooms = io.of('/').adapter.rooms;
    for (const room of e.rooms) {
      for (const socketId of rooms.get(room) ?? []) if (!e.except?.includes(socketId)) return true;
    }
    return false;
  }

  function emitLocally(e: MessageEmission) {
    // The usual message has three emissions (sender's other devices, recipient, admin watchers) of which
    // only the recipient's reaches anyone; skipping the others saves two packet encodings per message.
    if (!anyLocalReceiver(e)) return;
    const op = io.local.to(e.rooms);
    (e.except ? op.except(e.except) : op).emit('message:created', e.message);
  }

  function flush() {
    const batch = pending;
    pending = [];
    redis!.pub.publish(CHANNEL, prefix + JSON.stringify(batch)).catch(onError);
  }

  if (redis) {
    redis.sub.subscribe(CHANNEL).catch(onError);
    redis.sub.on('message', (channel: string, raw: string) => {
      if (channel !== CHANNEL || raw.startsWith(prefix)) return;
      try {
        const batch = JSON.parse(raw.slice(raw.indexOf('|') + 1)) as MessageEmission[];
        for (const e of batch) emitLocally(e);
      } catch (err) {
        onError(err);
      }
    });
  }

  return {
    emit(e: MessageEmission): void {
      emitLocally(e);
      if (!redis) return;
      if (pending.length === 0) setImmediate(flush);
      pending.push(e);
    },
  };
}
export type MessageRelay = ReturnType<typeof createMessageRelay>;
