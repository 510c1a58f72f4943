'use client';

import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { type AdminBookingDetail, type AdminDisputeDetail, type Refund, retryRefund, settleRefund } from '../lib/api-admin';
import { formatPaise } from '../lib/format';
import { Money, StatusTag, useAction, useTx, When } from './admin-ui';
import { ErrorNote } from './status';

/**
 * One refund: amount, state, reason. A cash/UPI dispute refund is advanced by the platform and stays
 * PENDING until an admin records the bank/UPI transfer to the customer here. A gateway refund that
 * failed (or was never acknowledged) can be sent again.
 */
export function RefundLine({ r, method }: { r: Refund; method: string }) {
  const { t } = useI18n();
  const [refund, setRefund] = useState(r);
  const [reference, setReference] = useState('');
  const { run, busy, error } = useAction();
  const settle = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => setRefund(await settleRefund(refund.id, reference.trim())));
  };
  const needsTransfer = refund.status === 'PENDING' && method !== 'ONLINE';
  return (
    <li className="admin-refund">
      <p>
        {t('admin.refund.line')} <Money paise={refund.amount} /> <StatusTag value={`REFUND_${refund.status}`} /> ·{' '}
        <When iso={refund.processedAt ?? refund.createdAt} />
      </p>
      {refund.reason && <p className="muted">“{refund.reason}”</p>}
      {refund.retryable && method === 'ONLINE' && (
        <div className="admin-form">
          <p className="hint">
            {t('admin.refund.retryHint')}
            {refund.attempt > 1 && ` (${t('admin.refund.attempt', { n: refund.attempt })})`}
          </p>
          {error !== null && <ErrorNote error={error} />}
          <div className="btn-row">
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void run(async () => setRefund(await retryRefund(refund.id)))}
            >
              {busy ? t('admin.working') : t('admin.refund.retry')}
            </button>
          </div>
        </div>
      )}
      {needsTransfer && (
        <form onSubmit={settle} className="admin-form">
          <label htmlFor={`settle-${refund.id}`}>{t('admin.refund.reference')}</label>
          <input
            id={`settle-${refund.id}`}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            minLength={3}
            maxLength={100}
            required
          />
          <p className="hint">{t('admin.refund.settleHint')}</p>
          {error !== null && <ErrorNote error={error} />}
          <div className="btn-row">
            <button type="submit" className="btn" disabled={busy || reference.trim().length < 3}>
              {busy ? t('admin.working') : t('admin.refund.settle')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

type Party = AdminBookingDetail['customer'];

function PartyLine({ label, p }: { label: string; p: Party }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {p.businessName ? `${p.businessName} (${p.name ?? '—'})` : (p.name ?? '—')} · <a href={`tel:${p.phone}`}>{p.phone}</a>
      </dd>
    </>
  );
}

/** The booking's facts: parties, service, place, time, price, dispute state. */
export function BookingFacts({ d }: { d: AdminBookingDetail }) {
  const { t } = useI18n();
  const b = d.booking;
  return (
    <article className="card" aria-labelledby="bk-facts">
      <h2 id="bk-facts">
        {b.bookingNumber} <StatusTag value={b.status} />
      </h2>
      <dl className="admin-dl">
        <dt>{t('admin.bookings.service')}</dt>
        <dd>{b.serviceType}</dd>
        <PartyLine label={t('admin.bookings.customer')} p={d.customer} />
        <PartyLine label={t('admin.bookings.provider')} p={d.provider} />
        <dt>{t('admin.bookings.when')}</dt>
        <dd>
          <When iso={b.scheduledStart} />
        </dd>
        <dt>{t('admin.bookings.where')}</dt>
        <dd>
          {b.serviceLocation.address}
          {d.city ? `, ${d.city}` : ''}
        </dd>
        <dt>{t('admin.bookings.price')}</dt>
        <dd>
          <Money paise={b.finalPrice ?? b.quotedPrice} />
          {b.finalPrice != null && b.finalPrice !== b.quotedPrice && (
            <span className="muted">
              {' '}
              ({t('admin.bookings.quoted')} <Money paise={b.quotedPrice} />)
            </span>
          )}
        </dd>
        <dt>{t('admin.bookings.startCode')}</dt>
        <dd>
          {d.startCode.used ? (
            <>
              {t('admin.bookings.startCodeUsed')} <When iso={d.startCode.usedAt} />
            </>
          ) : (
            t('admin.bookings.startCodeUnused')
          )}
          {d.startCode.wrongAttempts > 0 && ` · ${t('admin.bookings.wrongTries', { n: d.startCode.wrongAttempts })}`}
          {d.startCode.locked && ` · ${t('admin.bookings.locked')}`}
        </dd>
        {(d.dispute.open || d.dispute.reason) && (
          <>
            <dt>{t('admin.disputes.reason')}</dt>
            <dd>
              {d.dispute.reason ?? '—'} {d.dispute.openedAt && <When iso={d.dispute.openedAt} />}
            </dd>
          </>
        )}
        {b.specialInstructions && (
          <>
            <dt>{t('admin.bookings.instructions')}</dt>
            <dd>{b.specialInstructions}</dd>
          </>
        )}
      </dl>
    </article>
  );
}

/** Every transition: from → to, who (role and name), when, with the reason. */
export function Timeline({ d }: { d: AdminBookingDetail }) {
  const { t } = useI18n();
  const tx = useTx();
  return (
    <article className="card" aria-labelledby="bk-timeline">
      <h2 id="bk-timeline">{t('admin.bookings.timeline')}</h2>
      <ol className="admin-timeline">
        {d.timeline.map((e) => (
          <li key={e.id}>
            <When iso={e.at} /> ·{' '}
            <strong>
              {e.toStatus ? (
                <>
                  {e.fromStatus ? tx(`admin.status.${e.fromStatus}`) : '•'} → {tx(`admin.status.${e.toStatus}`)}
                </>
              ) : (
                tx(`admin.event.${e.type}`, undefined, e.type)
              )}
            </strong>{' '}
            · {e.actor ? `${e.actor.name ?? '—'} (${tx(`admin.role.${e.actor.role ?? 'SYSTEM'}`)})` : t('admin.audit.system')}
            {e.reason && <div className="muted">“{e.reason}”</div>}
          </li>
        ))}
      </ol>
    </article>
  );
}

/** Payments with their refunds, and the booking's ledger totals. */
export function PaymentsAndLedger({ d }: { d: AdminBookingDetail }) {
  const { t, locale } = useI18n();
  const tx = useTx();
  const L = d.ledger.totals;
  const rows: [string, number][] = [
    [t('admin.ledgerTotals.captured'), L.capturedPaise],
    [t('admin.ledgerTotals.refunded'), L.refundedPaise],
    [t('admin.ledgerTotals.providerCredited'), L.providerCreditedPaise],
    [t('admin.ledgerTotals.clawback'), L.providerClawbackPaise],
    [t('admin.ledgerTotals.commission'), L.commissionPaise],
    [t('admin.ledgerTotals.gst'), L.gstPaise],
    [t('admin.ledgerTotals.escrow'), L.heldInEscrowPaise],
  ];
  return (
    <article className="card" aria-labelledby="bk-pay">
      <h2 id="bk-pay">{t('admin.bookings.payments')}</h2>
      {d.payments.length === 0 && <p className="muted">{t('admin.bookings.noPayments')}</p>}
      <ul className="list">
        {d.payments.map((p) => (
          <li key={p.id} className="admin-payment">
            <p>
              <Money paise={p.amount} /> · {tx(`admin.method.${p.method}`)} <StatusTag value={p.status} /> ·{' '}
              <When iso={p.paidAt ?? p.createdAt} />
            </p>
            <p className="muted">
              {t('admin.money.feeSplit', {
                fee: formatPaise(p.platformFee, locale),
                earn: formatPaise(p.providerEarnings, locale),
              })}
            </p>
            {p.refunds.length > 0 && (
              <>
                <p>
                  {t('admin.bookings.refunds', { n: p.refunds.length })} ·{' '}
                  {t('admin.money.refunded', { amount: formatPaise(p.refundedAmount, locale) })}
                </p>
                <ul className="list">
                  {p.refunds.map((r) => (
                    <RefundLine key={r.id} r={r} method={p.method} />
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('admin.bookings.ledger')}</h3>
      <table className="admin-table compact">
        <caption className="sr-only">{t('admin.bookings.ledger')}</caption>
        <tbody>
          {rows.map(([label, v]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                <Money paise={v} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.dispute.resolutions.length > 0 && (
        <>
          <h3>{t('admin.disputes.resolutions')}</h3>
          <ul className="list">
            {d.dispute.resolutions.map((r) => (
              <li key={r.id}>
                <strong>{tx(`admin.resolution.${r.resolution}`)}</strong>
                {r.amountPaise > 0 && (
                  <>
                    {' '}
                    · <Money paise={r.amountPaise} />
                  </>
                )}
                {r.providerRecoveryPaise > 0 && (
                  <>
                    {' '}
                    · {t('admin.disputes.recovered')} <Money paise={r.providerRecoveryPaise} />
                  </>
                )}{' '}
                · {r.resolvedBy.name ?? '—'} · <When iso={r.resolvedAt} />
                <div className="muted">“{r.note}”</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/** The chat as the two sides wrote it (originals next to what was delivered when masking changed it). */
export function ChatTranscript({ chat }: { chat: AdminDisputeDetail['chat'] }) {
  const { t } = useI18n();
  const tx = useTx();
  return (
    <article className="card" aria-labelledby="bk-chat">
      <h2 id="bk-chat">{t('admin.disputes.chat')}</h2>
      {!chat || chat.messages.length === 0 ? (
        <p className="muted">{t('admin.disputes.noChat')}</p>
      ) : (
        <ol className="admin-chat">
          {chat.messages.map((m) => (
            <li key={m.id} className={`from-${m.senderRole}`}>
              <span className="muted">
                {tx(`admin.role.${m.senderRole}`)} · <When iso={m.createdAt} />
              </span>
              <p>
                {m.type === 'IMAGE' && m.mediaId ? (
                  <a href={`/api/documents/${m.mediaId}`} target="_blank" rel="noopener">
                    {t('admin.disputes.photo')}
                  </a>
                ) : m.type === 'LOCATION' && m.location ? (
                  `📍 ${m.location.lat.toFixed(4)}, ${m.location.lng.toFixed(4)}`
                ) : (
                  (m.originalContent ?? m.content ?? '')
                )}
              </p>
              {m.originalContent && m.content && m.originalContent !== m.content && (
                <p className="muted">
                  {t('admin.disputes.delivered')}: {m.content}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {chat?.truncated && <p className="hint">{t('admin.disputes.truncated')}</p>}
    </article>
  );
}
