'use client';

import Link from 'next/link';
import { type ChangeEvent, type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ApiError } from '../lib/api';
import { type ChatMessage, type ChatRoom, listChatRooms, listMessages, uploadChatPhoto } from '../lib/api-chat';
import { useSession } from '../lib/session';
import { useSocket, useSocketConnect, useSocketEvent } from '../lib/socket';
import { ChatBubble, type ChatItem } from './chat-message';
import { ErrorNote, Loading } from './status';

const PAGE = 30;
const TYPING_IDLE_MS = 2500;
const TYPING_SHOWN_MS = 6000;

type Draft = { type: 'TEXT' | 'IMAGE' | 'LOCATION' } & {
  content?: string;
  mediaId?: string;
  location?: { lat: number; lng: number };
};

const newClientId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const keyOf = (m: Pick<ChatMessage, 'senderId' | 'clientMessageId'>) => `${m.senderId}:${m.clientMessageId}`;

/** Adds stored messages (deduplicated by sender + clientMessageId): stored ones by seq, unsent ones last. */
function merge(list: ChatItem[], messages: ChatMessage[]): ChatItem[] {
  if (messages.length === 0) return list;
  const byKey = new Map(list.map((i) => [i.key, i]));
  for (const m of messages) byKey.set(keyOf(m), { key: keyOf(m), message: m, state: 'sent' });
  const all = [...byKey.values()];
  const stored = all.filter((i) => i.state === 'sent').sort((a, b) => a.message.seq - b.message.seq);
  return [...stored, ...all.filter((i) => i.state !== 'sent')];
}

const maxSeq = (list: ChatItem[]) => list.reduce((n, i) => Math.max(n, i.message.seq), 0);

/** One conversation: history with paging, live messages, catch-up after reconnect, optimistic send. */
export function ChatRoomView({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const me = user?.id ?? '';
  const { status, emit } = useSocket();
  const [room, setRoom] = useState<ChatRoom | null>(null);
  const [items, setItems] = useState<ChatItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const [hasEarlier, setHasEarlier] = useState(false);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [otherReadUpTo, setOtherReadUpTo] = useState(0);
  const [otherTyping, setOtherTyping] = useState(false);
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const loadedRef = useRef(false);
  const files = useRef(new Map<string, File>());
  const endRef = useRef<HTMLLIElement>(null);
  const stickToEnd = useRef(true);

  // ---- load: the room (for the counterpart) and its newest page ----
  const load = useCallback(async () => {
    setError(null);
    try {
      const found = (await listChatRooms()).items.find((r) => r.id === roomId) ?? null;
      if (!found) throw new ApiError(404, 'NOT_FOUND', t('chat.notFound'));
      setRoom(found);
      const page = found.lastSeq > 0 ? (await listMessages(roomId, { beforeSeq: found.lastSeq + 1, limit: PAGE })).items : [];
      setItems((list) => merge(list, page));
      setHasEarlier((page[0]?.seq ?? 1) > 1);
      loadedRef.current = true;
      setLoaded(true);
    } catch (err) {
      setError(err);
    }
  }, [roomId, t]);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  const loadEarlier = async () => {
    const first = itemsRef.current.find((i) => i.message.seq > 0)?.message.seq;
    if (!first) return;
    setLoadingEarlier(true);
    stickToEnd.current = false;
    try {
      const page = (await listMessages(roomId, { beforeSeq: first, limit: PAGE })).items;
      setItems((list) => merge(list, page));
      setHasEarlier((page[0]?.seq ?? 1) > 1);
    } catch (err) {
      setError(err);
    } finally {
      setLoadingEarlier(false);
    }
  };

  // ---- live: join on every (re)connect, then catch up on what was missed while away ----
  const catchUp = useCallback(async () => {
    let after = maxSeq(itemsRef.current);
    for (let round = 0; round < 20; round++) {
      const page = (await listMessages(roomId, { afterSeq: after, limit: 200 })).items;
      setItems((list) => merge(list, page));
      if (page.length < 200) return;
      after = page[page.length - 1]!.seq;
    }
  }, [roomId]);

  const send = useCallback(
    async (draft: Draft, retryOf?: ChatItem) => {
      const clientMessageId = retryOf?.message.clientMessageId ?? newClientId();
      const key = `${me}:${clientMessageId}`;
      const optimistic: ChatMessage = retryOf?.message ?? {
        id: key,
        roomId,
        seq: 0,
        clientMessageId,
        senderId: me,
        type: draft.type,
        content: draft.content ?? null,
        originalContent: draft.content ?? null,
        detectedLanguage: null,
        translated: false,
        masked: false,
        mediaId: draft.mediaId ?? null,
        location: draft.location ?? null,
        isRead: false,
        readAt: null,
        createdAt: new Date().toISOString(),
      };
      stickToEnd.current = true;
      setItems((list) => [...list.filter((i) => i.key !== key), { key, message: optimistic, state: 'sending' }]);
      try {
        let mediaId = draft.mediaId;
        const file = files.current.get(clientMessageId);
        if (draft.type === 'IMAGE' && file) {
          mediaId = (await uploadChatPhoto(roomId, file)).id;
          files.current.delete(clientMessageId);
        }
        const { message } = await emit('message:send', {
          roomId,
          clientMessageId,
          type: draft.type,
          content: draft.content,
          mediaId,
          location: draft.location,
        });
        setItems((list) => merge(list, [message]));
      } catch (err) {
        // If it was stored after all (the ack was lost), a retry is answered with the stored message and the
        // catch-up after reconnecting brings it; this socket gets no message:created for its own sends.
        setItems((list) => list.map((i) => (i.key === key && i.state === 'sending' ? { ...i, state: 'failed' } : i)));
        if (err instanceof ApiError && err.status !== 0 && err.code !== 'RATE_LIMITED') setNote(err.message);
      }
    },
    [emit, me, roomId],
  );

  const retry = useCallback(
    (item: ChatItem) => {
      const m = item.message;
      if (m.type === 'SYSTEM') return;
      const file = files.current.get(m.clientMessageId);
      void send(
        {
          type: m.type,
          content: m.originalContent ?? undefined,
          mediaId: file ? undefined : (m.mediaId ?? undefined),
          location: m.location ?? undefined,
        },
        item,
      );
    },
    [send],
  );

  useSocketConnect((isReconnect) => {
    void emit('room:join', { roomId })
      .then(async () => {
        if (loadedRef.current) await catchUp();
        // Messages that could not go out while offline: send them again (same clientMessageId, so never twice).
        if (isReconnect) for (const i of itemsRef.current) if (i.state === 'failed') retry(i);
      })
      .catch((err: unknown) => setError(err));
  });

  // Leave the room's live channels when this conversation closes (room events stop; my user channel stays).
  useEffect(
    () => () => {
      void emit('room:leave', { roomId }).catch(() => undefined);
    },
    [emit, roomId],
  );

  useSocketEvent('message:created', (m) => {
    if (m.roomId !== roomId) return;
    if (m.senderId !== me) setOtherTyping(false);
    setItems((list) => merge(list, [m]));
  });
  useSocketEvent('message:read', (e) => {
    if (e.roomId === roomId && e.readerId !== me) setOtherReadUpTo((n) => Math.max(n, e.upToSeq));
  });
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useSocketEvent('typing', (e) => {
    if (e.roomId !== roomId || e.userId === me) return;
    setOtherTyping(e.typing);
    if (typingTimer.current) clearTimeout(typingTimer.current);
    if (e.typing) typingTimer.current = setTimeout(() => setOtherTyping(false), TYPING_SHOWN_MS);
  });

  // ---- read receipts: tell the other side what I have seen (while the page is visible) ----
  const readSent = useRef(0);
  useEffect(() => {
    const markRead = () => {
      if (document.visibilityState !== 'visible' || status !== 'connected') return;
      const upTo = items.reduce((n, i) => (i.message.senderId !== me && i.message.seq > n ? i.message.seq : n), 0);
      if (upTo > readSent.current) {
        readSent.current = upTo;
        void emit('message:read', { roomId, upToSeq: upTo }).catch(() => {
          readSent.current = 0;
        });
      }
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [items, status, emit, me, roomId]);

  // ---- typing indicator (mine) ----
  const typingSent = useRef(false);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopTyping = useCallback(() => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    if (typingSent.current) {
      typingSent.current = false;
      void emit('typing:stop', { roomId }).catch(() => undefined);
    }
  }, [emit, roomId]);
  useEffect(() => stopTyping, [stopTyping]);
  const onType = (e: ChangeEvent<HTMLTextAreaElement>) => {
    setText(e.target.value);
    if (!typingSent.current && e.target.value.trim()) {
      typingSent.current = true;
      void emit('typing:start', { roomId }).catch(() => {
        typingSent.current = false;
      });
    }
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  useEffect(() => {
    if (stickToEnd.current && (items.length > 0 || otherTyping)) endRef.current?.scrollIntoView({ block: 'end' });
  }, [items, otherTyping]);

  // ---- composer actions ----
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const content = text.trim();
    if (!content) return;
    setText('');
    setNote(null);
    stopTyping();
    void send({ type: 'TEXT', content });
  };
  const pickPhoto = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const clientMessageId = newClientId();
    files.current.set(clientMessageId, file);
    const preview = URL.createObjectURL(file);
    void send(
      { type: 'IMAGE', mediaId: preview },
      {
        key: `${me}:${clientMessageId}`,
        state: 'sending',
        message: {
          id: clientMessageId,
          roomId,
          seq: 0,
          clientMessageId,
          senderId: me,
          type: 'IMAGE',
          content: null,
          originalContent: null,
          detectedLanguage: null,
          translated: false,
          masked: false,
          mediaId: preview,
          location: null,
          isRead: false,
          readAt: null,
          createdAt: new Date().toISOString(),
        },
      },
    );
  };
  const [locating, setLocating] = useState(false);
  const shareLocation = () => {
    if (!('geolocation' in navigator)) {
      setNote(t('chat.locationDenied'));
      return;
    }
    setLocating(true);
    setNote(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        void send({ type: 'LOCATION', location: { lat: pos.coords.latitude, lng: pos.coords.longitude } });
      },
      () => {
        setLocating(false);
        setNote(t('chat.locationDenied'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  if (error !== null && !loaded)
    return (
      <section className="chat-room">
        <ErrorNote error={error} onRetry={() => void load()} />
        <Link href="/chat">{t('chat.back')}</Link>
      </section>
    );
  if (!loaded || !room) return <Loading />;

  const name = room.counterpart.name ?? t('chat.someone');
  return (
    <section className="chat-room" aria-labelledby="chat-title">
      <header className="chat-head">
        <Link href="/chat" className="chat-back" aria-label={t('chat.back')}>
          ←
        </Link>
        <h1 id="chat-title">{name}</h1>
        {status !== 'connected' && (
          <span className="chat-conn muted" role="status">
            {status === 'reconnecting' ? t('chat.reconnecting') : t('chat.connecting')}
          </span>
        )}
      </header>
      {hasEarlier && (
        <button type="button" className="btn secondary chat-earlier" onClick={() => void loadEarlier()} disabled={loadingEarlier}>
          {loadingEarlier ? t('chat.loadingEarlier') : t('chat.loadEarlier')}
        </button>
      )}
      {error !== null && <ErrorNote error={error} />}
      <ol className="chat-log" role="log" aria-live="polite" aria-label={t('chat.with', { name })}>
        {items.length === 0 && <li className="muted chat-empty">{t('chat.noMessages')}</li>}
        {items.map((i) => (
          <ChatBubble
            key={i.key}
            item={i}
            mine={i.message.senderId === me}
            readByOther={i.message.isRead || (i.message.seq > 0 && i.message.seq <= otherReadUpTo)}
            onRetry={() => retry(i)}
          />
        ))}
        <li ref={endRef} className="chat-end" aria-hidden="true" />
      </ol>
      <p className="chat-typing" aria-live="polite">
        {otherTyping ? t('chat.typing', { name }) : ''}
      </p>
      {note && (
        <p className="error" role="alert">
          {note}
        </p>
      )}
      <form className="chat-composer" onSubmit={submit}>
        <label htmlFor="chat-input" className="sr-only">
          {t('chat.messageLabel')}
        </label>
        <textarea
          id="chat-input"
          rows={1}
          value={text}
          maxLength={4000}
          placeholder={t('chat.placeholder')}
          onChange={onType}
          onBlur={stopTyping}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <button type="submit" className="btn" disabled={!text.trim()}>
          {t('chat.send')}
        </button>
        <div className="chat-tools">
          <label className="btn secondary chat-photo-btn">
            <input type="file" accept="image/jpeg,image/png,image/webp" onChange={pickPhoto} className="sr-only" />
            {t('chat.sendPhoto')}
          </label>
          <button type="button" className="btn secondary" onClick={shareLocation} disabled={locating}>
            {locating ? t('chat.locating') : t('chat.shareLocation')}
          </button>
        </div>
      </form>
    </section>
  );
}
