'use client';

import { useSearchParams } from 'next/navigation';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ErrorNote, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import { ApiError, devOutbox, type OutboxItem } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';

/** What the local SMS/e-mail/push adapters "sent" to one recipient (GET /api/dev/outbox; absent in production). */
export function Inbox() {
  const { t, locale } = useI18n();
  const params = useSearchParams();
  const [to, setTo] = useState(params.get('to') ?? '');
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const [shown, setShown] = useState<string | null>(null);

  const load = useCallback(async (recipient: string, quiet = false) => {
    if (!recipient.trim()) return;
    if (!quiet) setLoading(true);
    setError(null);
    try {
      setItems((await devOutbox(recipient.trim())).items);
      setShown(recipient.trim());
    } catch (err) {
      setItems(null);
      setShown(null);
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  // Messages are sent by background jobs: keep the list fresh while it is open.
  useEffect(() => {
    if (!shown) return;
    const timer = setInterval(() => void load(shown, true), 3000);
    return () => clearInterval(timer);
  }, [shown, load]);

  useEffect(() => {
    const initial = params.get('to');
    if (initial) void load(initial);
  }, [params, load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(to);
  };

  const unavailable = error instanceof ApiError && error.status === 404;
  return (
    <section>
      <h1>{t('inbox.title')}</h1>
      <p className="muted">{t('inbox.intro')}</p>
      <form onSubmit={submit}>
        <label htmlFor="to">{t('inbox.to')}</label>
        <input id="to" type="text" value={to} onChange={(e) => setTo(e.target.value)} />
        <div className="btn-row">
          <button type="submit" className="btn" disabled={loading || !to.trim()}>
            {t('inbox.show')}
          </button>
        </div>
      </form>
      {loading && <Loading />}
      {unavailable && <p className="error">{t('inbox.unavailable')}</p>}
      {error !== null && !unavailable && <ErrorNote error={error} onRetry={() => void load(to)} />}
      {items && items.length === 0 && <p>{t('inbox.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="list" aria-live="polite">
          {items.map((m) => (
            <li key={`${m.createdAt}-${m.channel}-${m.body.slice(0, 20)}`} className="card outbox-item">
              <p className="meta">
                <span>{m.channel}</span>
                <span>{m.to}</span>
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
              </p>
              <p>{m.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
