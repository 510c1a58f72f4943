'use client';

import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Booking } from '../lib/api';
import { formatDateTime, formatPaise } from '../lib/format';
import { ChatButton } from './chat-button';

/** The common part of a booking card: number, service, status, time (IST), place and price; a Chat button. */
export function BookingSummary({
  booking,
  children,
  chat = true,
}: {
  booking: Booking;
  children?: ReactNode;
  /** Show the card's own Chat button (false when the children place one). */
  chat?: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <li className="card booking" id={`booking-${booking.id}`} data-booking={booking.bookingNumber}>
      <h3>
        {booking.serviceType} <span className="muted">#{booking.bookingNumber}</span>
      </h3>
      <p className="meta">
        <span className={`status status-${booking.status}`}>{t(`status.${booking.status}`)}</span>
        <time dateTime={booking.scheduledStart}>{formatDateTime(booking.scheduledStart, locale)}</time>
        <span>{t('bookings.price', { price: formatPaise(booking.finalPrice ?? booking.quotedPrice, locale) })}</span>
        {booking.cancellationFee > 0 && <span>{t('bookings.fee', { price: formatPaise(booking.cancellationFee, locale) })}</span>}
      </p>
      <p className="muted">{t('pro.at', { address: booking.serviceLocation.address })}</p>
      {children}
      {chat && (
        <div className="btn-row">
          <ChatButton providerId={booking.providerId} bookingId={booking.id} />
        </div>
      )}
    </li>
  );
}
