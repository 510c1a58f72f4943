import { and, asc, desc, eq, gt, inArray, isNotNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from '../../db/client';
import { bookings } from '../bookings/bookings.tables';
import { providerProfiles } from '../providers/providers.tables';
import { customerProfiles, users } from '../users/users.tables';
import { chatRooms, messages } from './chat.tables';

export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = Omit<typeof messages.$inferInsert, 'seq' | 'id' | 'createdAt'>;

export interface RoomInfo {
  id: string;
  customerId: string;
  providerId: string;
  bookingId: string | null;
  lastSeq: number;
  lastMessageAt: Date | null;
  createdAt: Date;
  customerUserId: string;
  providerUserId: string;
  customerName: string | null;
  providerName: string | null;
  customerLanguage: 'en' | 'hi';
  providerLanguage: 'en' | 'hi';
}

const cu = alias(users, 'cu');
const pu = alias(users, 'pu');

function roomSelect(db: Executor) {
  return db
    .select({
      id: chatRooms.id,
      customerId: chatRooms.customerId,
      providerId: chatRooms.providerId,
      bookingId: chatRooms.bookingId,
      lastSeq: chatRooms.lastSeq,
      lastMessageAt: chatRooms.lastMessageAt,
      createdAt: chatRooms.createdAt,
      customerUserId: cu.id,
      providerUserId: pu.id,
      customerName: cu.name,
      providerName: sql<string | null>`coalesce(${providerProfiles.businessName}, ${pu.name})`,
      customerLanguage: cu.preferredLanguage,
      providerLanguage: pu.preferredLanguage,
    })
    .from(chatRooms)
    .innerJoin(customerProfiles, eq(customerProfiles.id, chatRooms.customerId))
    .innerJoin(cu, eq(cu.id, customerProfiles.userId))
    .innerJoin(providerProfiles, eq(providerProfiles.id, chatRooms.providerId))
    .innerJoin(pu, eq(pu.id, providerProfiles.userId));
}

/** Reads and writes chat_rooms and messages; joins users/profiles/bookings read-only. */
export function createChatRepository(db: Executor) {
  return {
    async getRoom(roomId: string): Promise<RoomInfo | null> {
      const [row] = await roomSelect(db).where(eq(chatRooms.id, roomId)).limit(1);
      return row ?? null;
    },

    async roomsFor(who: { customerId: string | null; providerId: string | null }): Promise<RoomInfo[]> {
      const conds = [];
      if (who.customerId) conds.push(eq(chatRooms.customerId, who.customerId));
      if (who.providerId) conds.push(eq(chatRooms.providerId, who.providerId));
      if (conds.length === 0) return [];
      return roomSelect(db)
        .where(or(...conds))
        .orderBy(sql`${chatRooms.lastMessageAt} desc nulls last`, desc(chatRooms.createdAt))
        .limit(200);
    },

    /** Creates the pair's room or returns the existing one (one room per customer–provider pair). */
    async ensureRoom(customerId: string, providerId: string, bookingId: string | null): Promise<string> {
      const [created] = await db
        .insert(chatRooms)
        .values({ customerId, providerId, bookingId })
        .onConflictDoNothing({ target: [chatRooms.customerId, chatRooms.providerId] })
        .returning({ id: chatRooms.id });
      if (created) return created.id;
      const [existing] = await db
        .select({ id: chatRooms.id, bookingId: chatRooms.bookingId })
        .from(chatRooms)
        .where(and(eq(chatRooms.customerId, customerId), eq(chatRooms.providerId, providerId)));
      if (bookingId && existing!.bookingId !== bookingId) {
        await db.update(chatRooms).set({ bookingId }).where(eq(chatRooms.id, existing!.id));
      }
      return existing!.id;
    },

    async providerExists(providerId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: providerProfiles.id })
        .from(providerProfiles)
        .where(eq(providerProfiles.id, providerId));
      return !!row;
    },

    async bookingParties(bookingId: string) {
      const [row] = await db
        .select({ customerId: bookings.customerId, providerId: bookings.providerId })
        .from(bookings)
        .where(eq(bookings.id, bookingId));
      return row ?? null;
    },

    /** True once any booking between the pair has been confirmed (contacts may then be shared). */
    async pairHasConfirmedBooking(customerId: string, providerId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: bookings.id })
        .from(bookings)
        .where(
          and(
            eq(bookings.customerId, customerId),
            eq(bookings.providerId, providerId),
            isNotNull(bookings.confirmedAt),
            inArray(bookings.status, ['CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'DISPUTED']),
          ),
        )
        .limit(1);
      return !!row;
    },

    async findByClientId(roomId: string, clientMessageId: string): Promise<MessageRow | null> {
      const [row] = await db
        .select()
        .from(messages)
        .where(and(eq(messages.chatRoomId, roomId), eq(messages.clientMessageId, clientMessageId)));
      return row ?? null;
    },

    /**
     * Assigns the room's next seq and stores the message in `tx`. Returns null when the
     * clientMessageId is already stored (a concurrent retry won): the caller rolls back and reads it.
     */
    async insertMessage(tx: Tx, m: NewMessage): Promise<MessageRow | null> {
      const [room] = await tx
        .update(chatRooms)
        .set({ lastSeq: sql`${chatRooms.lastSeq} + 1`, lastMessageAt: sql`now()` })
        .where(eq(chatRooms.id, m.chatRoomId))
        .returning({ seq: chatRooms.lastSeq });
      const [row] = await tx
        .insert(messages)
        .values({ ...m, seq: room!.seq })
        .onConflictDoNothing({ target: [messages.chatRoomId, messages.clientMessageId] })
        .returning();
      return row ?? null;
    },

    async listMessages(roomId: string, q: { afterSeq?: number; beforeSeq?: number; limit: number }): Promise<MessageRow[]> {
      if (q.beforeSeq !== undefined) {
        const rows = await db
          .select()
          .from(messages)
          .where(and(eq(messages.chatRoomId, roomId), lt(messages.seq, q.beforeSeq)))
          .orderBy(desc(messages.seq))
          .limit(q.limit);
        return rows.reverse();
      }
      return db
        .select()
        .from(messages)
        .where(and(eq(messages.chatRoomId, roomId), gt(messages.seq, q.afterSeq ?? 0)))
        .orderBy(asc(messages.seq))
        .limit(q.limit);
    },

    async lastMessages(roomIds: string[]): Promise<MessageRow[]> {
      if (roomIds.length === 0) return [];
      return db
        .select({ m: messages })
        .from(messages)
        .innerJoin(chatRooms, and(eq(chatRooms.id, messages.chatRoomId), eq(chatRooms.lastSeq, messages.seq)))
        .where(inArray(messages.chatRoomId, roomIds))
        .then((rows) => rows.map((r) => r.m));
    },

    async unreadCounts(roomIds: string[], userId: string): Promise<Map<string, number>> {
      if (roomIds.length === 0) return new Map();
      const rows = await db
        .select({ roomId: messages.chatRoomId, n: sql<number>`count(*)::int` })
        .from(messages)
        .where(and(inArray(messages.chatRoomId, roomIds), ne(messages.senderId, userId), eq(messages.isRead, false)))
        .groupBy(messages.chatRoomId);
      return new Map(rows.map((r) => [r.roomId, Number(r.n)]));
    },

    /** Marks the other side's messages up to `upToSeq` read; returns how many changed. */
    async markRead(roomId: string, readerId: string, upToSeq: number): Promise<number> {
      const rows = await db
        .update(messages)
        .set({ isRead: true, readAt: sql`now()` })
        .where(
          and(
            eq(messages.chatRoomId, roomId),
            lte(messages.seq, upToSeq),
            ne(messages.senderId, readerId),
            eq(messages.isRead, false),
          ),
        )
        .returning({ id: messages.id });
      return rows.length;
    },
  };
}
export type ChatRepository = ReturnType<typeof createChatRepository>;
