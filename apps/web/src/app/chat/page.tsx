'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { ErrorNote, Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { type ChatMessage, type ChatRoom, listChatRooms } from '../../lib/api-chat';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useSocketConnect, useSocketEvent } from '../../lib/socket';
import '../../styles/chat.css';

/** My conversations, newest first, with the last message and unread count; live. */
export default function ChatListPage() {
  const { t, locale } = useI18n();
  const { user, ready } = useSession();
  const [rooms, setRooms] = useState<ChatRoom[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setRooms((await listChatRooms()).items);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    if (user) void load();
  }, [user, load]);
  useSocketConnect((isReconnect) => {
    if (isReconnect) void load();
  });

  useSocketEvent('message:created', (m) => {
    if (!rooms?.some((r) => r.id === m.roomId)) {
      void load();
      return;
    }
    setRooms((list) => {
      if (!list) return list;
      const updated = list.map((r) =>
        r.id !== m.roomId || m.seq <= (r.lastMessage?.seq ?? 0)
          ? r
          : {
              ...r,
              lastMessage: m,
              lastSeq: m.seq,
              lastMessageAt: m.createdAt,
              unreadCount: r.unreadCount + (m.senderId !== user?.id ? 1 : 0),
            },
      );
      return updated.sort((a, b) => (b.lastMessageAt ?? b.createdAt).localeCompare(a.lastMessageAt ?? a.createdAt));
    });
  });
  useSocketEvent('message:read', (e) => {
    if (e.readerId === user?.id) setRooms((list) => list?.map((r) => (r.id === e.roomId ? { ...r, unreadCount: 0 } : r)) ?? null);
  });

  const preview = (m: ChatMessage | null) =>
    !m
      ? t('chat.noMessages')
      : m.type === 'IMAGE'
        ? t('chat.photo')
        : m.type === 'LOCATION'
          ? t('chat.location')
          : (m.content ?? '');

  if (!ready) return <Loading />;
  if (!user)
    return (
      <section>
        <h1>{t('chat.title')}</h1>
        <p>{t('common.signInFirst')}</p>
        <Link className="btn" href="/login?next=/chat">
          {t('nav.signIn')}
        </Link>
      </section>
    );
  return (
    <section>
      <h1>{t('chat.title')}</h1>
      {error !== null && <ErrorNote error={error} onRetry={() => void load()} />}
      {rooms === null && error === null && <Loading />}
      {rooms?.length === 0 && <p>{t('chat.empty')}</p>}
      {rooms && rooms.length > 0 && (
        <ul className="list chat-rooms">
          {rooms.map((r) => (
            <li key={r.id} className="card chat-room-item" data-room={r.id}>
              <Link href={`/chat/${r.id}`} className="chat-room-link">
                <span className="chat-room-name">{r.counterpart.name ?? t('chat.someone')}</span>
                {r.lastMessageAt && (
                  <time className="muted" dateTime={r.lastMessageAt}>
                    {formatDateTime(r.lastMessageAt, locale)}
                  </time>
                )}
                <span className="chat-room-preview">
                  {r.lastMessage?.senderId === user.id ? `${t('chat.you')}: ` : ''}
                  {preview(r.lastMessage)}
                </span>
                {r.unreadCount > 0 && (
                  <span className="badge-count">
                    <span aria-hidden="true">{r.unreadCount}</span>
                    <span className="sr-only">{t('chat.unread', { n: r.unreadCount })}</span>
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
