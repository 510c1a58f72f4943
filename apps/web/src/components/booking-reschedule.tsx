'use client';

import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { type Availability, type Booking, getAvailability } from '../lib/api';
import { proposeReschedule } from '../lib/api-bookings';
import { formatDateTime, nextIstDates } from '../lib/format';
import { SlotPicker } from './slot-picker';
import { ErrorNote } from './status';

/** Propose a new time: the pro's free slots for this job's service and place, next 7 IST days. */
export function BookingReschedule({ booking, onChange }: { booking: Booking; onChange: (b: Booking) => void }) {
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
          {t('booking.reschedule')}
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
      <p className="hint">{t('booking.rescheduleHint')}</p>
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
