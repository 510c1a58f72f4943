'use client';

import { useEffect, useState } from 'react';
import { hasKey, useI18n } from '../i18n/i18n';
import { type ChatMessage, chatPhotoUrl } from '../lib/api-chat';
import { formatTime } from '../lib/format';

/** A message in the conversation: stored (with seq) or still on its way (optimistic, by clientMessageId). */
export interface ChatItem {
  key: string;
  message: ChatMessage;
  /** Local state of my own message before the server acked it. */
  state: 'sent' | 'sending' | 'failed';
}

/** The language a message was written in, as the reader's language code ('hi-Latn' counts as Hindi). */
const baseLang = (l: string | null) => (l ? l.split('-')[0] : null);

/** One bubble: text (translated for me, with "Show original"), photo or location; ticks on my own. */
export function ChatBubble({
  item,
  mine,
  readByOther,
  onRetry,
}: {
  item: ChatItem;
  mine: boolean;
  readByOther: boolean;
  onRetry?: () => void;
}) {
  const { t, locale, lang } = useI18n();
  const m = item.message;
  const [showOriginal, setShowOriginal] = useState(false);
  const differs = !mine && m.originalContent !== null && m.content !== m.originalContent;
  const foreign = !mine && m.type === 'TEXT' && baseLang(m.detectedLanguage) !== null && baseLang(m.detectedLanguage) !== lang;
  const langKey = `chat.lang.${m.detectedLanguage ?? 'en'}`;
  const langName = hasKey(langKey) ? t(langKey) : (m.detectedLanguage ?? '');
  const text = showOriginal ? m.originalContent : m.content;

  return (
    <li
      className={`chat-msg ${mine ? 'mine' : 'theirs'} state-${item.state}`}
      data-seq={m.seq > 0 ? m.seq : undefined}
      data-client-id={m.clientMessageId}
    >
      <div className="chat-bubble">
        {m.type === 'IMAGE' && m.mediaId && <ChatPhoto mediaId={m.mediaId} />}
        {m.type === 'LOCATION' && m.location && <LocationPreview lat={m.location.lat} lng={m.location.lng} />}
        {text && (
          <p className="chat-text" lang={showOriginal || !differs ? (baseLang(m.detectedLanguage) ?? undefined) : lang}>
            {text}
          </p>
        )}
        {differs && (
          <p className="chat-translation">
            <span className="muted">{showOriginal ? '' : t('chat.translated', { lang: langName })} </span>
            <button
              type="button"
              className="link show-original"
              onClick={() => setShowOriginal((v) => !v)}
              aria-pressed={showOriginal}
            >
              {showOriginal ? t('chat.showTranslation') : t('chat.showOriginal')}
            </button>
          </p>
        )}
        {!differs && foreign && m.translated === false && <p className="chat-untranslated">{t('chat.notTranslated')}</p>}
        {m.masked && <p className="chat-masked muted">{t('chat.masked')}</p>}
        <p className="chat-meta">
          <time dateTime={m.createdAt}>{formatTime(m.createdAt, locale)}</time>
          {mine && item.state === 'sending' && <span className="muted"> · {t('chat.sending')}</span>}
          {mine && item.state === 'sent' && (
            <span
              className={`ticks ${readByOther ? 'read' : 'sent'}`}
              role="img"
              aria-label={readByOther ? t('chat.read') : t('chat.sent')}
              title={readByOther ? t('chat.read') : t('chat.sent')}
            >
              <svg width={readByOther ? 20 : 14} height="12" viewBox={readByOther ? '0 0 20 12' : '0 0 14 12'} aria-hidden="true">
                <path d="M1 6.5 4.5 10 12 2" fill="none" stroke="currentColor" strokeWidth="2" />
                {readByOther && <path d="M7 6.5 10.5 10 18 2" fill="none" stroke="currentColor" strokeWidth="2" />}
              </svg>
            </span>
          )}
        </p>
        {mine && item.state === 'failed' && (
          <p className="chat-failed" role="alert">
            {t('chat.failed')}{' '}
            <button type="button" className="link" onClick={onRetry}>
              {t('chat.retry')}
            </button>
          </p>
        )}
      </div>
    </li>
  );
}

function ChatPhoto({ mediaId }: { mediaId: string }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(mediaId.startsWith('blob:') ? mediaId : null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (mediaId.startsWith('blob:')) return;
    let live = true;
    chatPhotoUrl(mediaId).then(
      (u) => live && setUrl(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [mediaId]);
  if (failed) return <p className="muted">{t('common.error')}</p>;
  if (!url) return <p className="muted chat-photo-placeholder">{t('chat.photoLoading')}</p>;
  return (
    <a href={url} target="_blank" rel="noreferrer">
      {/* biome-ignore lint/performance/noImgElement: a private blob: URL, not an optimisable asset */}
      <img className="chat-photo" src={url} alt={t('chat.photoAlt')} />
    </a>
  );
}

/** A location as a small map-like preview linking to OpenStreetMap (no tiles are downloaded). */
function LocationPreview({ lat, lng }: { lat: number; lng: number }) {
  const { t } = useI18n();
  const href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
  const fixed = (n: number) => n.toFixed(5);
  return (
    <a className="chat-location" href={href} target="_blank" rel="noreferrer">
      <svg className="chat-location-pin" aria-hidden="true" width="28" height="28" viewBox="0 0 24 24" fill="#b3261e">
        <path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" />
      </svg>
      <span>{t('chat.openMap', { lat: fixed(lat), lng: fixed(lng) })}</span>
    </a>
  );
}
