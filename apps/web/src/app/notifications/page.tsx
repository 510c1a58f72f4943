'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { useUnreadNotifications } from '../../components/notification-bell';
import { ErrorNote, Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationItem,
  notificationLink,
} from '../../lib/api-notifications';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useSocketEvent } from '../../lib/socket';
import '../../styles/notifications.css';

/** The notification centre: newest first, live, mark one or all read, links to the booking or chat. */
export default function NotificationsPage() {
  const { t, locale } = useI18n();
  const { user, ready } = useSession();
  const router = useRouter();
  const unread = useUnreadNotifications();
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (more?: string) => {
    setError(null);
    try {
      const page = await listNotifications(more);
      setItems((list) => (more && list ? [...list, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    if (user) void load();
  }, [user, load]);
  useSocketEvent('notification:created', (n) => {
    setItems((list) => (list && !list.some((x) => x.id === n.id) ? [n, ...list] : list));
  });

  const markOne = async (n: NotificationItem) => {
    if (n.readAt) return;
    const updated = await markNotificationRead(n.id);
    setItems((list) => list?.map((x) => (x.id === n.id ? updated : x)) ?? null);
    unread.refresh();
  };
  const markAll = async () => {
    setBusy(true);
    try {
      await markAllNotificationsRead();
      const now = new Date().toISOString();
      setItems((list) => list?.map((x) => (x.readAt ? x : { ...x, readAt: now })) ?? null);
      unread.set(0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const open = async (n: NotificationItem, href: string) => {
    await markOne(n).catch(() => undefined);
    router.push(href);
  };

  if (!ready) return <Loading />;
  if (!user)
    return (
      <section>
        <h1>{t('notifications.title')}</h1>
        <p>{t('common.signInFirst')}</p>
        <Link className="btn" href="/login?next=/notifications">
          {t('nav.signIn')}
        </Link>
      </section>
    );
  const anyUnread = items?.some((n) => !n.readAt) ?? false;
  return (
    <section>
      <div className="notifications-head">
        <h1>{t('notifications.title')}</h1>
        {anyUnread && (
          <button type="button" className="btn secondary" onClick={() => void markAll()} disabled={busy}>
            {t('notifications.markAll')}
          </button>
        )}
      </div>
      {error !== null && <ErrorNote error={error} onRetry={() => void load()} />}
      {items === null && error === null && <Loading />}
      {items?.length === 0 && <p>{t('notifications.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="list">
          {items.map((n) => {
            const href = notificationLink(n, user.role);
            return (
              <li key={n.id} className={`card notification ${n.readAt ? 'read' : 'unread'}`} data-type={n.type}>
                <h2>
                  {!n.readAt && <span className="sr-only">{t('notifications.unread')}: </span>}
                  {n.title}
                </h2>
                <p>{n.body}</p>
                <time className="muted" dateTime={n.createdAt}>
                  {formatDateTime(n.createdAt, locale)}
                </time>
                <div className="btn-row">
                  {href && (
                    <button type="button" className="btn secondary" onClick={() => void open(n, href)}>
                      {t('notifications.open')}
                    </button>
                  )}
                  {!n.readAt && (
                    <button type="button" className="link" onClick={() => void markOne(n).catch(setError)}>
                      {t('notifications.markRead')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {cursor && (
        <button type="button" className="btn secondary" onClick={() => void load(cursor)}>
          {t('notifications.more')}
        </button>
      )}
    </section>
  );
}
