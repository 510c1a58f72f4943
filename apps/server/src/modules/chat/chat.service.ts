import type { ChatMessage, ChatRoom, SendMessagePayload } from '@localpro/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import type { Actor } from '../../http/auth';
import type { TranslationResult, Translator } from '../../integrations/translation/port';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { assertAdminChatAccess } from '../disputes/admin-chat-access';
import type { Notifier } from '../notifications/notify';
import { createChatRepository, type MessageRow, type RoomInfo } from './chat.repository';
import { messageView, participantViewer, type Viewer } from './chat.view';
import { createMessageWriter } from './chat.writer';
import { maskContacts } from './masking';

export interface PresenceLookup {
  isOnline(userId: string): Promise<boolean>;
}

const isAdmin = (actor: Actor) => actor.role === 'ADMIN' && actor.secondFactor;

export interface SentMessage {
  room: RoomInfo;
  row: MessageRow;
  duplicate: boolean;
  /** Whether the recipient's view hides contacts (no confirmed booking between the pair yet). */
  mask: boolean;
}

export function createChatService(deps: {
  database: Database;
  translator: Translator;
  notifier: Notifier;
  presence: PresenceLookup;
  config: Pick<Config, 'CHAT_MASK_CONTACTS'>;
}) {
  const repo = createChatRepository(deps.database.db);
  const writer = createMessageWriter({ database: deps.database, repo });

  async function maskFor(room: RoomInfo): Promise<boolean> {
    if (!deps.config.CHAT_MASK_CONTACTS) return false;
    return !(await repo.pairHasConfirmedBooking(room.customerId, room.providerId));
  }

  function viewerFor(actor: Actor, room: RoomInfo): Viewer {
    if (actor.userId === room.customerUserId || actor.userId === room.providerUserId)
      return participantViewer(room, actor.userId);
    return { userId: actor.userId, language: actor.language, isAdmin: true };
  }

  /** The room if `actor` is one of its two participants, or an admin (second factor) handling the pair's dispute; else NOT_FOUND. */
  async function accessRoom(actor: Actor, roomId: string): Promise<RoomInfo> {
    const room = await repo.getRoom(roomId);
    if (!room) throw notFound('Chat room');
    if (actor.userId === room.customerUserId || actor.userId === room.providerUserId) return room;
    if (isAdmin(actor)) return assertAdminChatAccess(deps.database.db, actor, room); // 403 ADMIN_CHAT_NO_DISPUTE otherwise
    throw notFound('Chat room');
  }

  async function roomView(
    actor: Actor,
    room: RoomInfo,
    last: MessageRow | null,
    unread: number,
    mask: boolean,
  ): Promise<ChatRoom> {
    const viewer = viewerFor(actor, room);
    const counterpartIsProvider = actor.userId !== room.providerUserId;
    return {
      id: room.id,
      customerId: room.customerId,
      providerId: room.providerId,
      bookingId: room.bookingId,
      customerUserId: room.customerUserId,
      providerUserId: room.providerUserId,
      counterpart: counterpartIsProvider
        ? { userId: room.providerUserId, name: room.providerName }
        : { userId: room.customerUserId, name: room.customerName },
      lastSeq: room.lastSeq,
      lastMessageAt: room.lastMessageAt?.toISOString() ?? null,
      lastMessage: last ? messageView(last, viewer, mask) : null,
      unreadCount: unread,
      createdAt: room.createdAt.toISOString(),
    };
  }

  async function translationsFor(text: string, detected: ReturnType<Translator['detect']>, room: RoomInfo) {
    const targets = new Set<'en' | 'hi'>([room.customerLanguage, room.providerLanguage]);
    const out: Record<string, TranslationResult> = {};
    for (const to of targets) {
      if (to === detected) continue;
      out[to] = await deps.translator.translate(text, detected, to);
    }
    return out;
  }

  return {
    accessRoom,
    viewerFor,
    maskFor,

    /** NOT_FOUND unless `actor` may use the room (participants; admins handling a dispute). */
    async assertRoomAccess(actor: Actor, roomId: string): Promise<void> {
      await accessRoom(actor, roomId);
    },

    /** Documents view rule for CHAT_MEDIA: the participants of a room the image was sent in (and admins). */
    async canSeeMedia(actor: Actor | null, doc: { id: string }): Promise<boolean> {
      if (!actor) return false;
      return repo.participantSawMedia(actor.userId, doc.id);
    },

    async createRoom(actor: Actor, body: { providerId: string; bookingId?: string }): Promise<ChatRoom> {
      // A provider may open the room of one of their bookings (to message that customer); otherwise customers only.
      if (actor.role === 'PROVIDER' && actor.providerId && body.bookingId) {
        const parties = await repo.bookingParties(body.bookingId);
        if (!parties || parties.providerId !== actor.providerId || body.providerId !== actor.providerId)
          throw notFound('Booking');
        const roomId = await repo.ensureRoom(parties.customerId, parties.providerId, body.bookingId);
        const room = (await repo.getRoom(roomId))!;
        const [last] = await repo.lastMessages([roomId]);
        const unread = (await repo.unreadCounts([roomId], actor.userId)).get(roomId) ?? 0;
        return roomView(actor, room, last ?? null, unread, await maskFor(room));
      }
      if (actor.role !== 'CUSTOMER' || !actor.customerId) throw forbidden('Only customers start a chat with a provider');
      if (!(await repo.providerExists(body.providerId))) throw notFound('Provider');
      if (body.bookingId) {
        const parties = await repo.bookingParties(body.bookingId);
        if (!parties || parties.customerId !== actor.customerId || parties.providerId !== body.providerId) {
          throw notFound('Booking');
        }
      }
      const roomId = await repo.ensureRoom(actor.customerId, body.providerId, body.bookingId ?? null);
      const room = (await repo.getRoom(roomId))!;
      const [last] = await repo.lastMessages([roomId]);
      const unread = (await repo.unreadCounts([roomId], actor.userId)).get(roomId) ?? 0;
      return roomView(actor, room, last ?? null, unread, await maskFor(room));
    },

    async listRooms(actor: Actor): Promise<ChatRoom[]> {
      const rooms = await repo.roomsFor({ customerId: actor.customerId, providerId: actor.providerId });
      const ids = rooms.map((r) => r.id);
      const [lasts, unread] = await Promise.all([repo.lastMessages(ids), repo.unreadCounts(ids, actor.userId)]);
      const lastByRoom = new Map(lasts.map((m) => [m.chatRoomId, m]));
      return Promise.all(
        rooms.map(async (r) => roomView(actor, r, lastByRoom.get(r.id) ?? null, unread.get(r.id) ?? 0, await maskFor(r))),
      );
    },

    async listMessages(actor: Actor, roomId: string, q: { afterSeq?: number; beforeSeq?: number; limit: number }) {
      const room = await accessRoom(actor, roomId);
      const [rows, mask] = await Promise.all([repo.listMessages(roomId, q), maskFor(room)]);
      const viewer = viewerFor(actor, room);
      return { items: rows.map((r) => messageView(r, viewer, mask)), lastSeq: room.lastSeq };
    },

    /**
     * Stores a message once per (room, clientMessageId): a retry returns the stored one (duplicate: true).
     * The seq comes from the room row's counter in the same transaction, so seqs are gap-free per room
     * (a retry's insert conflicts, the transaction rolls back with its seq bump, and the stored row is read).
     * Messages arriving for one room while a write is in flight share the next transaction (chat.writer.ts).
     */
    async sendMessage(actor: Actor, p: SendMessagePayload, knownRoom?: RoomInfo): Promise<SentMessage> {
      const room = knownRoom ?? (await accessRoom(actor, p.roomId));
      // An image must be one the sender uploaded through POST /api/chat/rooms/:id/media.
      if (p.mediaId && (await repo.chatMediaOwner(p.mediaId)) !== actor.userId) {
        throw new AppError('VALIDATION_FAILED', 'Upload the photo first', {
          details: [{ path: 'mediaId', message: 'Not a photo you uploaded to chat' }],
        });
      }
      const text = p.type === 'TEXT' ? (p.content ?? '') : (p.content ?? null);
      // Masking only matters when the text holds a contact; skip the booking lookup otherwise.
      const mask = text && maskContacts(text).masked ? await maskFor(room) : false;
      const detected = text ? deps.translator.detect(text) : null;
      if (deps.translator.remote) {
        // A retry must not pay for a second vendor translation.
        const existing = await repo.findByClientId(room.id, p.clientMessageId);
        if (existing) return { room, row: existing, duplicate: true, mask };
      }
      const translations = text && detected ? await translationsFor(text, detected, room) : {};
      const recipients = [room.customerUserId, room.providerUserId].filter((id) => id !== actor.userId);
      const offline = (await Promise.all(recipients.map(async (id) => ((await deps.presence.isOnline(id)) ? null : id)))).filter(
        (id): id is string => id !== null,
      );

      const { row, duplicate } = await writer.write({
        values: {
          chatRoomId: room.id,
          clientMessageId: p.clientMessageId,
          senderId: actor.userId,
          type: p.type,
          content: text ? maskContacts(text).text : null,
          originalContent: text,
          detectedLanguage: detected,
          translations,
          mediaUrl: p.mediaId ?? null,
          location: p.location ?? null,
        },
        // Only an offline recipient needs a notification job in the message's transaction.
        afterInsert:
          offline.length === 0
            ? undefined
            : async (tx, inserted) => {
                for (const userId of offline) {
                  const viewer = participantViewer(room, userId);
                  const preview = messageView(inserted, viewer, mask).content ?? (p.type === 'IMAGE' ? '📷' : '📍');
                  await deps.notifier.notify(tx, {
                    userId,
                    type: 'CHAT_MESSAGE',
                    data: {
                      roomId: room.id,
                      seq: inserted.seq,
                      senderName: actor.userId === room.customerUserId ? room.customerName : room.providerName,
                      preview: preview.length > 80 ? `${preview.slice(0, 79)}…` : preview,
                    },
                  });
                }
              },
      });
      if (!duplicate) return { room: { ...room, lastSeq: row.seq }, row, duplicate, mask };
      const storedMask = row.originalContent && maskContacts(row.originalContent).masked ? await maskFor(room) : false;
      return { room, row, duplicate, mask: storedMask };
    },

    viewForUser(sent: SentMessage, userId: string): ChatMessage {
      return messageView(sent.row, participantViewer(sent.room, userId), sent.mask);
    },

    adminView(sent: SentMessage): ChatMessage {
      return messageView(sent.row, { userId: '', language: 'en', isAdmin: true }, false);
    },

    async markRead(actor: Actor, roomId: string, upToSeq: number, knownRoom?: RoomInfo) {
      const room = knownRoom ?? (await accessRoom(actor, roomId));
      const participant = actor.userId === room.customerUserId || actor.userId === room.providerUserId;
      // An admin reading a dispute does not tick the parties' messages as read.
      const updated = participant ? await repo.markRead(room.id, actor.userId, upToSeq) : 0;
      return { room, updated, readAt: new Date().toISOString() };
    },
  };
}
export type ChatService = ReturnType<typeof createChatService>;
