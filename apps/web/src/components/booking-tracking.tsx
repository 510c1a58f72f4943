'use client';

import type { LocationUpdatedEvent } from '@localpro/contracts';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Booking } from '../lib/api';
import { getBookingLocation } from '../lib/api-bookings';
import { formatTime } from '../lib/format';
import { useSocketEvent } from '../lib/socket';

/**
 * "On my way": distance and ETA from the pro's live location (`location:updated`, sent to the customer
 * while the booking is CONFIRMED and the pro has set out), drawn as a map-free track from the pro to you.
 */
export function BookingTracking({ booking }: { booking: Booking }) {
  const { t, locale } = useI18n();
  const [last, setLast] = useState<LocationUpdatedEvent | null>(null);
  /** The farthest distance seen: the start of the track. */
  const startKm = useRef<number | null>(null);

  const show = (e: LocationUpdatedEvent) => {
    if (e.distanceKm !== null) startKm.current = Math.max(startKm.current ?? 0, e.distanceKm);
    // A live update may overtake the fetch below: keep whichever point is newer.
    setLast((prev) => (prev && Date.parse(prev.at) >= Date.parse(e.at) ? prev : e));
  };

  useSocketEvent('location:updated', (e) => {
    if (e.bookingId === booking.id) show(e);
  });

  // Opening the page (or coming back to it) shows the last shared point at once instead of
  // "waiting for location" until the pro's next update, which comes every few seconds at best.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch only when the booking or its trip changes
  useEffect(() => {
    let live = true;
    getBookingLocation(booking.id)
      .then(({ location }) => {
        if (live && location) show(location);
      })
      .catch(() => {}); // the live updates still arrive; the hint says we are waiting
    return () => {
      live = false;
    };
  }, [booking.id, booking.onTheWayAt]);

  const km = last?.distanceKm ?? null;
  const progress = km !== null && startKm.current ? Math.min(1, Math.max(0, 1 - km / startKm.current)) : 0;
  const arriving = km !== null && km < 0.2;

  return (
    <section className="card tracking" aria-labelledby="tracking-title" data-testid="tracking">
      <h2 id="tracking-title">{t('booking.tracking')}</h2>
      {booking.onTheWayAt && <p className="muted">{t('booking.onWaySince', { time: formatTime(booking.onTheWayAt, locale) })}</p>}
      {last ? (
        <>
          <p className="tracking-eta" aria-live="polite">
            {arriving ? (
              t('booking.arriving')
            ) : (
              <>
                {km !== null && <strong>{t('booking.away', { km: km.toFixed(1) })}</strong>}
                {last.etaMin !== null && <> · {t('booking.eta', { min: last.etaMin })}</>}
              </>
            )}
          </p>
          <div
            className="track"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            aria-label={t('booking.tracking')}
          >
            <span className="track-end">{t('booking.trackPro')}</span>
            <span className="track-line">
              <span className="track-dot" style={{ left: `${progress * 100}%` }} aria-hidden="true" />
            </span>
            <span className="track-end">{t('booking.trackHome')}</span>
          </div>
          <p className="hint">{t('booking.updatedAt', { time: formatTime(last.at, locale) })}</p>
        </>
      ) : (
        <p className="hint">{t('booking.waitingLocation')}</p>
      )}
    </section>
  );
}
