/** The notification centre and notification preferences (live updates: notification:created via lib/socket.tsx). */
import type {
  NotificationItem,
  notificationListSchema,
  notificationPreferencesSchema,
  readAllSchema,
  unreadCountSchema,
  updateNotificationPreferencesBody,
} from '@localpro/contracts';
import type { z } from 'zod';
import { request } from './api';

export type { NotificationItem };
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export type NotificationPreferencesUpdate = z.infer<typeof updateNotificationPreferencesBody>;

export const listNotifications = (cursor?: string) =>
  request<z.infer<typeof notificationListSchema>>('/notifications', { query: { cursor, limit: 20 } });
export const unreadNotificationCount = () => request<z.infer<typeof unreadCountSchema>>('/notifications/unread-count');
export const markNotificationRead = (id: string) => request<NotificationItem>(`/notifications/${id}/read`, { method: 'POST' });
export const markAllNotificationsRead = () =>
  request<z.infer<typeof readAllSchema>>('/notifications/read-all', { method: 'POST' });
export const getNotificationPreferences = () => request<NotificationPreferences>('/me/notification-preferences');
export const updateNotificationPreferences = (body: NotificationPreferencesUpdate) =>
  request<NotificationPreferences>('/me/notification-preferences', { method: 'PUT', body });

/** Where a notification leads in the app (its chat room, booking, or the provider page it concerns), or null. */
export function notificationLink(n: NotificationItem, role: string | undefined): string | null {
  const roomId = typeof n.data.roomId === 'string' ? n.data.roomId : null;
  if (roomId) return `/chat/${roomId}`;
  const bookingId = typeof n.data.bookingId === 'string' ? n.data.bookingId : null;
  if (role === 'ADMIN') {
    if (n.type === 'REFUND_FAILED') return '/admin/money?refunds=FAILED';
    if (n.type === 'BOOKING_DISPUTED' && bookingId) return `/admin/disputes/${bookingId}`;
    if (n.type === 'PROVIDER_SUBMITTED') return '/admin/providers';
    return bookingId ? `/admin/bookings/${bookingId}` : null;
  }
  if (role === 'PROVIDER') {
    if (n.type.startsWith('PAYOUT_')) return '/pro/earnings';
    if (n.type === 'REVIEW_RECEIVED') return '/pro/reviews';
    if (n.type.startsWith('PROVIDER_') || n.type.startsWith('BACKGROUND_CHECK_') || n.type === 'KYC_VERIFIED')
      return '/pro/status';
  }
  // Customers have a page per booking; a provider's bookings are cards on the dashboard.
  if (bookingId) return role === 'PROVIDER' ? `/pro#booking-${bookingId}` : `/bookings/${bookingId}`;
  return null;
}
