'use client';

import Link from 'next/link';
import { type FormEvent, useEffect, useState } from 'react';
import { RefundLine } from '../../../components/admin-booking';
import { LedgerCheckCard } from '../../../components/admin-ledger';
import {
  LoadState,
  Money,
  MoreButton,
  Notice,
  ReasonAction,
  StatusTag,
  useAction,
  useLoad,
  useTx,
  When,
} from '../../../components/admin-ui';
import { BarChart } from '../../../components/charts/bar-chart';
import { ErrorNote } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import {
  type AdminPaymentItem,
  type AdminPaymentsQuery,
  getRevenue,
  listPayments,
  listPayouts,
  type PayoutStatus,
  refundPayment,
  retryPayout,
} from '../../../lib/api-admin';
import { formatPaise, IST, istDate } from '../../../lib/format';

type Tab = 'payments' | 'payouts' | 'revenue';

/** Money: the ledger check up top, then payments (with refunds), payouts (retry failed) and platform revenue. */
export default function AdminMoney() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('payments');
  return (
    <section aria-labelledby="money-title">
      <h1 id="money-title">{t('admin.money.title')}</h1>
      <LedgerCheckCard />
      <div className="chips" role="tablist" aria-label={t('admin.money.title')}>
        {(['payments', 'payouts', 'revenue'] as const).map((k) => (
          <button key={k} type="button" role="tab" className="chip" aria-selected={tab === k} onClick={() => setTab(k)}>
            {t(`admin.money.tab.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'payments' && <Payments />}
        {tab === 'payouts' && <Payouts />}
        {tab === 'revenue' && <RevenuePanel />}
      </div>
    </section>
  );
}

function Payments() {
  const { t } = useI18n();
  const tx = useTx();
  const [status, setStatus] = useState('');
  const [method, setMethod] = useState('');
  const [refundStatus, setRefundStatus] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState<AdminPaymentsQuery>({});
  // `?refunds=FAILED` (where a "refund failed" notification leads) opens the list filtered.
  useEffect(() => {
    const wanted = new URLSearchParams(window.location.search).get('refunds');
    if (wanted === 'FAILED' || wanted === 'PENDING') {
      setRefundStatus(wanted);
      setQuery({ refundStatus: wanted });
    }
  }, []);
  const { data, setData, error, loading, reload } = useLoad(() => listPayments(query), [query]);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({
      status: (status || undefined) as AdminPaymentsQuery['status'],
      method: (method || undefined) as AdminPaymentsQuery['method'],
      refundStatus: (refundStatus || undefined) as AdminPaymentsQuery['refundStatus'],
      from: from || undefined,
      to: to || undefined,
    });
  };
  return (
    <>
      <form className="admin-filters" onSubmit={submit}>
        <div>
          <label htmlFor="pay-status">{t('admin.filter.status')}</label>
          <select id="pay-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('admin.filter.any')}</option>
            {['PENDING', 'AUTHORIZED', 'CAPTURED', 'COMPLETED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED'].map((s) => (
              <option key={s} value={s}>
                {tx(`admin.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="pay-method">{t('admin.money.method')}</label>
          <select id="pay-method" value={method} onChange={(e) => setMethod(e.target.value)}>
            <option value="">{t('admin.filter.any')}</option>
            {['ONLINE', 'UPI', 'CASH'].map((m) => (
              <option key={m} value={m}>
                {tx(`admin.method.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="pay-refunds">{t('admin.money.refundFilter')}</label>
          <select id="pay-refunds" value={refundStatus} onChange={(e) => setRefundStatus(e.target.value)}>
            <option value="">{t('admin.filter.any')}</option>
            {['FAILED', 'PENDING'].map((s) => (
              <option key={s} value={s}>
                {tx(`admin.status.REFUND_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="pay-from">{t('admin.filter.from')}</label>
          <input id="pay-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="pay-to">{t('admin.filter.to')}</label>
          <input id="pay-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="btn-row">
          <button type="submit" className="btn">
            {t('admin.filter.apply')}
          </button>
        </div>
      </form>
      <Notice text={notice} />
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {data?.items.length === 0 && <p className="card muted">{t('admin.empty')}</p>}
        <ul className="list">
          {data?.items.map((p) => (
            <PaymentRow
              key={p.id}
              p={p}
              onRefunded={(text) => {
                setNotice(text);
                void reload();
              }}
            />
          ))}
        </ul>
        <MoreButton
          cursor={data?.nextCursor}
          onMore={async (cursor) => {
            const more = await listPayments({ ...query, cursor });
            setData((d) => (d ? { items: [...d.items, ...more.items], nextCursor: more.nextCursor } : more));
          }}
        />
      </LoadState>
    </>
  );
}

function PaymentRow({ p, onRefunded }: { p: AdminPaymentItem; onRefunded: (text: string) => void }) {
  const { t, locale } = useI18n();
  const tx = useTx();
  const [amount, setAmount] = useState('');
  const refundable = p.amount - p.refundedAmount;
  const canRefund = p.method === 'ONLINE' && refundable > 0 && ['CAPTURED', 'COMPLETED', 'PARTIALLY_REFUNDED'].includes(p.status);
  const amountPaise = Math.round(Number(amount) * 100);
  return (
    <li className="card">
      <p>
        <Link href={`/admin/bookings/${p.bookingId}`}>{p.bookingNumber}</Link> · <Money paise={p.amount} /> ·{' '}
        {tx(`admin.method.${p.method}`)} <StatusTag value={p.status} />
      </p>
      <p className="muted">
        {p.customerName ?? '—'} → {p.providerName ?? '—'} · <When iso={p.paidAt ?? p.createdAt} />
      </p>
      <p className="muted">
        {t('admin.money.feeSplit', { fee: formatPaise(p.platformFee, locale), earn: formatPaise(p.providerEarnings, locale) })}
        {p.refundedAmount > 0 && ` · ${t('admin.money.refunded', { amount: formatPaise(p.refundedAmount, locale) })}`}
      </p>
      {p.refunds.length > 0 && (
        <ul className="list">
          {p.refunds.map((r) => (
            <RefundLine key={r.id} r={r} method={p.method} />
          ))}
        </ul>
      )}
      {canRefund && (
        <details>
          <summary>{t('admin.money.refund')}</summary>
          <label htmlFor={`ra-${p.id}`}>{t('admin.money.refundAmount', { max: formatPaise(refundable, locale) })}</label>
          <input id={`ra-${p.id}`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          <ReasonAction
            label={t('admin.money.refund')}
            reasonLabel={t('admin.money.refundReason')}
            danger
            disabled={!(amountPaise > 0 && amountPaise <= refundable)}
            onSubmit={async (reason) => {
              await refundPayment(p.id, amountPaise, reason);
              onRefunded(t('admin.money.refundDone', { amount: formatPaise(amountPaise, locale), booking: p.bookingNumber }));
            }}
          />
        </details>
      )}
    </li>
  );
}

function Payouts() {
  const { t } = useI18n();
  const tx = useTx();
  const [status, setStatus] = useState<PayoutStatus | undefined>('FAILED');
  const { data, setData, error, loading, reload } = useLoad(() => listPayouts(status), [status]);
  const { run, busy, error: actError } = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <fieldset className="chips">
        <legend className="sr-only">{t('admin.filter.status')}</legend>
        {(['REQUESTED', 'PROCESSING', 'FAILED', 'PROCESSED'] as const).map((s) => (
          <button key={s} type="button" className="chip" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {tx(`admin.status.${s}`)}
            {data ? ` (${data.counts[s]})` : ''}
          </button>
        ))}
      </fieldset>
      <Notice text={notice} />
      {actError !== null && <ErrorNote error={actError} />}
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {data?.items.length === 0 && <p className="card muted">{t('admin.empty')}</p>}
        <ul className="list">
          {data?.items.map((p) => (
            <li key={p.id} className="card">
              <p>
                <strong>{p.businessName ?? p.providerName ?? '—'}</strong> · <Money paise={p.amount} />{' '}
                <StatusTag value={p.status} />
                {p.auto && <span className="muted"> · {t('admin.money.auto')}</span>}
              </p>
              <p className="muted">
                {t('admin.money.scheduled')} <When iso={p.scheduledFor} />
                {p.processedAt && (
                  <>
                    {' · '}
                    {t('admin.money.processed')} <When iso={p.processedAt} />
                  </>
                )}
                {p.vendor && ` · ${p.vendor}`}
              </p>
              {p.failureReason && <p className="error-text">{p.failureReason}</p>}
              {p.retryable && (
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      await retryPayout(p.id);
                      setNotice(t('admin.money.retried'));
                      setData((d) => (d ? { ...d, items: d.items.filter((x) => x.id !== p.id) } : d));
                    })
                  }
                >
                  {t('admin.money.retry')}
                </button>
              )}
            </li>
          ))}
        </ul>
        <MoreButton
          cursor={data?.nextCursor}
          onMore={async (cursor) => {
            const more = await listPayouts(status, cursor);
            setData((d) => (d ? { ...more, items: [...d.items, ...more.items] } : more));
          }}
        />
      </LoadState>
    </>
  );
}

function RevenuePanel() {
  const { t, locale } = useI18n();
  const [from, setFrom] = useState(istDate(new Date(Date.now() - 29 * 86_400_000)));
  const [to, setTo] = useState(istDate(new Date()));
  const [query, setQuery] = useState({ from, to });
  const { data, error, loading, reload } = useLoad(() => getRevenue(query), [query]);
  const money = (v: number) => formatPaise(Math.round(v), locale);
  return (
    <>
      <form
        className="admin-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ from, to });
        }}
      >
        <div>
          <label htmlFor="rev-from">{t('admin.filter.from')}</label>
          <input id="rev-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </div>
        <div>
          <label htmlFor="rev-to">{t('admin.filter.to')}</label>
          <input id="rev-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </div>
        <div className="btn-row">
          <button type="submit" className="btn">
            {t('admin.filter.apply')}
          </button>
        </div>
      </form>
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {data && (
          <>
            <dl className="admin-kpis">
              <div className="kpi">
                <dt>{t('admin.kpi.commission')}</dt>
                <dd>{money(data.totals.commissionPaise)}</dd>
              </div>
              <div className="kpi">
                <dt>{t('admin.money.gst')}</dt>
                <dd>{money(data.totals.gstPaise)}</dd>
              </div>
              <div className="kpi">
                <dt>{t('admin.money.refundsExpense')}</dt>
                <dd>{money(data.totals.refundsExpensePaise)}</dd>
              </div>
              <div className="kpi">
                <dt>{t('admin.money.netRevenue')}</dt>
                <dd>{money(data.totals.netRevenuePaise)}</dd>
              </div>
            </dl>
            <BarChart
              title={t('admin.money.commissionByDay')}
              description={t('admin.chart.totalDesc', {
                value: money(data.totals.commissionPaise),
                range: `${data.from} – ${data.to}`,
              })}
              labels={data.days.map((d) =>
                new Intl.DateTimeFormat(locale, { timeZone: IST, day: 'numeric', month: 'short' }).format(
                  new Date(`${d.date}T12:00:00+05:30`),
                ),
              )}
              format={money}
              series={[
                { key: 'c', label: t('admin.kpi.commission'), color: '#116b2f', values: data.days.map((d) => d.commissionPaise) },
              ]}
            />
          </>
        )}
      </LoadState>
    </>
  );
}
