'use client';

import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type ProContext, ProGate } from '../../../components/pro-gate';
import { ErrorNote, Loading } from '../../../components/status';
import { hasKey, useI18n } from '../../../i18n/i18n';
import { type Booking, type BookingList, request } from '../../../lib/api';
import {
  downloadInvoice,
  getWallet,
  listWithdrawals,
  type Payout,
  paiseToRupeesInput,
  requestWithdrawal,
  rupeesToPaise,
  setAutoPayout,
  type Wallet,
} from '../../../lib/api-pro';
import { formatDateTime, formatPaise } from '../../../lib/format';
import { BankAccount } from './bank-account';

/** /pro/earnings — wallet balance, earnings ledger, withdrawals and payouts, invoices. */
export default function EarningsPage() {
  return <ProGate>{(ctx) => <Earnings {...ctx} />}</ProGate>;
}

/** A fresh Idempotency-Key (getRandomValues works on plain http too, unlike randomUUID). */
const newKey = () =>
  `wd_${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

function Earnings(ctx: ProContext) {
  const { t, locale } = useI18n();
  const [wallet, setWallet] = useState<Wallet | null>(null);
  const [history, setHistory] = useState<Wallet['history']['items']>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [payouts, setPayouts] = useState<Payout[] | null>(null);
  const [paid, setPaid] = useState<Booking[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [w, p, done] = await Promise.all([
        getWallet(),
        listWithdrawals(),
        request<BookingList>('/bookings', { query: { as: 'provider', status: 'COMPLETED', limit: 20 } }),
      ]);
      setWallet(w);
      setHistory(w.history.items);
      setCursor(w.history.nextCursor);
      setPayouts(p.items);
      setPaid(done.items);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const more = async () => {
    if (!cursor) return;
    try {
      const w = await getWallet(cursor);
      setHistory((h) => [...h, ...w.history.items]);
      setCursor(w.history.nextCursor);
    } catch (err) {
      setError(err);
    }
  };

  if (error !== null && !wallet) return <ErrorNote error={error} onRetry={() => void load()} />;
  if (!wallet) return <Loading />;
  const money = (p: number) => formatPaise(p, locale);

  return (
    <section className="pro-earnings">
      <h1>{t('earn.title')}</h1>
      <div className="card">
        {wallet.available < 0 ? (
          <>
            <p className="pro-balance">
              <span className="muted">{t('earn.owed')}</span> <strong data-testid="owed">{money(-wallet.available)}</strong>
            </p>
            <p className="hint">{t('earn.owedHint')}</p>
          </>
        ) : (
          <p className="pro-balance">
            <span className="muted">{t('earn.available')}</span>{' '}
            <strong data-testid="available">{money(wallet.available)}</strong>
          </p>
        )}
        <dl className="pro-figures">
          <div>
            <dt>{t('earn.held')}</dt>
            <dd>{money(wallet.held)}</dd>
          </div>
          <div>
            <dt>{t('earn.inTransit')}</dt>
            <dd>{money(wallet.inTransit)}</dd>
          </div>
          <div>
            <dt>{t('earn.lifetime')}</dt>
            <dd>{money(wallet.lifetimeEarnings)}</dd>
          </div>
        </dl>
        <p className="hint">{t('earn.heldHint')}</p>
      </div>

      <BankAccount {...ctx} />
      {wallet.available >= 0 && <Withdraw wallet={wallet} onDone={() => void load()} />}
      <AutoPayout wallet={wallet} onChange={(autoPayout) => setWallet({ ...wallet, autoPayout })} />

      <h2 id="payouts-title">{t('earn.payouts')}</h2>
      {payouts && payouts.length === 0 && <p className="muted">{t('earn.noPayouts')}</p>}
      {payouts && payouts.length > 0 && (
        <ul className="list pro-ledger" aria-labelledby="payouts-title">
          {payouts.map((p) => (
            <li key={p.id} className="card" data-status={p.status}>
              <p>
                <strong>{money(p.amount)}</strong>{' '}
                <span className={`status payout-${p.status}`}>{t(`earn.payout.${p.status}`)}</span>
                {p.auto && <span className="muted"> · {t('earn.auto')}</span>}
              </p>
              <p className="muted">
                {p.processedAt
                  ? t('earn.paidOn', { at: formatDateTime(p.processedAt, locale) })
                  : t('earn.expected', { at: formatDateTime(p.scheduledFor, locale) })}
              </p>
              {p.failureReason && <p className="error">{p.failureReason}</p>}
            </li>
          ))}
        </ul>
      )}

      <h2 id="ledger-title">{t('earn.ledger')}</h2>
      {history.length === 0 ? (
        <p className="muted">{t('earn.noLedger')}</p>
      ) : (
        <ul className="pro-ledger-lines" aria-labelledby="ledger-title">
          {history.map((h) => {
            const key = `earn.kind.${h.kind.toUpperCase()}`;
            return (
              <li key={h.id}>
                <span>
                  {hasKey(key) ? t(key) : h.kind}
                  <br />
                  <time className="muted" dateTime={h.createdAt}>
                    {formatDateTime(h.createdAt, locale)}
                  </time>
                </span>
                <strong className={h.amount >= 0 ? 'credit' : 'debit'}>
                  {h.amount >= 0 ? '+' : '−'}
                  {money(Math.abs(h.amount))}
                </strong>
              </li>
            );
          })}
        </ul>
      )}
      {cursor && (
        <button type="button" className="btn secondary" onClick={() => void more()}>
          {t('earn.more')}
        </button>
      )}

      <h2 id="invoices-title">{t('earn.invoices')}</h2>
      {paid && paid.length === 0 && <p className="muted">{t('earn.noInvoices')}</p>}
      {paid && paid.length > 0 && (
        <ul className="pro-ledger-lines" aria-labelledby="invoices-title">
          {paid.map((b) => (
            <InvoiceRow key={b.id} booking={b} />
          ))}
        </ul>
      )}
      {error !== null && <ErrorNote error={error} />}
    </section>
  );
}

function InvoiceRow({ booking }: { booking: Booking }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadInvoice(booking);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li>
      <span>
        {booking.serviceType} #{booking.bookingNumber}
        <br />
        <span className="muted">
          {formatDateTime(booking.completedAt ?? booking.scheduledStart, locale)} ·{' '}
          {formatPaise(booking.finalPrice ?? booking.quotedPrice, locale)}
        </span>
        {error !== null && <ErrorNote error={error} />}
      </span>
      <button
        type="button"
        className="btn secondary"
        disabled={busy}
        onClick={() => void download()}
        aria-label={t('earn.invoiceFor', { n: booking.bookingNumber })}
      >
        {busy ? t('earn.downloading') : t('earn.invoice')}
      </button>
    </li>
  );
}

function Withdraw({ wallet, onDone }: { wallet: Wallet; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [amount, setAmount] = useState(() => paiseToRupeesInput(wallet.available));
  // One key per intended withdrawal: a retry of the same request (double tap, network) is not paid twice.
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Payout | null>(null);
  const paise = rupeesToPaise(amount);
  const problem =
    amount === ''
      ? null
      : paise === null
        ? t('onb.prices.badAmount')
        : paise < wallet.minimumWithdrawal
          ? t('earn.belowMin', { min: formatPaise(wallet.minimumWithdrawal, locale) })
          : paise > wallet.available
            ? t('earn.aboveAvailable')
            : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (paise === null || problem) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const p = await requestWithdrawal(paise, key);
      setDone(p);
      setKey(newKey());
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('earn.withdraw')}</h2>
      <p className="muted">{t('earn.withdrawHint', { min: formatPaise(wallet.minimumWithdrawal, locale) })}</p>
      <label htmlFor="withdraw-amount">{t('earn.amount')}</label>
      <div className="pro-inline">
        <span aria-hidden="true">₹</span>
        <input
          id="withdraw-amount"
          inputMode="decimal"
          value={amount}
          onChange={(e) => {
            setAmount(e.target.value);
            setKey(newKey());
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby="withdraw-problem"
        />
      </div>
      <p id="withdraw-problem" className={problem ? 'error' : 'sr-only'}>
        {problem ?? ''}
      </p>
      {error !== null && <ErrorNote error={error} />}
      {done && (
        <p className="success" role="status">
          {t('earn.requested', { amount: formatPaise(done.amount, locale), at: formatDateTime(done.scheduledFor, locale) })}
        </p>
      )}
      <div className="btn-row">
        <button type="submit" className="btn" disabled={busy || paise === null || Boolean(problem)}>
          {busy ? t('earn.requesting') : t('earn.withdrawButton')}
        </button>
      </div>
    </form>
  );
}

function AutoPayout({ wallet, onChange }: { wallet: Wallet; onChange: (on: boolean) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const toggle = async (on: boolean) => {
    setBusy(true);
    setError(null);
    try {
      onChange((await setAutoPayout(on)).autoPayout);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card">
      <label className="choice">
        <input type="checkbox" checked={wallet.autoPayout} disabled={busy} onChange={(e) => void toggle(e.target.checked)} />
        {t('earn.autoPayout')}
      </label>
      <p className="hint">{t('earn.autoPayoutHint')}</p>
      {error !== null && <ErrorNote error={error} />}
    </div>
  );
}
