'use client';

import { type FormEvent, useCallback, useState } from 'react';
import { BookingReschedule, RescheduleAnswer } from '../../components/booking-reschedule';
import { ProCountdown } from '../../components/pro-countdown';
import { ProLiveLocation } from '../../components/pro-live-location';
import { ErrorNote } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { ApiError, type Booking, bookingAction } from '../../lib/api';
import { onMyWay } from '../../lib/api-pro';
import { formatDateTime } from '../../lib/format';

/**
 * What a provider can do with a booking now: accept/decline a request (before it expires), "On my way"
 * with live location, start with the customer's 4-digit code (any confirmed job: the code proves the
 * customer is there) and complete; offer the customer another time (or answer theirs) while the job is
 * pending or confirmed. (The card's Chat button comes with BookingSummary.)
 */
export function ProviderActions({ booking, onDone }: { booking: Booking; onDone: (b: Booking) => void }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [code, setCode] = useState('');
  const [sharing, setSharing] = useState(false);
  const [expired, setExpired] = useState(false);
  const stopSharing = useCallback(() => setSharing(false), []);
  const markExpired = useCallback(() => setExpired(true), []);

  const act = async (run: () => Promise<Booking>) => {
    setBusy(true);
    setError(null);
    try {
      const b = await run();
      onDone(b);
      return b;
    } catch (err) {
      setError(err);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const decline = (e: FormEvent) => {
    e.preventDefault();
    void act(() => bookingAction(booking.id, 'reject', { reason: reason.trim() }));
  };
  const start = async (e: FormEvent) => {
    e.preventDefault();
    const b = await act(() => bookingAction(booking.id, 'start', { startCode: code }));
    if (b) setSharing(false);
    else setCode('');
  };
  const goOnMyWay = async () => {
    const b = booking.onTheWayAt ? booking : await act(() => onMyWay(booking.id));
    if (b) setSharing(true);
  };
  const startError = error instanceof ApiError && (error.code === 'START_CODE_INVALID' || error.code === 'START_CODE_LOCKED');
  const triesLeft =
    error instanceof ApiError && error.code === 'START_CODE_INVALID'
      ? (error.details as { triesLeft?: number } | undefined)?.triesLeft
      : undefined;

  return (
    <div className="pro-actions">
      {booking.status === 'PENDING' && booking.respondBy && <ProCountdown until={booking.respondBy} onExpired={markExpired} />}
      {error !== null && !startError && <ErrorNote error={error} />}
      {booking.status === 'PENDING' && !declining && (
        <div className="btn-row">
          <button
            type="button"
            className="btn"
            disabled={busy || expired}
            onClick={() => void act(() => bookingAction(booking.id, 'accept'))}
          >
            {t('pro.accept')}
          </button>
          <button type="button" className="btn secondary" disabled={busy || expired} onClick={() => setDeclining(true)}>
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
        <>
          {sharing ? (
            <ProLiveLocation bookingId={booking.id} onStop={stopSharing} />
          ) : (
            <div className="btn-row">
              <button type="button" className="btn secondary" disabled={busy} onClick={() => void goOnMyWay()}>
                {booking.onTheWayAt ? t('job.shareAgain') : t('job.onMyWay')}
              </button>
            </div>
          )}
          <form onSubmit={(e) => void start(e)} className="pro-start">
            <p className="muted">{t('job.scheduledFor', { at: formatDateTime(booking.scheduledStart, locale) })}</p>
            <label htmlFor={`code-${booking.id}`}>{t('pro.startCode')}</label>
            <input
              id={`code-${booking.id}`}
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              aria-describedby={`code-hint-${booking.id}`}
              aria-invalid={startError || undefined}
            />
            <p id={`code-hint-${booking.id}`} className="hint">
              {t('job.codeHint')}
            </p>
            {startError && (
              <div className="error" role="alert">
                <p>{error.code === 'START_CODE_LOCKED' ? t('job.codeLocked') : t('job.codeWrong')}</p>
                {triesLeft !== undefined && <p>{t('job.triesLeft', { n: triesLeft })}</p>}
              </div>
            )}
            <div className="btn-row">
              <button type="submit" className="btn" disabled={busy || code.length !== 4}>
                {t('pro.start')}
              </button>
            </div>
          </form>
        </>
      )}
      {(booking.status === 'PENDING' || booking.status === 'CONFIRMED') &&
        !declining &&
        !expired &&
        (booking.pendingReschedule ? (
          <RescheduleAnswer booking={booking} onChange={onDone} side="PROVIDER" />
        ) : (
          <BookingReschedule booking={booking} onChange={onDone} side="PROVIDER" />
        ))}
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
