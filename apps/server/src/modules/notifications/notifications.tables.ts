import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from '../../db/columns';
import { users } from '../users/users.tables';

/** In-app notification centre. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    readAt: tstz(),
    createdAt: createdAt(),
    /** Per channel: when it went out (or why not), so a retried delivery job never sends twice. */
    deliveries: jsonb().$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** What the local SMS/email/push adapters "sent" (dev inbox). */
export const devOutbox = pgTable(
  'dev_outbox',
  {
    id: id(),
    channel: text().notNull(),
    to: text().notNull(),
    subject: text(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('dev_outbox_to_idx').on(t.to, t.createdAt)],
);

export const pushDevices = pgTable(
  'push_devices',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    token: text().notNull(),
    platform: text().notNull().default('web'),
    createdAt: createdAt(),
    lastSeenAt: tstz(),
  },
  (t) => [uniqueIndex('push_devices_token_uq').on(t.token), index('push_devices_user_idx').on(t.userId)],
);

/** Per event type and channel; quiet hours in Asia/Kolkata "HH:MM". */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  channels: jsonb()
    .$type<Record<string, { inApp?: boolean; push?: boolean; sms?: boolean; email?: boolean }>>()
    .notNull()
    .default({}),
  quietHoursStart: text(),
  quietHoursEnd: text(),
  smsEnabled: boolean().notNull().default(true),
  updatedAt: updatedAt(),
});
