'use client';

import Link from 'next/link';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { unreadNotificationCount } from '../lib/api-notifications';
import { useSession } from '../lib/session';
import { useSocketConnect, useSocketEvent } from '../lib/socket';
import '../styles/notifications.css';

interface Unread {
  count: number;
  /** Refetch the count (after marking read on the notifications page). */
  refresh: () => void;
  set: (n: number) => void;
}
const UnreadContext = createContext<Unread>({ count: 0, refresh: () => undefined, set: () => undefined });

/** Holds the unread notification count for the header bell and the notifications page (live). */
export function UnreadNotificationsProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [count, setCount] = useState(0);
  const refresh = useCallback(() => {
    if (!user) return;
    void unreadNotificationCount()
      .then((r) => setCount(r.count))
      .catch(() => undefined);
  }, [user]);
  useEffect(() => {
    if (user) refresh();
    else setCount(0);
  }, [user, refresh]);
  useSocketEvent('notification:created', (n) => {
    if (!n.readAt) setCount((c) => c + 1);
  });
  useSocketConnect((isReconnect) => {
    if (isReconnect) refresh();
  });
  const value = useMemo(() => ({ count, refresh, set: setCount }), [count, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export const useUnreadNotifications = () => useContext(UnreadContext);

/** The header bell: links to /notifications, shows the unread count. */
export function NotificationBell() {
  const { t } = useI18n();
  const { count } = useUnreadNotifications();
  const label = count > 0 ? t('notifications.bellUnread', { n: count }) : t('notifications.bell');
  return (
    <Link href="/notifications" className="bell" aria-label={label} title={label} data-unread={count}>
      <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 && (
        <span className="bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
