'use client';

import { useCallback, useEffect, useState } from 'react';
import { BookingSummary } from '../../components/booking-item';
import { ErrorNote, Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import type { Booking } from '../../lib/api';
import { confirmReceipt, listBookingPayments, type Payment, recordDirectPayment } from '../../lib/api-pro';
import { formatPaise } from '../../lib/format';

/**
 * A completed job's payment from the pro's side (spec flow 6): confirm the cash/UPI the customer says they
 * paid, or record it yourself; online payments need nothing from the pro.
 */
export function CollectPayment({
  booking,
  onState,
}: {
  booking: Booking;
  /** Reports whether this job still has a cash/UPI payment for the pro to act on or wait for. */
  onState: (id: string, pending: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const [payments, setPayments] = useState<Payment[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const due = booking.finalPrice ?? booking.quotedPrice;

  const load = useCallback(async () => {
    try {
      const items = (await listBookingPayments(booking.id)).items;
      setPayments(items);
      const live = items.find((p) => p.status !== 'FAILED');
      onState(booking.id, !live || (live.status === 'PENDING' && live.method !== 'ONLINE'));
    } catch (err) {
      setError(err);
    }
  }, [booking.id, onState]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<Payment>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (payments === null) return error !== null ? <ErrorNote error={error} /> : <Loading />;
  const live = payments.find((p) => p.status !== 'FAILED');
  if (live && (live.status !== 'PENDING' || live.method === 'ONLINE')) return null;

  return (
    <BookingSummary booking={booking}>
      <div className="pro-collect" data-payment={live?.status ?? 'NONE'}>
        {!live && (
          <>
            <p>{t('collect.due', { amount: formatPaise(due, locale) })}</p>
            <div className="btn-row">
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => void run(() => recordDirectPayment(booking.id, 'CASH', due))}
              >
                {t('collect.cash')}
              </button>
              <button
                type="button"
                className="btn secondary"
                disabled={busy}
                onClick={() => void run(() => recordDirectPayment(booking.id, 'UPI', due))}
              >
                {t('collect.upi')}
              </button>
            </div>
          </>
        )}
        {live?.customerMarkedPaidAt && !live.providerConfirmedAt && (
          <>
            <p>
              {t(`collect.customerSays.${live.method === 'UPI' ? 'UPI' : 'CASH'}`, { amount: formatPaise(live.amount, locale) })}
            </p>
            <div className="btn-row">
              <button type="button" className="btn" disabled={busy} onClick={() => void run(() => confirmReceipt(live.id))}>
                {t('collect.confirm')}
              </button>
            </div>
          </>
        )}
        {live?.providerConfirmedAt && !live.customerMarkedPaidAt && (
          <p className="muted">{t('collect.waitingCustomer', { amount: formatPaise(live.amount, locale) })}</p>
        )}
        {error !== null && <ErrorNote error={error} />}
      </div>
    </BookingSummary>
  );
}
