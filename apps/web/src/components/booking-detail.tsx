'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ApiError, type Booking } from '../lib/api';
import { getBooking } from '../lib/api-bookings';
import { listPayments, livePayment, type Payment } from '../lib/api-payments';
import { formatDateTime, formatTime } from '../lib/format';
import { useSession } from '../lib/session';
import { useSocketConnect, useSocketEvent } from '../lib/socket';
import { BookingActions } from './booking-actions';
import { BookingPrice } from './booking-price';
import { BookingProviderCard } from './booking-provider-card';
import { BookingStartCode } from './booking-start-code';
import { BookingTimeline } from './booking-timeline';
import { BookingTracking } from './booking-tracking';
import { PaymentPanel } from './payment-panel';
import { ReviewSection } from './review-form';
import { ErrorNote, Loading } from './status';

/** Without a socket event for a while, refetch anyway (a missed event, a sleeping tab). */
const SAFETY_POLL_MS = 20_000;

/**
 * The customer's booking (GET /api/bookings/:id): what happens next, start code, the pro, address,
 * price, live tracking, payment, review, the actions the policy allows and the timeline. Live on
 * `booking:updated` (Socket.IO) with a slow safety poll.
 */
export function BookingDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { user, ready } = useSession();
  const [booking, setBooking] = useState<Booking | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [payments, setPayments] = useState<Payment[] | null>(null);
  /** Bumped when the customer posts a review: the pro's card shows the new rating. */
  const [reviewed, setReviewed] = useState(0);

  const loadPayments = useCallback(async () => {
    try {
      setPayments((await listPayments(id)).items);
    } catch {
      // The payment section shows what it has; the next refresh tries again.
    }
  }, [id]);

  const load = useCallback(async () => {
    try {
      setBooking(await getBooking(id));
      setError(null);
      void loadPayments();
    } catch (err) {
      setError(err);
    }
  }, [id, loadPayments]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  useSocketEvent('booking:updated', (e) => {
    if (e.bookingId === id) void load();
  });
  // Payments have no event of their own: the other side's record or confirmation arrives as a notification.
  useSocketEvent('notification:created', (n) => {
    if (n.data.bookingId === id) void loadPayments();
  });
  useSocketConnect((isReconnect) => {
    if (isReconnect) void load();
  });
  useEffect(() => {
    if (!user) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, SAFETY_POLL_MS);
    return () => clearInterval(timer);
  }, [user, load]);

  if (!ready) return <Loading />;
  if (!user)
    return (
      <section>
        <p>{t('common.signInFirst')}</p>
        <Link className="btn" href={`/login?next=/bookings/${id}`}>
          {t('nav.signIn')}
        </Link>
      </section>
    );
  if (error instanceof ApiError && error.status === 404)
    return (
      <section>
        <p role="alert">{t('booking.notFound')}</p>
        <Link href="/bookings">{t('booking.back')}</Link>
      </section>
    );
  if (!booking) return error !== null ? <ErrorNote error={error} onRetry={() => void load()} /> : <Loading />;

  const name = booking.counterpart?.name ?? '';
  const onTheWay = booking.status === 'CONFIRMED' && booking.onTheWayAt !== null;
  const nextKey =
    booking.status === 'COMPLETED' && booking.customerConfirmedAt
      ? 'booking.next.CONFIRMED_DONE'
      : onTheWay
        ? 'booking.next.ON_THE_WAY'
        : (`booking.next.${booking.status}` as const);
  const durationMin = Math.round((Date.parse(booking.scheduledEnd) - Date.parse(booking.scheduledStart)) / 60_000);
  const replace = (b: Booking) => {
    // Action answers carry no timeline: keep the old one until the refetch lands.
    setBooking((old) => ({ ...old, ...b, timeline: b.timeline ?? old?.timeline }));
    void load();
  };

  return (
    <article className="booking-detail" data-booking={booking.bookingNumber} data-status={booking.status}>
      <p>
        <Link href="/bookings">← {t('booking.back')}</Link>
      </p>
      <h1>
        {booking.serviceType} <span className="muted">#{booking.bookingNumber}</span>
      </h1>
      <p className="meta">
        <span className={`status status-${booking.status}`} data-testid="booking-status">
          {t(`status.${booking.status}`)}
        </span>
        <span>
          {t('booking.when')}: <time dateTime={booking.scheduledStart}>{formatDateTime(booking.scheduledStart, locale)}</time>
          {' – '}
          <time dateTime={booking.scheduledEnd}>{formatTime(booking.scheduledEnd, locale)}</time> (
          {t('booking.duration', { min: durationMin })})
        </span>
      </p>
      <p className="next-step" role="status" aria-live="polite">
        {t(nextKey, { name })}
      </p>
      {booking.status === 'CANCELLED' && booking.cancellationReason && (
        <p className="muted">
          {t('booking.cancelledBy', {
            who: t(`booking.party.${booking.cancelledBy ?? 'SYSTEM'}`),
            reason: booking.cancellationReason,
          })}
        </p>
      )}
      {booking.status === 'REJECTED' && booking.rejectionReason && (
        <p className="muted">{t('booking.rejected', { reason: booking.rejectionReason })}</p>
      )}
      {booking.disputeReason && <p className="muted">{t('booking.disputeReasonShown', { reason: booking.disputeReason })}</p>}

      <BookingStartCode booking={booking} onChange={replace} />
      {onTheWay && <BookingTracking booking={booking} />}
      <BookingProviderCard booking={booking} refreshKey={reviewed} />

      <section className="card" aria-labelledby="address-title">
        <h2 id="address-title">{t('booking.address')}</h2>
        <p>{booking.serviceLocation.address}</p>
        {booking.serviceLocation.landmark && (
          <p className="muted">{t('booking.landmark', { landmark: booking.serviceLocation.landmark })}</p>
        )}
        {booking.serviceLocation.pincode && (
          <p className="muted">{t('booking.pincode', { pincode: booking.serviceLocation.pincode })}</p>
        )}
        {booking.specialInstructions && <p>{t('booking.instructions', { text: booking.specialInstructions })}</p>}
      </section>

      <BookingPrice booking={booking} payment={payments ? livePayment(payments) : null} />
      <PaymentPanel booking={booking} payments={payments} reload={loadPayments} />
      <ReviewSection booking={booking} onReviewed={() => setReviewed((n) => n + 1)} />
      <BookingActions booking={booking} onChange={replace} />
      <BookingTimeline booking={booking} />
    </article>
  );
}
