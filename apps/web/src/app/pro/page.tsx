'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { BookingSummary } from '../../components/booking-item';
import { ErrorNote, Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { ApiError, type Booking, getMyProvider, listBookings, type MyProvider } from '../../lib/api';
import { istDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useLiveBookings } from '../../lib/socket';
import { ProviderActions } from './provider-actions';

/** Provider area: sign-up entry, profile status, new requests (accept/decline), today's schedule (start/complete). */
export default function ProPage() {
  const { t } = useI18n();
  const { user, ready } = useSession();
  const [profile, setProfile] = useState<MyProvider | null>(null);
  const [items, setItems] = useState<Booking[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [p, list] = await Promise.all([
        getMyProvider().catch((err: unknown) => {
          if (err instanceof ApiError && err.status === 404) return null;
          throw err;
        }),
        listBookings('provider'),
      ]);
      setProfile(p);
      setItems(list.items);
    } catch (err) {
      setError(err);
    }
  }, []);

  useEffect(() => {
    if (user?.role === 'PROVIDER') void load();
  }, [user, load]);
  useLiveBookings(items, setItems, () => void load());

  if (!ready) return <Loading />;
  if (!user)
    return (
      <section>
        <h1>{t('pro.title')}</h1>
        <p>{t('pro.pitch')}</p>
        <Link className="btn" href="/login?role=provider&next=/pro">
          {t('pro.signUp')}
        </Link>
      </section>
    );
  if (user.role !== 'PROVIDER')
    return (
      <section>
        <h1>{t('pro.title')}</h1>
        <p>{t('pro.notProvider')}</p>
      </section>
    );

  const replace = (b: Booking) => setItems((list) => list?.map((x) => (x.id === b.id ? b : x)) ?? null);
  const today = istDate(new Date());
  const requests = items?.filter((b) => b.status === 'PENDING') ?? [];
  const active = items?.filter((b) => b.status === 'CONFIRMED' || b.status === 'IN_PROGRESS') ?? [];
  const todays = active.filter((b) => istDate(new Date(b.scheduledStart)) <= today);
  const upcoming = active.filter((b) => istDate(new Date(b.scheduledStart)) > today);

  return (
    <section>
      <h1>{t('pro.title')}</h1>
      {profile && (
        <div className="card">
          <p>
            <strong>{t('pro.status', { status: t(`providerStatus.${profile.status}`) })}</strong>
          </p>
          <p className="muted">{t(`pro.statusHint.${profile.status}`, { reason: profile.statusReason ?? '' })}</p>
        </div>
      )}
      {error !== null && <ErrorNote error={error} onRetry={() => void load()} />}
      {items === null && error === null && <Loading />}
      {items && (
        <>
          <h2>{t('pro.requests')}</h2>
          {requests.length === 0 ? (
            <p className="muted">{t('pro.noRequests')}</p>
          ) : (
            <ul className="list">
              {requests.map((b) => (
                <BookingSummary key={b.id} booking={b}>
                  <ProviderActions booking={b} onDone={replace} />
                </BookingSummary>
              ))}
            </ul>
          )}
          <h2>{t('pro.today')}</h2>
          {todays.length === 0 ? (
            <p className="muted">{t('pro.nothingToday')}</p>
          ) : (
            <ul className="list">
              {todays.map((b) => (
                <BookingSummary key={b.id} booking={b}>
                  <ProviderActions booking={b} onDone={replace} />
                </BookingSummary>
              ))}
            </ul>
          )}
          {upcoming.length > 0 && (
            <>
              <h2>{t('pro.upcoming')}</h2>
              <ul className="list">
                {upcoming.map((b) => (
                  <BookingSummary key={b.id} booking={b} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
