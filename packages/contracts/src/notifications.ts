import { z } from 'zod';

export const notificationChannelSchema = z.enum(['inApp', 'push', 'sms', 'email']);

export const notificationSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  data: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationItem = z.infer<typeof notificationSchema>;

export const listNotificationsQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unreadOnly: z.enum(['true', 'false']).optional(),
});
export const notificationListSchema = z.object({ items: z.array(notificationSchema), nextCursor: z.string().nullable() });
export const notificationIdParams = z.object({ id: z.uuid() });
export const unreadCountSchema = z.object({ count: z.number().int() });
export const readAllSchema = z.object({ updated: z.number().int() });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour, India time)');
export const channelToggles = z.strictObject({
  inApp: z.boolean().optional(),
  push: z.boolean().optional(),
  sms: z.boolean().optional(),
  email: z.boolean().optional(),
});

/** Per notification type, which channels are on; quiet hours are India time (Asia/Kolkata). */
export const notificationPreferencesSchema = z.object({
  channels: z.record(z.string(), z.object({ inApp: z.boolean(), push: z.boolean(), sms: z.boolean(), email: z.boolean() })),
  quietHours: z.object({ start: hhmm, end: hhmm }).nullable(),
  smsEnabled: z.boolean(),
});
export const updateNotificationPreferencesBody = z.strictObject({
  channels: z.record(z.string(), channelToggles).optional(),
  quietHours: z.strictObject({ start: hhmm, end: hhmm }).nullable().optional(),
  smsEnabled: z.boolean().optional(),
});

export const registerDeviceBody = z.strictObject({
  token: z.string().min(10).max(4096),
  platform: z.enum(['android', 'ios', 'web']),
});
export const deviceSchema = z.object({ id: z.uuid(), platform: z.string(), createdAt: z.string() });
export const deviceTokenParams = z.object({ token: z.string().min(10).max(4096) });
