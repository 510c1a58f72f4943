import {
  chatRoomListSchema,
  chatRoomSchema,
  createChatRoomBody,
  listMessagesQuery,
  messageListSchema,
  roomIdParams,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireRole } from '../../http/auth';
import type { ChatService } from './chat.service';

export function chatRoutes(deps: { chat: ChatService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/chat/rooms',
      {
        schema: {
          tags: ['chat'],
          summary: 'Open (or return the existing) chat room with a provider',
          body: createChatRoomBody,
          response: { 200: chatRoomSchema },
        },
      },
      async (req) => deps.chat.createRoom(requireRole(req, 'CUSTOMER'), req.body),
    );
    app.get(
      '/chat/rooms',
      {
        schema: {
          tags: ['chat'],
          summary: 'My chat rooms with the last message and unread count',
          response: { 200: chatRoomListSchema },
        },
      },
      async (req) => ({ items: await deps.chat.listRooms(requireActor(req)) }),
    );
    app.get(
      '/chat/rooms/:id/messages',
      {
        schema: {
          tags: ['chat'],
          summary: 'Messages by seq: afterSeq for catch-up after reconnecting, beforeSeq for older history',
          params: roomIdParams,
          querystring: listMessagesQuery,
          response: { 200: messageListSchema },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        if (actor.role === 'ADMIN') requireRole(req, 'ADMIN');
        return deps.chat.listMessages(actor, req.params.id, req.query);
      },
    );
  };
}
