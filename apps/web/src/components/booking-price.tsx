'use client';

import { useI18n } from '../i18n/i18n';
import type { Booking } from '../lib/api';
import type { Payment } from '../lib/api-payments';
import { formatPaise } from '../lib/format';

/**
 * The money of a booking as the API gives it: quoted and final price, a cancellation fee, and for an
 * in-app payment the platform fee and GST taken from the pro's share (released payments only).
 */
export function BookingPrice({ booking, payment }: { booking: Booking; payment: Payment | null }) {
  const { t, locale } = useI18n();
  const money = (p: number) => formatPaise(p, locale);
  const cancelled = booking.status === 'CANCELLED' || booking.status === 'NO_SHOW';
  const price = booking.finalPrice ?? booking.quotedPrice;
  const due = cancelled ? booking.cancellationFee : price;
  const gst = payment?.releasedAt ? payment.amount - payment.refundedAmount - payment.platformFee - payment.providerEarnings : 0;
  return (
    <section className="card" aria-labelledby="price-title">
      <h2 id="price-title">{t('booking.price')}</h2>
      <dl className="price-list">
        <div>
          <dt>{t('booking.quoted')}</dt>
          <dd>{money(booking.quotedPrice)}</dd>
        </div>
        {booking.finalPrice !== null && booking.finalPrice !== booking.quotedPrice && (
          <div>
            <dt>{t('booking.final')}</dt>
            <dd>{money(booking.finalPrice)}</dd>
          </div>
        )}
        {booking.cancellationFee > 0 && (
          <div>
            <dt>{t('booking.cancelFee')}</dt>
            <dd>{money(booking.cancellationFee)}</dd>
          </div>
        )}
        <div className="price-total">
          <dt>{t('booking.toPay')}</dt>
          <dd data-testid="amount-due">{money(due)}</dd>
        </div>
        {payment?.method === 'ONLINE' && payment.platformFee > 0 && (
          <>
            <div className="muted">
              <dt>{t('booking.platformFee')}</dt>
              <dd>{money(payment.platformFee)}</dd>
            </div>
            {gst > 0 && (
              <div className="muted">
                <dt>{t('booking.gst')}</dt>
                <dd>{money(gst)}</dd>
              </div>
            )}
            <div className="muted">
              <dt>{t('booking.proGets')}</dt>
              <dd>{money(payment.providerEarnings)}</dd>
            </div>
          </>
        )}
      </dl>
    </section>
  );
}
