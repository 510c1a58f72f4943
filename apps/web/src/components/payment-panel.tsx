'use client';

import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Booking } from '../lib/api';
import {
  confirmPaid,
  createPaymentIntent,
  downloadInvoice,
  livePayment,
  PAID_STATUSES,
  type Payment,
  type PaymentIntent,
  recordDirectPayment,
  verifyCheckout,
} from '../lib/api-payments';
import { formatDateTime, formatPaise } from '../lib/format';
import { openRazorpayCheckout, type RazorpaySuccess } from '../lib/razorpay-checkout';
import { useSession } from '../lib/session';
import { PaymentUpi } from './payment-upi';
import { ErrorNote, Loading } from './status';

type Method = 'CASH' | 'UPI' | 'ONLINE';
const INVOICEABLE = new Set<Payment['status']>(['CAPTURED', 'COMPLETED', 'PARTIALLY_REFUNDED']);
const CHECKOUT_POLL_MS = 3_000;

/** What can be paid now and how (the API checks again: it refuses a wrong amount or a booking not payable). */
function dueFor(b: Booking): { direct: number | null; online: number | null } {
  const price = b.finalPrice ?? b.quotedPrice;
  if (b.status === 'CANCELLED' || b.status === 'NO_SHOW')
    return { direct: b.cancellationFee > 0 ? b.cancellationFee : null, online: null };
  return {
    direct: ['IN_PROGRESS', 'COMPLETED'].includes(b.status) && price > 0 ? price : null,
    online: ['CONFIRMED', 'IN_PROGRESS', 'COMPLETED'].includes(b.status) && price > 0 ? price : null,
  };
}

/** The sandbox checkout page tells its opener how the payment went (Razorpay-style fields). */
interface CheckoutMessage {
  type: 'localpro:sandbox-checkout';
  outcome?: 'success' | 'failure';
  razorpay_order_id?: string;
  razorpay_payment_id?: string;
  razorpay_signature?: string;
}

/** Pay a booking: cash, direct UPI (QR), or in-app through the gateway's checkout; then the receipt and invoice. */
export function PaymentPanel({
  booking,
  payments,
  reload,
}: {
  booking: Booking;
  payments: Payment[] | null;
  reload: () => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const payer = { name: user?.name ?? null, phone: user?.phone ?? null };
  const money = (p: number) => formatPaise(p, locale);
  const due = dueFor(booking);
  const live = payments ? livePayment(payments) : null;
  const [method, setMethod] = useState<Method | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [checkoutUrl, setCheckoutUrl] = useState<string | null>(null);
  // Razorpay: the intent whose Standard Checkout is open (or can be opened again).
  const [razorpayIntent, setRazorpayIntent] = useState<PaymentIntent | null>(null);
  const [failed, setFailed] = useState(false);
  const [unsupported, setUnsupported] = useState(false);
  const [invoiceBusy, setInvoiceBusy] = useState(false);
  const idempotencyKey = useRef<string | null>(null);
  const paid = live !== null && PAID_STATUSES.has(live.status);

  // The checkout's signed result (Razorpay's handler or the sandbox page's message): the server verifies it.
  const verify = useCallback(
    (r: RazorpaySuccess) => {
      setFailed(false);
      verifyCheckout({ orderId: r.razorpay_order_id, paymentId: r.razorpay_payment_id, signature: r.razorpay_signature })
        .then(() => reload())
        .catch((err: unknown) => setError(err));
    },
    [reload],
  );
  const checkoutOpen = checkoutUrl !== null || razorpayIntent !== null;

  // While a checkout is open: take the result the sandbox page posts back, and poll (the webhook also records it).
  useEffect(() => {
    if (!checkoutOpen || paid) return;
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== window.location.origin) return;
      const m = e.data as CheckoutMessage;
      if (m?.type !== 'localpro:sandbox-checkout') return;
      if (m.outcome === 'success' && m.razorpay_order_id && m.razorpay_payment_id && m.razorpay_signature) {
        verify({
          razorpay_order_id: m.razorpay_order_id,
          razorpay_payment_id: m.razorpay_payment_id,
          razorpay_signature: m.razorpay_signature,
        });
      } else setFailed(true);
    };
    window.addEventListener('message', onMessage);
    const timer = setInterval(() => void reload(), CHECKOUT_POLL_MS);
    return () => {
      window.removeEventListener('message', onMessage);
      clearInterval(timer);
    };
  }, [checkoutOpen, paid, reload, verify]);

  const showRazorpay = async (intent: PaymentIntent) => {
    setRazorpayIntent(intent);
    setFailed(false);
    await openRazorpayCheckout(intent, { paid: verify, failed: () => setFailed(true) }, payer);
  };

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const payOnline = () =>
    act(async () => {
      idempotencyKey.current ??= crypto.randomUUID();
      const intent = await createPaymentIntent(booking.id, idempotencyKey.current);
      if (intent.checkout.gateway === 'razorpay' && intent.checkout.scriptUrl) {
        await showRazorpay(intent);
        return;
      }
      const url = intent.checkout.checkoutUrl;
      if (!url) {
        setUnsupported(true);
        return;
      }
      setCheckoutUrl(url);
      setFailed(false);
      window.open(url, 'localpro-checkout', 'popup,width=420,height=720');
    });

  const invoice = async () => {
    setInvoiceBusy(true);
    setError(null);
    try {
      await downloadInvoice(booking.id, booking.bookingNumber);
    } catch (err) {
      setError(err);
    } finally {
      setInvoiceBusy(false);
    }
  };

  const hasSomething = live !== null || due.direct !== null || due.online !== null || booking.status === 'PENDING';
  if (!hasSomething) return null;
  const methodName = (m: Method) => t(`pay.method.${m}`);

  let body: ReactNode;
  if (payments === null) body = <Loading />;
  else if (live && paid) {
    const when = live.paidAt ? formatDateTime(live.paidAt, locale) : '';
    body = (
      <div data-testid="payment-receipt" data-payment-status={live.status} data-method={live.method}>
        <p className="success" role="status">
          {live.method !== 'ONLINE'
            ? t('pay.paid', { amount: money(live.amount), method: methodName(live.method), time: when })
            : live.releasedAt
              ? t('pay.released', { amount: money(live.amount), time: formatDateTime(live.releasedAt, locale) })
              : t('pay.captured', { amount: money(live.amount) })}
        </p>
        {live.refundedAmount > 0 && <p>{t('pay.refunded', { amount: money(live.refundedAmount) })}</p>}
        {INVOICEABLE.has(live.status) && (
          <button type="button" className="btn secondary" onClick={() => void invoice()} disabled={invoiceBusy}>
            {invoiceBusy ? t('pay.invoiceBusy') : t('pay.invoice')}
          </button>
        )}
      </div>
    );
  } else if (live && live.method !== 'ONLINE' && live.status === 'PENDING') {
    const vars = { amount: money(live.amount), method: methodName(live.method) };
    body =
      live.customerMarkedPaidAt && !live.providerConfirmedAt ? (
        <p className="notice" role="status" data-testid="payment-awaiting-pro">
          {t('pay.awaitingPro', vars)}
        </p>
      ) : (
        <div className="notice" role="status">
          <p>{t('pay.proRecorded', vars)}</p>
          <button type="button" className="btn" disabled={busy} onClick={() => void act(() => confirmPaid(live.id))}>
            {t('pay.confirmPaid', { amount: vars.amount })}
          </button>
        </div>
      );
  } else if (due.direct === null && due.online === null) body = <p className="hint">{t('pay.notYet')}</p>;
  else {
    const amount = money((due.direct ?? due.online)!);
    const options: Method[] = [
      ...(due.direct !== null ? (['CASH', 'UPI'] as const) : []),
      ...(due.online !== null ? (['ONLINE'] as const) : []),
    ];
    const chosen = method ?? (live?.method === 'ONLINE' ? 'ONLINE' : null);
    body = (
      <>
        <p>
          {booking.status === 'CANCELLED' || booking.status === 'NO_SHOW'
            ? t('pay.feeDue', { amount })
            : t('pay.due', { amount })}
        </p>
        <fieldset>
          <legend>{t('pay.how')}</legend>
          <div className="pay-methods">
            {options.map((m) => (
              <label key={m} className="choice">
                <input type="radio" name="pay-method" checked={chosen === m} onChange={() => setMethod(m)} />
                {methodName(m)}
              </label>
            ))}
          </div>
        </fieldset>
        {due.direct === null && due.online !== null && <p className="hint">{t('pay.onlineFirst')}</p>}
        {chosen === 'CASH' && due.direct !== null && (
          <div>
            <p className="hint">{t('pay.cashHint', { amount })}</p>
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void act(() => recordDirectPayment(booking.id, 'CASH', due.direct!))}
            >
              {t('pay.cashDone', { amount })}
            </button>
          </div>
        )}
        {chosen === 'UPI' && due.direct !== null && (
          <PaymentUpi
            bookingId={booking.id}
            busy={busy}
            onPaid={() => void act(() => recordDirectPayment(booking.id, 'UPI', due.direct!))}
          />
        )}
        {chosen === 'ONLINE' && due.online !== null && (
          <div>
            <p className="hint">{t('pay.onlineHint')}</p>
            {unsupported && <p className="error">{t('pay.unsupported')}</p>}
            {checkoutOpen ? (
              <>
                <p className="notice" role="status">
                  {failed ? t('pay.failed') : t('pay.waiting')}
                </p>
                {checkoutUrl ? (
                  <a className="btn secondary" href={checkoutUrl} target="localpro-checkout" rel="opener">
                    {t('pay.reopen')}
                  </a>
                ) : (
                  <button
                    type="button"
                    className="btn secondary"
                    disabled={busy}
                    onClick={() => razorpayIntent && void act(() => showRazorpay(razorpayIntent))}
                  >
                    {t('pay.reopen')}
                  </button>
                )}
              </>
            ) : (
              <button type="button" className="btn" disabled={busy} onClick={() => void payOnline()}>
                {busy ? t('pay.opening') : t('pay.onlinePay', { amount: money(due.online) })}
              </button>
            )}
          </div>
        )}
      </>
    );
  }

  return (
    <section className="card payment" aria-labelledby="payment-title">
      <h2 id="payment-title">{t('pay.title')}</h2>
      {body}
      {error !== null && <ErrorNote error={error} />}
    </section>
  );
}
