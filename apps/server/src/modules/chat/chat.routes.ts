import multipart from '@fastify/multipart';
import {
  chatMediaSchema,
  chatRoomListSchema,
  chatRoomSchema,
  createChatRoomBody,
  listMessagesQuery,
  messageListSchema,
  roomIdParams,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import { requireActor, requireRole } from '../../http/auth';
import { enforceLimit, type RateLimiter } from '../../http/rate-limit';
import { AppError } from '../../lib/errors';
import type { UploadsService } from '../documents/uploads.service';
import type { ChatService } from './chat.service';

export function chatRoutes(deps: {
  chat: ChatService;
  uploads: UploadsService;
  rateLimiter: RateLimiter;
  config: Pick<Config, 'UPLOAD_LIMIT_BYTES'>;
}): FastifyPluginAsyncZod {
  return async (app) => {
    // Chat photos go through the shared upload pipeline (type sniffing, re-encoding, size limits).
    await app.register(async (plain) => {
      const scope = plain.withTypeProvider<ZodTypeProvider>();
      await scope.register(multipart, {
        limits: { fileSize: deps.config.UPLOAD_LIMIT_BYTES, files: 1, fields: 2, parts: 3, headerPairs: 50 },
        throwFileSizeLimit: true,
      });
      scope.post(
        '/chat/rooms/:id/media',
        {
          schema: {
            tags: ['chat'],
            summary: 'Upload a photo to send in this room (participants; multipart field "file"); then message:send IMAGE',
            params: roomIdParams,
            response: { 201: chatMediaSchema },
          },
        },
        async (req, reply) => {
          const actor = requireActor(req);
          await deps.chat.assertRoomAccess(actor, req.params.id);
          await enforceLimit(deps.rateLimiter, `chat:media:${actor.userId}`, 60, 3600);
          if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the photo as multipart/form-data');
          const part = await req.file();
          if (!part) throw new AppError('VALIDATION_FAILED', 'Attach a photo in the "file" field');
          const doc = await deps.uploads.storeUpload({
            ownerUserId: actor.userId,
            kind: 'CHAT_MEDIA',
            file: { data: await part.toBuffer() },
          });
          return reply
            .status(201)
            .send({ id: doc.id, mimeType: doc.mimeType, width: doc.width, height: doc.height, sizeBytes: doc.sizeBytes });
        },
      );
    });

    app.post(
      '/chat/rooms',
      {
        schema: {
          tags: ['chat'],
          summary:
            'Open (or return the existing) chat room with a provider (customers; a provider with bookingId of their booking)',
          body: createChatRoomBody,
          response: { 200: chatRoomSchema },
        },
      },
      async (req) => deps.chat.createRoom(requireRole(req, 'CUSTOMER', 'PROVIDER'), req.body),
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
