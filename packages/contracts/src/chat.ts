import { z } from 'zod';

export const messageTypeSchema = z.enum(['TEXT', 'IMAGE', 'LOCATION']);
export const chatLanguageSchema = z.enum(['en', 'hi', 'hi-Latn']);
export const chatLocationSchema = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

export const createChatRoomBody = z.strictObject({ providerId: z.uuid(), bookingId: z.uuid().optional() });

/** A stored message as one viewer sees it: `content` is in the viewer's language (or the original, marked). */
export const chatMessageSchema = z.object({
  id: z.uuid(),
  roomId: z.uuid(),
  seq: z.number().int(),
  clientMessageId: z.string(),
  senderId: z.uuid(),
  type: z.enum(['TEXT', 'IMAGE', 'LOCATION', 'SYSTEM']),
  content: z.string().nullable(),
  originalContent: z.string().nullable(),
  detectedLanguage: z.string().nullable(),
  /** False when `content` is the original because no reliable translation exists ("not translated"). */
  translated: z.boolean(),
  /** True when phone numbers/emails/UPI ids were hidden because no booking between the pair is confirmed yet. */
  masked: z.boolean(),
  mediaId: z.string().nullable(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  isRead: z.boolean(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatRoomSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  providerId: z.uuid(),
  bookingId: z.uuid().nullable(),
  customerUserId: z.uuid(),
  providerUserId: z.uuid(),
  counterpart: z.object({ userId: z.uuid(), name: z.string().nullable() }),
  lastSeq: z.number().int(),
  lastMessageAt: z.string().nullable(),
  lastMessage: chatMessageSchema.nullable(),
  unreadCount: z.number().int(),
  createdAt: z.string(),
});
export type ChatRoom = z.infer<typeof chatRoomSchema>;

export const chatRoomListSchema = z.object({ items: z.array(chatRoomSchema) });

export const roomIdParams = z.object({ id: z.uuid() });

export const listMessagesQuery = z
  .object({
    afterSeq: z.coerce.number().int().min(0).optional(),
    beforeSeq: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .refine((q) => q.afterSeq === undefined || q.beforeSeq === undefined, { message: 'Use afterSeq or beforeSeq, not both' });

export const messageListSchema = z.object({ items: z.array(chatMessageSchema), lastSeq: z.number().int() });

export const sendMessagePayload = z
  .strictObject({
    roomId: z.uuid(),
    clientMessageId: z.string().min(1).max(64),
    type: messageTypeSchema,
    content: z.string().trim().min(1).max(4000).optional(),
    mediaId: z.string().min(1).max(200).optional(),
    location: chatLocationSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.type === 'TEXT' && !m.content)
      ctx.addIssue({ code: 'custom', path: ['content'], message: 'A text message needs content' });
    if (m.type === 'IMAGE' && !m.mediaId)
      ctx.addIssue({ code: 'custom', path: ['mediaId'], message: 'An image message needs mediaId' });
    if (m.type === 'LOCATION' && !m.location) {
      ctx.addIssue({ code: 'custom', path: ['location'], message: 'A location message needs location' });
    }
  });
export type SendMessagePayload = z.infer<typeof sendMessagePayload>;

/** A photo uploaded for chat (POST /api/chat/rooms/:id/media); send it with message:send { type: IMAGE, mediaId: id }
 * and show it from GET /api/documents/:id (the room's participants may read it once sent). */
export const chatMediaSchema = z.object({
  id: z.uuid(),
  mimeType: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  sizeBytes: z.number().int(),
});

export const roomPayload = z.strictObject({ roomId: z.uuid() });
export const readPayload = z.strictObject({ roomId: z.uuid(), upToSeq: z.number().int().min(1) });
