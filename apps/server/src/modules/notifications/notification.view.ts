import type { NotificationItem } from '@localpro/contracts';
import type { NotificationRow } from './notifications.repository';

export function notificationView(row: NotificationRow): NotificationItem {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    body: row.body,
    data: row.data,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
