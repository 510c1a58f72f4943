'use client';

import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Booking } from '../lib/api';
import { newStartCode } from '../lib/api-bookings';
import { ErrorNote } from './status';

/** The 4 digits the pro needs to start the job, big enough to read out; a new code after wrong tries. */
export function BookingStartCode({ booking, onChange }: { booking: Booking; onChange: (b: Booking) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  if (!booking.startCode || (booking.status !== 'PENDING' && booking.status !== 'CONFIRMED')) return null;

  const renew = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(await newStartCode(booking.id));
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card start-code" aria-labelledby="start-code-title">
      <h2 id="start-code-title">{t('booking.startCode')}</h2>
      <p className="start-code-digits" data-testid="start-code">
        {booking.startCode}
      </p>
      <p className="hint">{t('booking.startCodeHint')}</p>
      {booking.status === 'CONFIRMED' && (
        <div className="btn-row">
          <button type="button" className="btn secondary" onClick={() => void renew()} disabled={busy}>
            {t('booking.newCode')}
          </button>
        </div>
      )}
      {done && (
        <p className="success" role="status">
          {t('booking.newCodeDone')}
        </p>
      )}
      {error !== null && <ErrorNote error={error} />}
    </section>
  );
}
