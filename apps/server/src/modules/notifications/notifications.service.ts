import type { Db } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import { notificationView } from './notification.view';
import { createNotificationsRepository, decodeCursor, encodeCursor } from './notifications.repository';
import type { NotificationType } from './notify';
import { CHANNELS, type ChannelToggles, effectiveChannels, NOTIFICATION_TYPES } from './preferences';

export function createNotificationsService(deps: { db: Db }) {
  const repo = createNotificationsRepository(deps.db);

  async function preferences(userId: string) {
    const p = await repo.prefs(userId);
    const stored = p ? { channels: p.channels, smsEnabled: p.smsEnabled } : null;
    const channels: Record<string, ChannelToggles> = {};
    for (const t of NOTIFICATION_TYPES) channels[t] = effectiveChannels(t, stored ? { ...stored, smsEnabled: true } : null);
    return {
      channels,
      quietHours: p?.quietHoursStart && p.quietHoursEnd ? { start: p.quietHoursStart, end: p.quietHoursEnd } : null,
      smsEnabled: p?.smsEnabled ?? true,
    };
  }

  return {
    async list(userId: string, q: { cursor?: string; limit: number; unreadOnly?: 'true' | 'false' }) {
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      if (q.cursor && !cursor) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid');
      const rows = await repo.list(userId, { cursor, limit: q.limit, unreadOnly: q.unreadOnly === 'true' });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => notificationView(r.n)),
        nextCursor: rows.length > q.limit && last ? encodeCursor(String(last.us), last.n.id) : null,
      };
    },

    async markRead(userId: string, id: string) {
      const row = await repo.markRead(userId, id);
      if (!row) throw notFound('Notification');
      return notificationView(row);
    },

    markAllRead: async (userId: string) => ({ updated: await repo.markAllRead(userId) }),
    unreadCount: async (userId: string) => ({ count: await repo.unreadCount(userId) }),
    preferences,

    async updatePreferences(
      userId: string,
      body: {
        channels?: Record<string, Partial<ChannelToggles>>;
        quietHours?: { start: string; end: string } | null;
        smsEnabled?: boolean;
      },
    ) {
      const unknown = Object.keys(body.channels ?? {}).filter((t) => !NOTIFICATION_TYPES.includes(t as NotificationType));
      if (unknown.length) {
        throw new AppError('VALIDATION_FAILED', 'Unknown notification type', {
          details: unknown.map((t) => ({ path: `channels.${t}` })),
        });
      }
      const current = await repo.prefs(userId);
      const channels: Record<string, Partial<ChannelToggles>> = { ...(current?.channels ?? {}) };
      for (const [type, toggles] of Object.entries(body.channels ?? {})) {
        const merged = { ...channels[type] };
        for (const ch of CHANNELS) if (toggles[ch] !== undefined) merged[ch] = toggles[ch];
        channels[type] = merged;
      }
      const quiet =
        body.quietHours === undefined
          ? { start: current?.quietHoursStart ?? null, end: current?.quietHoursEnd ?? null }
          : body.quietHours;
      await repo.savePrefs(userId, {
        channels,
        quietHoursStart: quiet?.start ?? null,
        quietHoursEnd: quiet?.end ?? null,
        smsEnabled: body.smsEnabled ?? current?.smsEnabled ?? true,
      });
      return preferences(userId);
    },

    async addDevice(userId: string, token: string, platform: string) {
      const d = await repo.addDevice(userId, token, platform);
      return { id: d.id, platform: d.platform, createdAt: d.createdAt.toISOString() };
    },

    async removeDevice(userId: string, token: string) {
      if ((await repo.removeDevice(userId, token)) === 0) throw notFound('Device');
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
