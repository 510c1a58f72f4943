'use client';

import { type FormEvent, useState } from 'react';
import { ErrorNote } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { type Booking, bookingAction } from '../../lib/api';

/** What a provider can do with a booking now: accept/decline a request, start with the code, complete. */
export function ProviderActions({ booking, onDone }: { booking: Booking; onDone: (b: Booking) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [code, setCode] = useState('');

  const act = async (run: () => Promise<Booking>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await run());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const decline = (e: FormEvent) => {
    e.preventDefault();
    void act(() => bookingAction(booking.id, 'reject', { reason: reason.trim() }));
  };
  const start = (e: FormEvent) => {
    e.preventDefault();
    void act(() => bookingAction(booking.id, 'start', { startCode: code }));
  };

  return (
    <div>
      {error !== null && <ErrorNote error={error} />}
      {booking.status === 'PENDING' && !declining && (
        <div className="btn-row">
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void act(() => bookingAction(booking.id, 'accept'))}
          >
            {t('pro.accept')}
          </button>
          <button type="button" className="btn secondary" disabled={busy} onClick={() => setDeclining(true)}>
            {t('pro.decline')}
          </button>
        </div>
      )}
      {booking.status === 'PENDING' && declining && (
        <form onSubmit={decline}>
          <label htmlFor={`decline-${booking.id}`}>{t('pro.declineReason')}</label>
          <input id={`decline-${booking.id}`} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="btn-row">
            <button type="submit" className="btn danger" disabled={busy || reason.trim().length < 3}>
              {t('pro.confirmDecline')}
            </button>
            <button type="button" className="btn secondary" onClick={() => setDeclining(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {booking.status === 'CONFIRMED' && (
        <form onSubmit={start}>
          <label htmlFor={`code-${booking.id}`}>{t('pro.startCode')}</label>
          <input
            id={`code-${booking.id}`}
            inputMode="numeric"
            maxLength={4}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          />
          <div className="btn-row">
            <button type="submit" className="btn" disabled={busy || code.length !== 4}>
              {t('pro.start')}
            </button>
          </div>
        </form>
      )}
      {booking.status === 'IN_PROGRESS' && (
        <div className="btn-row">
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void act(() => bookingAction(booking.id, 'complete'))}
          >
            {t('pro.complete')}
          </button>
        </div>
      )}
    </div>
  );
}
