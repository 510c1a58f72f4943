import { boolean, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns';
import { bookings } from '../bookings/bookings.tables';
import { providerProfiles } from '../providers/providers.tables';
import { customerProfiles, users } from '../users/users.tables';

export const messageType = pgEnum('message_type', ['TEXT', 'IMAGE', 'LOCATION', 'SYSTEM']);

export const chatRooms = pgTable(
  'chat_rooms',
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customerProfiles.id),
    providerId: uuid()
      .notNull()
      .references(() => providerProfiles.id),
    bookingId: uuid().references(() => bookings.id),
    lastSeq: integer().notNull().default(0),
    lastMessageAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('chat_rooms_pair_uq').on(t.customerId, t.providerId), index('chat_rooms_provider_idx').on(t.providerId)],
);

export const messages = pgTable(
  'messages',
  {
    id: id(),
    chatRoomId: uuid()
      .notNull()
      .references(() => chatRooms.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    clientMessageId: text().notNull(),
    senderId: uuid()
      .notNull()
      .references(() => users.id),
    type: messageType().notNull(),
    /** As typed, possibly masked (phones/UPI ids before confirmation). */
    content: text(),
    /** The sender's original text, unmasked; shown only to the sender and admins handling disputes. */
    originalContent: text(),
    detectedLanguage: text(),
    translations: jsonb().$type<Record<string, { text: string; translated: boolean }>>().notNull().default({}),
    mediaUrl: text(),
    location: jsonb().$type<{ lat: number; lng: number }>(),
    isRead: boolean().notNull().default(false),
    readAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_room_seq_uq').on(t.chatRoomId, t.seq),
    uniqueIndex('messages_room_client_id_uq').on(t.chatRoomId, t.clientMessageId),
  ],
);

export const bookingLocations = pgTable('booking_locations', {
  bookingId: uuid()
    .primaryKey()
    .references(() => bookings.id, { onDelete: 'cascade' }),
  lat: doublePrecision().notNull(),
  lng: doublePrecision().notNull(),
  updatedAt: tstz().notNull().defaultNow(),
});
