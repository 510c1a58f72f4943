import { type ChatMessage, clientEventSchemas } from '@localpro/contracts';
import type { Socket } from 'socket.io';
import type { Container } from '../container';
import type { Actor } from '../http/auth';
import { enforceLimit } from '../http/rate-limit';
import type { RoomInfo } from '../modules/chat/chat.repository';
import type { SentMessage } from '../modules/chat/chat.service';
import type { RealtimeServer } from './index';
import type { MessageRelay } from './message-relay';
import { handle } from './socket-handler';

type Deps = Parameters<typeof handle>[3];

/**
 * Sends a stored message to each participant (in their language, masked as needed) on all their sockets and
 * to admin watchers, except the sending socket, which gets it in its ack. Returns the sender's view (the
 * original, as admins see it too).
 */
export function emitMessage(relay: MessageRelay, c: Container, sent: SentMessage, senderSocketId: string): ChatMessage {
  const { room, row } = sent;
  const original = c.chat.adminView(sent);
  const except = [senderSocketId];
  for (const userId of [room.customerUserId, room.providerUserId]) {
    const message = userId === row.senderId ? original : c.chat.viewForUser(sent, userId);
    relay.emit({ rooms: [`chat:${room.id}:${userId}`, `user:${userId}`], except, message });
  }
  relay.emit({ rooms: [`chat:${room.id}:admin`], except, message: original });
  return original;
}

export function registerChatEvents(io: RealtimeServer, relay: MessageRelay, socket: Socket, c: Container, deps: Deps): void {
  // Rooms this socket joined, access already checked; any other room is checked against the database per event.
  const rooms = new Map<string, RoomInfo>();
  const events = clientEventSchemas;

  const access = async (actor: Actor, roomId: string) => rooms.get(roomId) ?? (await c.chat.accessRoom(actor, roomId));
  const limitEvents = (actor: Actor) =>
    enforceLimit(c.rateLimiter, `chat:evt:${actor.userId}`, c.config.CHAT_EVENTS_PER_MINUTE, 60);
  const isParticipant = (actor: Actor, room: RoomInfo) =>
    actor.userId === room.customerUserId || actor.userId === room.providerUserId;

  handle(socket, 'room:join', events['room:join'], deps, async (p, actor) => {
    await limitEvents(actor);
    const room = await c.chat.accessRoom(actor, p.roomId);
    rooms.set(room.id, room);
    await socket.join([
      `chat:${room.id}`,
      isParticipant(actor, room) ? `chat:${room.id}:${actor.userId}` : `chat:${room.id}:admin`,
    ]);
    return { roomId: room.id, lastSeq: room.lastSeq };
  });

  handle(socket, 'room:leave', events['room:leave'], deps, async (p) => {
    rooms.delete(p.roomId);
    for (const r of [...socket.rooms]) if (r === `chat:${p.roomId}` || r.startsWith(`chat:${p.roomId}:`)) await socket.leave(r);
    return {};
  });

  handle(socket, 'message:send', events['message:send'], deps, async (p, actor) => {
    await enforceLimit(
      c.rateLimiter,
      `chat:msg:${actor.userId}`,
      c.config.CHAT_MESSAGES_PER_MINUTE,
      60,
      'You are sending messages too fast',
    );
    const sent = await c.chat.sendMessage(actor, p, await access(actor, p.roomId));
    if (!sent.duplicate) return { message: emitMessage(relay, c, sent, socket.id), duplicate: false };
    // A retry's message went out when it was stored; the ack carries it again, as this actor may see it
    // (a clientMessageId is unique per room, so the stored message may be the other participant's).
    const message = isParticipant(actor, sent.room) ? c.chat.viewForUser(sent, actor.userId) : c.chat.adminView(sent);
    return { message, duplicate: true };
  });

  for (const [event, typing] of [
    ['typing:start', true],
    ['typing:stop', false],
  ] as const) {
    handle(socket, event, events[event], deps, async (p, actor) => {
      await limitEvents(actor);
      const room = await access(actor, p.roomId);
      socket.to(`chat:${room.id}`).emit('typing', { roomId: room.id, userId: actor.userId, typing });
      return {};
    });
  }

  handle(socket, 'message:read', events['message:read'], deps, async (p, actor) => {
    await limitEvents(actor);
    const { room, updated, readAt } = await c.chat.markRead(actor, p.roomId, p.upToSeq, await access(actor, p.roomId));
    if (updated > 0) {
      io.to([`chat:${room.id}`, `user:${room.customerUserId}`, `user:${room.providerUserId}`]).emit('message:read', {
        roomId: room.id,
        readerId: actor.userId,
        upToSeq: p.upToSeq,
        readAt,
      });
    }
    return { upToSeq: p.upToSeq, updated };
  });
}
