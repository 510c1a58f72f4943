'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { type FormEvent, Suspense, useState } from 'react';
import { LoadState, Money, MoreButton, StatusTag, useLoad, useTx, When } from '../../../components/admin-ui';
import { Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import { type AdminBookingsQuery, searchBookings } from '../../../lib/api-admin';

const STATUSES = ['PENDING', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'DISPUTED', 'CANCELLED', 'REJECTED', 'EXPIRED', 'NO_SHOW'];

/** Bookings: search by booking number or either party's phone, status and date; newest first. */
export default function AdminBookingsPage() {
  // useSearchParams needs a Suspense boundary in a statically rendered page.
  return (
    <Suspense fallback={<Loading />}>
      <AdminBookings />
    </Suspense>
  );
}

function AdminBookings() {
  const { t } = useI18n();
  const tx = useTx();
  // ?q= opens the list already searched (e.g. a user's bookings from the Users screen).
  const initialQ = useSearchParams().get('q') ?? '';
  const [q, setQ] = useState(initialQ);
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState<AdminBookingsQuery>(initialQ.trim().length >= 2 ? { q: initialQ.trim() } : {});
  const { data, setData, error, loading, reload } = useLoad(() => searchBookings(query), [query]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({
      q: q.trim() || undefined,
      status: (status || undefined) as AdminBookingsQuery['status'],
      from: from || undefined,
      to: to || undefined,
    });
  };
  return (
    <section aria-labelledby="bk-title">
      <h1 id="bk-title">{t('admin.bookings.title')}</h1>
      <form className="admin-filters" onSubmit={submit}>
        <div className="grow">
          <label htmlFor="bk-q">{t('admin.bookings.search')}</label>
          <input id="bk-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="LP-… / 98765 43210" />
        </div>
        <div>
          <label htmlFor="bk-status">{t('admin.filter.status')}</label>
          <select id="bk-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('admin.filter.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {tx(`admin.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="bk-from">{t('admin.filter.from')}</label>
          <input id="bk-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="bk-to">{t('admin.filter.to')}</label>
          <input id="bk-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="btn-row">
          <button type="submit" className="btn">
            {t('admin.filter.search')}
          </button>
        </div>
      </form>
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {data?.items.length === 0 && <p className="card muted">{t('admin.empty')}</p>}
        <ul className="list">
          {data?.items.map((b) => (
            <li key={b.id} className="card admin-booking-row">
              <p>
                <Link href={`/admin/bookings/${b.id}`}>
                  <strong>{b.bookingNumber}</strong>
                </Link>{' '}
                <StatusTag value={b.status} />
                {b.disputeOpen && <StatusTag value="DISPUTE_OPEN" />}
              </p>
              <p>
                {b.serviceType} · <Money paise={b.finalPrice ?? b.quotedPrice} /> · <When iso={b.scheduledStart} />
                {b.city && ` · ${b.city}`}
              </p>
              <p className="muted">
                {b.customer.name ?? b.customer.phone} → {b.provider.businessName ?? b.provider.name ?? b.provider.phone}
              </p>
            </li>
          ))}
        </ul>
        <MoreButton
          cursor={data?.nextCursor}
          onMore={async (cursor) => {
            const more = await searchBookings({ ...query, cursor });
            setData((d) => (d ? { items: [...d.items, ...more.items], nextCursor: more.nextCursor } : more));
          }}
        />
      </LoadState>
    </section>
  );
}
