'use client';

import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { type Availability, type Booking, getAvailability } from '../lib/api';
import { answerReschedule, proposeReschedule } from '../lib/api-bookings';
import { formatDateTime, nextIstDates } from '../lib/format';
import { SlotPicker } from './slot-picker';
import { ErrorNote } from './status';
import { useBookingAction } from './use-booking-action';

type Side = 'CUSTOMER' | 'PROVIDER';

/**
 * Propose a new time: the pro's free slots for this job's service and place, next 7 IST days. The customer
 * asks the pro; the pro offers the customer another time (the other side accepts or declines).
 */
export function BookingReschedule({
  booking,
  onChange,
  side = 'CUSTOMER',
}: {
  booking: Booking;
  onChange: (b: Booking) => void;
  side?: Side;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const days = nextIstDates(7);
  const [date, setDate] = useState(days[0]!);
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [slotsError, setSlotsError] = useState<unknown>(null);
  const [slot, setSlot] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const loadSlots = useCallback(async () => {
    setAvailability(null);
    setSlotsError(null);
    setSlot(null);
    try {
      setAvailability(
        await getAvailability(booking.providerId, {
          date,
          subCategoryId: booking.subCategoryId,
          lat: booking.serviceLocation.lat,
          lng: booking.serviceLocation.lng,
        }),
      );
    } catch (err) {
      setSlotsError(err);
    }
  }, [booking.providerId, booking.subCategoryId, booking.serviceLocation.lat, booking.serviceLocation.lng, date]);

  useEffect(() => {
    if (open) void loadSlots();
  }, [open, loadSlots]);

  if (!open)
    return (
      <div className="action">
        <button type="button" className="btn secondary" onClick={() => setOpen(true)}>
          {side === 'CUSTOMER' ? t('booking.reschedule') : t('job.proposeTime')}
        </button>
      </div>
    );

  const propose = async () => {
    if (!slot) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await proposeReschedule(booking.id, slot));
      setOpen(false);
    } catch (err) {
      setError(err);
      void loadSlots();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="action reschedule">
      <p className="hint">{side === 'CUSTOMER' ? t('booking.rescheduleHint') : t('job.proposeHint')}</p>
      <SlotPicker
        days={days}
        date={date}
        onDate={setDate}
        availability={availability}
        slotsError={slotsError}
        onRetry={() => void loadSlots()}
        slot={slot}
        onSlot={setSlot}
        testId="reschedule-slots"
      />
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="button" className="btn" disabled={!slot || busy} onClick={() => void propose()}>
          {slot ? t('booking.propose', { time: formatDateTime(slot, locale) }) : t('book.pickSlot')}
        </button>
        <button type="button" className="btn secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** An open proposal: its author waits; the other side accepts or declines it. */
export function RescheduleAnswer({ booking, onChange, side }: { booking: Booking; onChange: (b: Booking) => void; side: Side }) {
  const { t, locale } = useI18n();
  const { busy, error, run } = useBookingAction(onChange);
  const p = booking.pendingReschedule!;
  const time = formatDateTime(p.proposedStart, locale);
  const mine = p.proposedBy === side;
  if (mine)
    return <p className="notice">{side === 'CUSTOMER' ? t('booking.proposed', { time }) : t('job.youProposed', { time })}</p>;
  const answer = (accept: boolean) => run(() => answerReschedule(booking.id, accept));
  return (
    <div className="notice" role="status">
      <p>{side === 'CUSTOMER' ? t('booking.proProposed', { time }) : t('job.customerProposed', { time })}</p>
      <div className="btn-row">
        <button type="button" className="btn" disabled={busy} onClick={() => void answer(true)}>
          {t('booking.acceptTime')}
        </button>
        <button type="button" className="btn secondary" disabled={busy} onClick={() => void answer(false)}>
          {t('booking.declineTime')}
        </button>
      </div>
      {error !== null && <ErrorNote error={error} />}
    </div>
  );
}
