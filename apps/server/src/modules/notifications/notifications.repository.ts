import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { bookings } from '../bookings/bookings.tables';
import { subCategories } from '../catalog/catalog.tables';
import { users } from '../users/users.tables';
import { notificationPreferences, notifications, pushDevices } from './notifications.tables';

export type NotificationRow = typeof notifications.$inferSelect;

const micros = sql<string>`(extract(epoch from ${notifications.createdAt}) * 1000000)::bigint`;

export function encodeCursor(us: string, id: string): string {
  return Buffer.from(`${us}|${id}`).toString('base64url');
}
export function decodeCursor(cursor: string): { us: string; id: string } | null {
  const [us, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!us || !id || !/^\d+$/.test(us) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { us, id };
}

/** Reads and writes notifications, notification_preferences and push_devices. */
export function createNotificationsRepository(db: Executor) {
  return {
    async recipient(userId: string) {
      const [row] = await db
        .select({
          id: users.id,
          phone: users.phone,
          email: users.email,
          language: users.preferredLanguage,
          channels: notificationPreferences.channels,
          smsEnabled: notificationPreferences.smsEnabled,
          quietHoursStart: notificationPreferences.quietHoursStart,
          quietHoursEnd: notificationPreferences.quietHoursEnd,
          hasPrefs: sql<boolean>`${notificationPreferences.userId} is not null`,
        })
        .from(users)
        .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
        .where(eq(users.id, userId));
      return row ?? null;
    },

    /** The booked service's catalogue name in `lang`, or null when it has none (the stored English name is used). */
    async serviceNameFor(bookingId: string, lang: string): Promise<string | null> {
      const [row] = await db
        .select({ name: sql<string | null>`${subCategories.nameTranslations} ->> ${lang}` })
        .from(bookings)
        .innerJoin(subCategories, eq(subCategories.id, bookings.subCategoryId))
        .where(eq(bookings.id, bookingId));
      return row?.name ?? null;
    },

    async insert(values: typeof notifications.$inferInsert): Promise<NotificationRow> {
      const [row] = await db.insert(notifications).values(values).returning();
      return row!;
    },

    async get(id: string): Promise<NotificationRow | null> {
      const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
      return row ?? null;
    },

    async markDelivered(id: string, channel: string, status: string): Promise<void> {
      await db
        .update(notifications)
        .set({ deliveries: sql`${notifications.deliveries} || ${JSON.stringify({ [channel]: status })}::jsonb` })
        .where(eq(notifications.id, id));
    },

    async list(userId: string, q: { cursor: { us: string; id: string } | null; limit: number; unreadOnly: boolean }) {
      const conds = [eq(notifications.userId, userId)];
      if (q.unreadOnly) conds.push(isNull(notifications.readAt));
      if (q.cursor) conds.push(sql`(${micros}, ${notifications.id}) < (${q.cursor.us}::bigint, ${q.cursor.id}::uuid)`);
      return db
        .select({ n: notifications, us: micros })
        .from(notifications)
        .where(and(...conds))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(q.limit + 1);
    },

    async markRead(userId: string, id: string): Promise<NotificationRow | null> {
      const [row] = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning();
      return row ?? null;
    },

    async markAllRead(userId: string): Promise<number> {
      const rows = await db
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return rows.length;
    },

    async unreadCount(userId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return Number(row?.n ?? 0);
    },

    async prefs(userId: string) {
      const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
      return row ?? null;
    },

    async savePrefs(userId: string, values: Omit<typeof notificationPreferences.$inferInsert, 'userId' | 'updatedAt'>) {
      await db
        .insert(notificationPreferences)
        .values({ userId, ...values })
        .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...values, updatedAt: new Date() } });
    },

    async devices(userId: string) {
      return db.select().from(pushDevices).where(eq(pushDevices.userId, userId));
    },

    /** A token belongs to the device's current user: registering it again moves it. */
    async addDevice(userId: string, token: string, platform: string) {
      const [row] = await db
        .insert(pushDevices)
        .values({ userId, token, platform, lastSeenAt: new Date() })
        .onConflictDoUpdate({ target: pushDevices.token, set: { userId, platform, lastSeenAt: new Date() } })
        .returning();
      return row!;
    },

    async removeDevice(userId: string, token: string): Promise<number> {
      const rows = await db
        .delete(pushDevices)
        .where(and(eq(pushDevices.userId, userId), eq(pushDevices.token, token)))
        .returning({ id: pushDevices.id });
      return rows.length;
    },

    async forgetToken(token: string): Promise<void> {
      await db.delete(pushDevices).where(eq(pushDevices.token, token));
    },
  };
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
