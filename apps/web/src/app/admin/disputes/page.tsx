'use client';

import Link from 'next/link';
import { useState } from 'react';
import { LoadState, Money, MoreButton, StatusTag, useLoad, useTx, When } from '../../../components/admin-ui';
import { useI18n } from '../../../i18n/i18n';
import { listDisputes } from '../../../lib/api-admin';

/** Disputes: open cases oldest first (with what evidence there is), or recent resolutions. */
export default function AdminDisputes() {
  const { t } = useI18n();
  const tx = useTx();
  const [state, setState] = useState<'OPEN' | 'RESOLVED'>('OPEN');
  const { data, setData, error, loading, reload } = useLoad(() => listDisputes(state), [state]);
  return (
    <section aria-labelledby="dsp-title">
      <h1 id="dsp-title">{t('admin.disputes.title')}</h1>
      <fieldset className="chips">
        <legend className="sr-only">{t('admin.filter.status')}</legend>
        {(['OPEN', 'RESOLVED'] as const).map((s) => (
          <button key={s} type="button" className="chip" aria-pressed={state === s} onClick={() => setState(s)}>
            {t(s === 'OPEN' ? 'admin.disputes.open' : 'admin.disputes.resolved')}
          </button>
        ))}
      </fieldset>
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {data?.items.length === 0 && (
          <p className="card muted">{state === 'OPEN' ? t('admin.disputes.none') : t('admin.empty')}</p>
        )}
        <ul className="list">
          {data?.items.map((d) => (
            <li key={`${d.bookingId}-${d.resolution?.id ?? 'open'}`} className="card">
              <p>
                <Link href={`/admin/disputes/${d.bookingId}`}>
                  <strong>{d.bookingNumber}</strong>
                </Link>{' '}
                <StatusTag value={d.status} /> · {d.serviceType}
              </p>
              <p>“{d.reason ?? '—'}”</p>
              <p className="muted">
                {d.customer.name ?? d.customer.phone} ↔ {d.provider.businessName ?? d.provider.name ?? d.provider.phone} ·{' '}
                <Money paise={d.paidPaise} /> {d.paymentMethod && tx(`admin.method.${d.paymentMethod}`)}
              </p>
              <p className="muted">
                {t('admin.disputes.opened')} <When iso={d.openedAt} /> · {t('admin.disputes.age', { h: d.ageHours })} ·{' '}
                {t('admin.disputes.evidence', {
                  events: d.evidence.timelineEvents,
                  chat: d.evidence.chatMessages,
                  photos: d.evidence.photos,
                })}{' '}
                · {d.evidence.startCodeUsed ? t('admin.bookings.startCodeUsed') : t('admin.bookings.startCodeUnused')}
              </p>
              {d.resolution && (
                <p>
                  <strong>{tx(`admin.resolution.${d.resolution.resolution}`)}</strong>
                  {d.resolution.amountPaise > 0 && (
                    <>
                      {' '}
                      · <Money paise={d.resolution.amountPaise} />
                    </>
                  )}{' '}
                  · “{d.resolution.note}”
                </p>
              )}
            </li>
          ))}
        </ul>
        <MoreButton
          cursor={data?.nextCursor}
          onMore={async (cursor) => {
            const more = await listDisputes(state, cursor);
            setData((d) => (d ? { items: [...d.items, ...more.items], nextCursor: more.nextCursor } : more));
          }}
        />
      </LoadState>
    </section>
  );
}
