'use client';

import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Booking } from '../lib/api';
import { cancelBooking, confirmCompletion, disputeBooking, reportNoShow } from '../lib/api-bookings';
import { formatDateTime, formatPaise } from '../lib/format';
import { BookingReschedule, RescheduleAnswer } from './booking-reschedule';
import { ErrorNote } from './status';
import { useBookingAction } from './use-booking-action';

const DISPUTE_WINDOW_MS = 48 * 3_600_000;
const NO_SHOW_GRACE_MS = 30 * 60_000;

/** What the customer may do now, within the policy the API enforces (its answer is shown when it says no). */
export function BookingActions({ booking, onChange }: { booking: Booking; onChange: (b: Booking) => void }) {
  const { t } = useI18n();
  const s = booking.status;
  const now = Date.now();
  const canCancel = booking.cancellationQuote != null;
  const canMove = s === 'PENDING' || s === 'CONFIRMED';
  const canConfirm = s === 'COMPLETED' && !booking.customerConfirmedAt;
  const completedAt = booking.completedAt ? Date.parse(booking.completedAt) : null;
  const canDispute = s === 'IN_PROGRESS' || (s === 'COMPLETED' && completedAt !== null && now - completedAt <= DISPUTE_WINDOW_MS);
  const canNoShow = s === 'CONFIRMED' && now >= Date.parse(booking.scheduledStart) + NO_SHOW_GRACE_MS;
  if (!canCancel && !canMove && !canConfirm && !canDispute && !canNoShow && !booking.pendingReschedule) return null;

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('booking.actions')}</h2>
      {booking.pendingReschedule && <RescheduleAnswer booking={booking} onChange={onChange} side="CUSTOMER" />}
      {canConfirm && <ConfirmDone booking={booking} onChange={onChange} />}
      {canMove && !booking.pendingReschedule && <BookingReschedule booking={booking} onChange={onChange} />}
      {canCancel && <CancelWithQuote booking={booking} onChange={onChange} />}
      {canNoShow && <NoShow booking={booking} onChange={onChange} />}
      {canDispute && <Dispute booking={booking} onChange={onChange} />}
    </section>
  );
}

function ConfirmDone({ booking, onChange }: { booking: Booking; onChange: (b: Booking) => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useBookingAction(onChange);
  return (
    <div className="action">
      <button type="button" className="btn" disabled={busy} onClick={() => void run(() => confirmCompletion(booking.id))}>
        {t('booking.confirmDone')}
      </button>
      <p className="hint">{t('booking.confirmDoneHint')}</p>
      {error !== null && <ErrorNote error={error} />}
    </div>
  );
}

/** Cancel: the fee the policy would charge right now is shown before the customer confirms. */
function CancelWithQuote({ booking, onChange }: { booking: Booking; onChange: (b: Booking) => void }) {
  const { t, locale } = useI18n();
  const { busy, error, run } = useBookingAction(onChange);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const quote = booking.cancellationQuote!;
  const fee = formatPaise(quote.feePaise, locale);
  const terms =
    quote.feePaise > 0
      ? t('booking.cancelFee.late', { fee })
      : quote.freeUntil && booking.status === 'CONFIRMED'
        ? t('booking.cancelFreeUntil', { time: formatDateTime(quote.freeUntil, locale) })
        : t('booking.cancelFree');

  if (!open)
    return (
      <div className="action">
        <button type="button" className="btn secondary" onClick={() => setOpen(true)}>
          {t('booking.cancel')}
        </button>
        <p className="hint">{terms}</p>
      </div>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => cancelBooking(booking.id, reason.trim()));
  };
  return (
    <form className="action" onSubmit={submit}>
      <p className={quote.feePaise > 0 ? 'warning' : 'hint'} data-testid="cancel-terms">
        {terms}
      </p>
      <label htmlFor="cancel-reason">{t('booking.cancelReason')}</label>
      <input
        id="cancel-reason"
        type="text"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        minLength={3}
        maxLength={500}
      />
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="submit" className="btn danger" disabled={busy || reason.trim().length < 3}>
          {quote.feePaise > 0 ? t('booking.cancelConfirm', { fee }) : t('booking.cancelConfirmFree')}
        </button>
        <button type="button" className="btn secondary" onClick={() => setOpen(false)}>
          {t('booking.keep')}
        </button>
      </div>
    </form>
  );
}

function NoShow({ booking, onChange }: { booking: Booking; onChange: (b: Booking) => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useBookingAction(onChange);
  return (
    <div className="action">
      <button type="button" className="btn secondary" disabled={busy} onClick={() => void run(() => reportNoShow(booking.id))}>
        {t('booking.noShow')}
      </button>
      {error !== null && <ErrorNote error={error} />}
    </div>
  );
}

function Dispute({ booking, onChange }: { booking: Booking; onChange: (b: Booking) => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useBookingAction(onChange);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <div className="action">
        <button type="button" className="btn secondary" onClick={() => setOpen(true)}>
          {t('booking.dispute')}
        </button>
        <p className="hint">{t('booking.disputeHint')}</p>
      </div>
    );
  return (
    <form
      className="action"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => disputeBooking(booking.id, reason.trim()));
      }}
    >
      <label htmlFor="dispute-reason">{t('booking.disputeReason')}</label>
      <textarea id="dispute-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="submit" className="btn danger" disabled={busy || reason.trim().length < 3}>
          {t('booking.disputeSend')}
        </button>
        <button type="button" className="btn secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
