import { and, asc, desc, eq, gt, inArray, isNotNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor, RawQuery } from '../../db/client';
import { bookings } from '../bookings/bookings.tables';
import { documents, providerProfiles } from '../providers/providers.tables';
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

const asDate = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
const asJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** A raw `messages` row (snake_case, from the hand-written insert) as Drizzle's row type. */
function messageFromRow(r: Record<string, unknown>): MessageRow {
  return {
    id: String(r.id),
    chatRoomId: String(r.chat_room_id),
    seq: Number(r.seq),
    clientMessageId: String(r.client_message_id),
    senderId: String(r.sender_id),
    type: r.type as MessageRow['type'],
    content: (r.content as string | null) ?? null,
    originalContent: (r.original_content as string | null) ?? null,
    detectedLanguage: (r.detected_language as string | null) ?? null,
    translations: asJson<MessageRow['translations']>(r.translations) ?? {},
    mediaUrl: (r.media_url as string | null) ?? null,
    location: asJson<MessageRow['location']>(r.location) ?? null,
    isRead: Boolean(r.is_read),
    readAt: asDate(r.read_at),
    createdAt: asDate(r.created_at)!,
  };
}

/** The insert failed because the room already holds this clientMessageId (a retry, or another node won). */
export function isDuplicateClientId(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } } | null;
  const pgErr = e?.code ? e : e?.cause;
  return pgErr?.code === '23505' && (pgErr.constraint === 'messages_room_client_id_uq' || pgErr.constraint === undefined);
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

    /** An uploaded chat image's owner, or null when `id` is no CHAT_MEDIA document. */
    async chatMediaOwner(id: string): Promise<string | null> {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
      const [row] = await db
        .select({ ownerUserId: documents.ownerUserId })
        .from(documents)
        .where(and(eq(documents.id, id), eq(documents.kind, 'CHAT_MEDIA')));
      return row?.ownerUserId ?? null;
    },

    /** True when `userId` is a participant of a room where the image `mediaId` was sent. */
    async participantSawMedia(userId: string, mediaId: string): Promise<boolean> {
      const rows = await roomSelect(db)
        .innerJoin(messages, eq(messages.chatRoomId, chatRooms.id))
        .where(and(eq(messages.mediaUrl, mediaId), or(eq(cu.id, userId), eq(pu.id, userId))))
        .limit(1);
      return rows.length > 0;
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
     * Stores messages of any number of rooms in one statement: each room's counter moves by its number of
     * new messages and they take the next seqs in the order given. A clientMessageId already stored in its
     * room is skipped (the caller reads the stored one), so the counters move only by what is inserted and
     * seqs stay gap-free. Rooms are locked in id order, so concurrent batches (other nodes) cannot deadlock;
     * a concurrent insert of the same clientMessageId still fails the whole statement (isDuplicateClientId)
     * and nothing of it is written. A message whose room does not exist is not stored (no row for it).
     * Planned on every call, not prepared: a generic plan made while `messages` was small kept scanning it for
     * the duplicate check as it grew (tried; chat bench on a fresh database, p50 at 200 msg/s 5 → 36 ms).
     */
    async insertMessages(run: RawQuery, batch: NewMessage[]): Promise<MessageRow[]> {
      const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
      if (batch.length === 1) {
        // The common case when chat is quiet: the same rules as below for one message, in a statement PostgreSQL
        // plans in a third of the time (≈ 0.2 against 0.65 ms here, about half of what the insert costs it).
        const m = batch[0]!;
        const { rows } = await run(
          `with s as (update chat_rooms set last_seq = last_seq + 1, last_message_at = now()
                      where id = $1 and not exists (select 1 from messages where chat_room_id = $1 and client_message_id = $2)
                      returning last_seq)
           insert into messages (chat_room_id, seq, client_message_id, sender_id, type, content, original_content,
                                 detected_language, translations, media_url, location)
           select $1, s.last_seq, $2, $3, $4, $5, $6, $7, $8, $9, $10 from s
           returning *`,
          [
            m.chatRoomId,
            m.clientMessageId,
            m.senderId,
            m.type,
            m.content ?? null,
            m.originalContent ?? null,
            m.detectedLanguage ?? null,
            json(m.translations ?? {}),
            m.mediaUrl ?? null,
            json(m.location),
          ],
        );
        return rows.map(messageFromRow);
      }
      // One array per column, not one JSON document: the planner knows how many rows `unnest` of a bound
      // array yields, so a single message probes the indexes. jsonb_to_recordset is always guessed at 100
      // rows, which made PostgreSQL hash the whole messages table for every quiet-time message while it held
      // fewer than ~25,000 rows (bench/results/chat.md).
      const { rows } = await run(
        // The type travels as text[]: PGlite serialises arrays of types it knew when it opened, and an enum made
        // by the migrations of a new database is not one of them (its array went out as "TEXT", malformed).
        `with x as (select x.* from unnest($1::int[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[],
                                          $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::jsonb[])
                      as x(ord, chat_room_id, client_message_id, sender_id, type, content, original_content,
                           detected_language, translations, media_url, location)
                    where not exists (select 1 from messages m
                                      where m.chat_room_id = x.chat_room_id and m.client_message_id = x.client_message_id)),
              n as (select chat_room_id, count(*)::int as n from x group by chat_room_id),
              locked as (select r.id from chat_rooms r where r.id in (select chat_room_id from n) order by r.id for update),
              s as (update chat_rooms r set last_seq = r.last_seq + n.n, last_message_at = now()
                    from n where r.id = n.chat_room_id and r.id in (select id from locked)
                    returning r.id, r.last_seq, n.n)
         insert into messages (chat_room_id, seq, client_message_id, sender_id, type, content, original_content,
                               detected_language, translations, media_url, location)
         select x.chat_room_id, s.last_seq - s.n + row_number() over (partition by x.chat_room_id order by x.ord),
                x.client_message_id, x.sender_id, x.type::message_type, x.content, x.original_content, x.detected_language,
                coalesce(x.translations, '{}'::jsonb), x.media_url, x.location
         from x join s on s.id = x.chat_room_id
         order by x.ord
         returning *`,
        [
          batch.map((_, i) => i + 1),
          batch.map((m) => m.chatRoomId),
          batch.map((m) => m.clientMessageId),
          batch.map((m) => m.senderId),
          batch.map((m) => m.type),
          batch.map((m) => m.content ?? null),
          batch.map((m) => m.originalContent ?? null),
          batch.map((m) => m.detectedLanguage ?? null),
          batch.map((m) => json(m.translations ?? {})),
          batch.map((m) => m.mediaUrl ?? null),
          batch.map((m) => json(m.location)),
        ],
      );
      return rows.map(messageFromRow);
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
