'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { BookingFacts, ChatTranscript, PaymentsAndLedger, Timeline } from '../../../../components/admin-booking';
import { LedgerCheckCard } from '../../../../components/admin-ledger';
import { LoadState, Money, useAction, useLoad, useTx, When } from '../../../../components/admin-ui';
import { ErrorNote } from '../../../../components/status';
import { useI18n } from '../../../../i18n/i18n';
import { type AdminDisputeDetail, getDispute, type ResolveDispute, resolveDispute } from '../../../../lib/api-admin';
import { formatPaise } from '../../../../lib/format';

/** One dispute: the evidence (timeline, start code, chat, photos, payments) and the resolution form. */
export default function AdminDisputePage() {
  const { t } = useI18n();
  const { bookingId } = useParams<{ bookingId: string }>();
  const { data, error, loading, reload } = useLoad(() => getDispute(bookingId), [bookingId]);
  const [resolvedNote, setResolvedNote] = useState<string | null>(null);
  return (
    <section>
      <p>
        <Link href="/admin/disputes">← {t('admin.nav.disputes')}</Link>
      </p>
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {data && (
          <>
            <h1>{t('admin.disputes.caseTitle', { n: data.booking.bookingNumber })}</h1>
            {resolvedNote && (
              <>
                <p className="success" role="status">
                  {resolvedNote}
                </p>
                <LedgerCheckCard />
              </>
            )}
            {data.dispute.open && !resolvedNote && (
              <ResolveForm
                d={data}
                onResolved={(text) => {
                  setResolvedNote(text);
                  void reload();
                }}
              />
            )}
            <BookingFacts d={data} />
            <Photos d={data} />
            <ChatTranscript chat={data.chat} />
            <Timeline d={data} />
            <PaymentsAndLedger d={data} />
          </>
        )}
      </LoadState>
    </section>
  );
}

function Photos({ d }: { d: AdminDisputeDetail }) {
  const { t } = useI18n();
  const tx = useTx();
  return (
    <article className="card" aria-labelledby="dsp-photos">
      <h2 id="dsp-photos">{t('admin.disputes.photos')}</h2>
      {d.photos.length === 0 ? (
        <p className="muted">{t('admin.disputes.noPhotos')}</p>
      ) : (
        <ul className="admin-docs">
          {d.photos.map((p) => (
            <li key={p.mediaId}>
              <a href={`/api/documents/${p.mediaId}`} target="_blank" rel="noopener">
                {/* biome-ignore lint/performance/noImgElement: private images served by the API with the session cookie */}
                <img src={`/api/documents/${p.mediaId}`} alt="" width={96} height={96} loading="lazy" />
                <span>
                  {tx(`admin.photoSource.${p.source}`)} · <When iso={p.at} />
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function ResolveForm({ d, onResolved }: { d: AdminDisputeDetail; onResolved: (text: string) => void }) {
  const { t, locale } = useI18n();
  const tx = useTx();
  const [resolution, setResolution] = useState<ResolveDispute['resolution']>('REFUND_PARTIAL');
  const [amount, setAmount] = useState('');
  const [rework, setRework] = useState('');
  const [note, setNote] = useState('');
  const [recover, setRecover] = useState(true);
  const { run, busy, error } = useAction();
  const max = d.refundablePaise;
  const amountPaise = Math.round(Number(amount) * 100);
  const valid =
    note.trim().length >= 3 &&
    (resolution !== 'REFUND_PARTIAL' || (amountPaise > 0 && amountPaise < max)) &&
    (resolution !== 'REWORK' || rework !== '') &&
    (resolution !== 'REFUND_FULL' || max > 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ResolveDispute = { resolution, note: note.trim() };
    if (resolution === 'REFUND_PARTIAL') body.amountPaise = amountPaise;
    if (resolution === 'REFUND_PARTIAL' || resolution === 'REFUND_FULL') body.recoverFromProvider = recover;
    // datetime-local is a wall-clock time; the platform's wall clock is India's.
    if (resolution === 'REWORK') body.reworkStart = `${rework}:00+05:30`;
    void run(async () => {
      const r = await resolveDispute(d.booking.id, body);
      onResolved(
        t('admin.disputes.resolvedNote', {
          what: tx(`admin.resolution.${r.resolution.resolution}`),
          amount: r.resolution.amountPaise > 0 ? formatPaise(r.resolution.amountPaise, locale) : '—',
        }) +
          (r.resolution.providerRecoveryPaise > 0
            ? ` ${t('admin.disputes.recoveredNote', { amount: formatPaise(r.resolution.providerRecoveryPaise, locale) })}`
            : ''),
      );
    });
  };

  return (
    <form className="card admin-resolve" onSubmit={submit} aria-labelledby="resolve-title">
      <h2 id="resolve-title">{t('admin.disputes.resolve')}</h2>
      <p className="muted">
        {t('admin.disputes.refundable')} <Money paise={max} /> · {t('admin.disputes.opened')} <When iso={d.dispute.openedAt} />
      </p>
      <fieldset>
        <legend>{t('admin.disputes.outcome')}</legend>
        {(['REFUND_FULL', 'REFUND_PARTIAL', 'REWORK', 'NO_ACTION'] as const).map((r) => (
          <label key={r} className="choice">
            <input type="radio" name="resolution" checked={resolution === r} onChange={() => setResolution(r)} />
            {tx(`admin.resolution.${r}`)}
            {r === 'REFUND_FULL' && ` (${formatPaise(max, locale)})`}
          </label>
        ))}
      </fieldset>
      {resolution === 'REFUND_PARTIAL' && (
        <>
          <label htmlFor="rs-amount">{t('admin.disputes.amount', { max: formatPaise(max, locale) })}</label>
          <input id="rs-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required />
        </>
      )}
      {(resolution === 'REFUND_PARTIAL' || resolution === 'REFUND_FULL') && (
        <>
          <label className="choice">
            <input type="checkbox" checked={recover} onChange={(e) => setRecover(e.target.checked)} />
            {t('admin.disputes.recover')}
          </label>
          <p className="hint">{t('admin.disputes.recoverHint')}</p>
        </>
      )}
      {resolution === 'REWORK' && (
        <>
          <label htmlFor="rs-rework">{t('admin.disputes.reworkAt')}</label>
          <input id="rs-rework" type="datetime-local" value={rework} onChange={(e) => setRework(e.target.value)} required />
          <p className="hint">{t('admin.disputes.reworkHint')}</p>
        </>
      )}
      <label htmlFor="rs-note">{t('admin.disputes.note')}</label>
      <textarea id="rs-note" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} required />
      <p className="hint">{t('admin.disputes.noteHint')}</p>
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="submit" className="btn" disabled={busy || !valid}>
          {busy ? t('admin.working') : t('admin.disputes.resolveButton')}
        </button>
      </div>
    </form>
  );
}
