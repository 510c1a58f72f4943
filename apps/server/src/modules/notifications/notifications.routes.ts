import {
  deviceSchema,
  deviceTokenParams,
  listNotificationsQuery,
  notificationIdParams,
  notificationListSchema,
  notificationPreferencesSchema,
  notificationSchema,
  readAllSchema,
  registerDeviceBody,
  unreadCountSchema,
  updateNotificationPreferencesBody,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth';
import type { NotificationsService } from './notifications.service';

export function notificationsRoutes(deps: { notifications: NotificationsService }): FastifyPluginAsyncZod {
  const svc = deps.notifications;
  return async (app) => {
    const tags = ['notifications'];
    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: 'My notifications, newest first (cursor pages)',
          querystring: listNotificationsQuery,
          response: { 200: notificationListSchema },
        },
      },
      async (req) => svc.list(requireActor(req).userId, req.query),
    );
    app.get(
      '/notifications/unread-count',
      { schema: { tags, summary: 'How many notifications are unread', response: { 200: unreadCountSchema } } },
      async (req) => svc.unreadCount(requireActor(req).userId),
    );
    app.post(
      '/notifications/read-all',
      { schema: { tags, summary: 'Mark every notification read', response: { 200: readAllSchema } } },
      async (req) => svc.markAllRead(requireActor(req).userId),
    );
    app.post(
      '/notifications/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark one notification read',
          params: notificationIdParams,
          response: { 200: notificationSchema },
        },
      },
      async (req) => svc.markRead(requireActor(req).userId, req.params.id),
    );
    app.get(
      '/me/notification-preferences',
      {
        schema: {
          tags,
          summary: 'Channels per notification type and quiet hours',
          response: { 200: notificationPreferencesSchema },
        },
      },
      async (req) => svc.preferences(requireActor(req).userId),
    );
    app.put(
      '/me/notification-preferences',
      {
        schema: {
          tags,
          summary: 'Change channels per type, quiet hours (India time) or the SMS master switch',
          body: updateNotificationPreferencesBody,
          response: { 200: notificationPreferencesSchema },
        },
      },
      async (req) => svc.updatePreferences(requireActor(req).userId, req.body),
    );
    app.post(
      '/me/devices',
      {
        schema: {
          tags,
          summary: 'Register a push token (FCM) for this device',
          body: registerDeviceBody,
          response: { 201: deviceSchema },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.addDevice(requireActor(req).userId, req.body.token, req.body.platform)),
    );
    app.delete(
      '/me/devices/:token',
      {
        schema: {
          tags,
          summary: 'Forget a push token (sign-out on that device)',
          params: deviceTokenParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await svc.removeDevice(requireActor(req).userId, req.params.token);
        return reply.status(204).send(null);
      },
    );
  };
}
