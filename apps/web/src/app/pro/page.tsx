'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { BookingSummary } from '../../components/booking-item';
import { type ProContext, ProGate } from '../../components/pro-gate';
import { ErrorNote, Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { type Booking, type BookingList, request } from '../../lib/api';
import { istDate } from '../../lib/format';
import { useLiveBookings } from '../../lib/socket';
import { CollectPayment } from './collect-payment';
import { ProviderActions } from './provider-actions';

const ACTIVE = ['PENDING', 'CONFIRMED', 'IN_PROGRESS'] as const;

/** Every open booking of mine (requests, confirmed and running jobs), whatever the list's page size. */
async function openBookings(): Promise<Booking[]> {
  const lists = await Promise.all(
    ACTIVE.map((status) => request<BookingList>('/bookings', { query: { as: 'provider', status, limit: 100 } })),
  );
  return lists.flatMap((l) => l.items);
}

/** /pro — the provider's dashboard: new requests (countdown), today's schedule, upcoming jobs; onboarding first. */
export default function ProPage() {
  return <ProGate>{(ctx) => <Dashboard {...ctx} />}</ProGate>;
}

function Dashboard({ profile }: ProContext) {
  const { t } = useI18n();
  const router = useRouter();
  const [items, setItems] = useState<Booking[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const [completed, setCompleted] = useState<Booking[]>([]);
  const [toCollect, setToCollect] = useState<Record<string, boolean>>({});
  const collectState = useCallback(
    (id: string, pending: boolean) => setToCollect((m) => (m[id] === pending ? m : { ...m, [id]: pending })),
    [],
  );

  const load = useCallback(async () => {
    setError(null);
    try {
      const [open, done] = await Promise.all([
        openBookings(),
        request<BookingList>('/bookings', { query: { as: 'provider', status: 'COMPLETED', limit: 10 } }),
      ]);
      setItems(open);
      setCompleted(done.items);
    } catch (err) {
      setError(err);
    }
  }, []);

  useEffect(() => {
    // A new provider finishes onboarding before anything else.
    if (profile.status === 'DRAFT') router.replace('/pro/onboarding');
    else void load();
  }, [profile.status, router, load]);
  useLiveBookings(items, setItems, () => void load());

  if (profile.status === 'DRAFT') return <Loading />;

  const replace = (b: Booking) => setItems((list) => list?.map((x) => (x.id === b.id ? { ...x, ...b } : x)) ?? null);
  const today = istDate(new Date());
  const byStart = (a: Booking, b: Booking) => a.scheduledStart.localeCompare(b.scheduledStart);
  const requests = (items?.filter((b) => b.status === 'PENDING') ?? []).sort((a, b) =>
    (a.respondBy ?? a.createdAt).localeCompare(b.respondBy ?? b.createdAt),
  );
  const active = (items?.filter((b) => b.status === 'CONFIRMED' || b.status === 'IN_PROGRESS') ?? []).sort(byStart);
  const todays = active.filter((b) => istDate(new Date(b.scheduledStart)) <= today);
  const upcoming = active.filter((b) => istDate(new Date(b.scheduledStart)) > today);

  return (
    <section className="pro-dashboard">
      <h1>{t('pro.title')}</h1>
      {profile.status !== 'APPROVED' && (
        <div className={`card pro-status-card status-${profile.status}`}>
          <p>
            <strong>{t('pro.status', { status: t(`proStatus.label.${profile.status}`) })}</strong>
          </p>
          <p className="muted">{t(`proStatus.explain.${profile.status}`)}</p>
          <Link href="/pro/status">{t('dash.seeStatus')}</Link>
        </div>
      )}
      {items && (
        <ul className="pro-stats" aria-label={t('dash.summary')}>
          <li>
            <strong>{requests.length}</strong> {t('dash.statRequests')}
          </li>
          <li>
            <strong>{todays.length}</strong> {t('dash.statToday')}
          </li>
          <li>
            <strong>{upcoming.length}</strong> {t('dash.statUpcoming')}
          </li>
        </ul>
      )}
      {error !== null && <ErrorNote error={error} onRetry={() => void load()} />}
      {items === null && error === null && <Loading />}
      {items && (
        <>
          <h2 id="pro-requests">{t('pro.requests')}</h2>
          {requests.length === 0 ? (
            <p className="muted">{t('pro.noRequests')}</p>
          ) : (
            <ul className="list" aria-labelledby="pro-requests">
              {requests.map((b) => (
                <BookingSummary key={b.id} booking={b}>
                  <ProviderActions booking={b} onDone={replace} />
                </BookingSummary>
              ))}
            </ul>
          )}
          <h2 id="pro-today">{t('pro.today')}</h2>
          {todays.length === 0 ? (
            <p className="muted">{t('pro.nothingToday')}</p>
          ) : (
            <ul className="list" aria-labelledby="pro-today">
              {todays.map((b) => (
                <BookingSummary key={b.id} booking={b}>
                  <ProviderActions booking={b} onDone={replace} />
                </BookingSummary>
              ))}
            </ul>
          )}
          <h2 id="pro-upcoming">{t('pro.upcoming')}</h2>
          {upcoming.length === 0 ? (
            <p className="muted">{t('dash.noUpcoming')}</p>
          ) : (
            <ul className="list" aria-labelledby="pro-upcoming">
              {upcoming.map((b) => (
                <BookingSummary key={b.id} booking={b}>
                  <ProviderActions booking={b} onDone={replace} />
                </BookingSummary>
              ))}
            </ul>
          )}
          <h2 id="pro-collect">{t('collect.title')}</h2>
          <p className="muted">{t('collect.hint')}</p>
          <ul className="list" aria-labelledby="pro-collect">
            {completed.map((b) => (
              <CollectPayment key={b.id} booking={b} onState={collectState} />
            ))}
          </ul>
          {completed.every((b) => toCollect[b.id] === false) && <p className="muted">{t('collect.none')}</p>}
        </>
      )}
    </section>
  );
}
