'use client';

import Link from 'next/link';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { BookingSummary } from '../../components/booking-item';
import { ErrorNote, Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { type Booking, bookingAction, listBookings } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useLiveBookings } from '../../lib/socket';

const CANCELLABLE = new Set<Booking['status']>(['PENDING', 'CONFIRMED']);

/** My bookings (GET /api/bookings?as=customer): status, start code, cancel with a reason. */
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

  const replace = (b: Booking) => setItems((list) => list?.map((x) => (x.id === b.id ? b : x)) ?? null);

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
            <BookingSummary key={b.id} booking={b}>
              {b.startCode && (b.status === 'CONFIRMED' || b.status === 'PENDING') && (
                <p>
                  <span className="code">{t('bookings.startCode', { code: b.startCode })}</span>
                  <br />
                  <span className="hint">{t('bookings.startCodeHint')}</span>
                </p>
              )}
              {CANCELLABLE.has(b.status) && <CancelBooking booking={b} onDone={replace} />}
            </BookingSummary>
          ))}
        </ul>
      )}
    </section>
  );
}

function CancelBooking({ booking, onDone }: { booking: Booking; onDone: (b: Booking) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = `cancel-${booking.id}`;

  if (!open)
    return (
      <div className="btn-row">
        <button type="button" className="btn secondary" onClick={() => setOpen(true)}>
          {t('bookings.cancel')}
        </button>
      </div>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await bookingAction(booking.id, 'cancel', { reason: reason.trim() }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <label htmlFor={id}>{t('bookings.cancelReason')}</label>
      <input id={id} type="text" value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} maxLength={500} />
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="submit" className="btn danger" disabled={busy || reason.trim().length < 3}>
          {t('bookings.confirmCancel')}
        </button>
        <button type="button" className="btn secondary" onClick={() => setOpen(false)}>
          {t('bookings.keep')}
        </button>
      </div>
    </form>
  );
}
