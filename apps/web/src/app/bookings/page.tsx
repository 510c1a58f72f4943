'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { BookingSummary } from '../../components/booking-item';
import { ChatButton } from '../../components/chat-button';
import { ErrorNote, Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { type Booking, listBookings } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useLiveBookings } from '../../lib/socket';

const CHAT_OPEN = new Set<Booking['status']>(['PENDING', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED']);

/** My bookings (GET /api/bookings?as=customer), live: status and start code; each card opens the booking's detail. */
export default function MyBookingsPage() {
  const { t } = useI18n();
  const { user, ready } = useSession();
  const [items, setItems] = useState<Booking[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setItems((await listBookings('customer')).items);
    } catch (err) {
      setError(err);
    }
  }, []);

  useEffect(() => {
    if (user?.role === 'CUSTOMER') void load();
  }, [user, load]);
  useLiveBookings(items, setItems, () => void load());

  if (!ready) return <Loading />;
  if (!user)
    return (
      <section>
        <h1>{t('bookings.title')}</h1>
        <p>{t('common.signInFirst')}</p>
        <Link className="btn" href="/login?next=/bookings">
          {t('nav.signIn')}
        </Link>
      </section>
    );
  return (
    <section>
      <h1>{t('bookings.title')}</h1>
      {error !== null && <ErrorNote error={error} onRetry={() => void load()} />}
      {items === null && error === null && <Loading />}
      {items?.length === 0 && <p>{t('bookings.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="list">
          {items.map((b) => (
            <BookingSummary key={b.id} booking={b} chat={false}>
              {b.startCode && (b.status === 'CONFIRMED' || b.status === 'PENDING') && (
                <p>
                  <span className="code">{t('bookings.startCode', { code: b.startCode })}</span>
                  <br />
                  <span className="hint">{t('bookings.startCodeHint')}</span>
                </p>
              )}
              <div className="btn-row">
                <Link
                  className="btn secondary"
                  href={`/bookings/${b.id}`}
                  aria-label={`${t('booking.view')} #${b.bookingNumber}`}
                >
                  {t('booking.view')}
                </Link>
                {CHAT_OPEN.has(b.status) && <ChatButton providerId={b.providerId} bookingId={b.id} />}
              </div>
            </BookingSummary>
          ))}
        </ul>
      )}
    </section>
  );
}
