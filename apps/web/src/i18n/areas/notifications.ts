import { defineMessages } from './define';

/** Notification centre and header bell. */
export const notificationsMessages = defineMessages(
  {
    'notifications.title': 'Notifications',
    'notifications.bell': 'Notifications',
    'notifications.bellUnread': 'Notifications, {n} unread',
    'notifications.empty': 'No notifications yet.',
    'notifications.markAll': 'Mark all as read',
    'notifications.markRead': 'Mark as read',
    'notifications.unread': 'Unread',
    'notifications.open': 'Open',
    'notifications.more': 'Show older',
  },
  {
    'notifications.title': 'सूचनाएँ',
    'notifications.bell': 'सूचनाएँ',
    'notifications.bellUnread': 'सूचनाएँ, {n} अपठित',
    'notifications.empty': 'अभी कोई सूचना नहीं।',
    'notifications.markAll': 'सभी को पढ़ा हुआ चिह्नित करें',
    'notifications.markRead': 'पढ़ा हुआ चिह्नित करें',
    'notifications.unread': 'अपठित',
    'notifications.open': 'खोलें',
    'notifications.more': 'पुरानी सूचनाएँ',
  },
);
