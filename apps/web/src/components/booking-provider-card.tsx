'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { hasKey, useI18n } from '../i18n/i18n';
import { type Booking, getProvider, type PublicProvider } from '../lib/api';
import { ChatButton } from './chat-button';

/** Who is coming: name, photo, rating, badges; the phone number once the booking is confirmed; chat. */
export function BookingProviderCard({ booking, refreshKey = 0 }: { booking: Booking; refreshKey?: number }) {
  const { t } = useI18n();
  const [provider, setProvider] = useState<PublicProvider | null>(null);

  // `refreshKey` changes when the rating may have changed (the customer just reviewed): fetch again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey is the refetch trigger
  useEffect(() => {
    getProvider(booking.providerId).then(setProvider, () => setProvider(null));
  }, [booking.providerId, refreshKey]);

  const phone = booking.counterpart?.phone ?? null;
  const name = provider?.businessName ?? provider?.name ?? booking.counterpart?.name ?? '';

  return (
    <section className="card provider-card" aria-labelledby="provider-title">
      <h2 id="provider-title">{t('booking.provider')}</h2>
      <div className="provider-row">
        {provider?.profilePhotoUrl ? (
          // biome-ignore lint/performance/noImgElement: API-served photo, no Next image optimiser in this app
          <img src={provider.profilePhotoUrl} alt="" width={56} height={56} className="avatar" />
        ) : (
          <span className="avatar avatar-initial" aria-hidden="true">
            {name.slice(0, 1)}
          </span>
        )}
        <div>
          <p className="provider-name">{name}</p>
          {provider && (
            <p className="muted">
              {provider.rating.count > 0
                ? t('result.rating', { avg: provider.rating.average.toFixed(1), count: provider.rating.count })
                : t('result.new')}
            </p>
          )}
        </div>
      </div>
      {provider && provider.badges.length > 0 && (
        <ul className="badges">
          {provider.badges.map((b) => {
            const key = `badge.${b}`;
            return (
              <li key={b} className="badge">
                {hasKey(key) ? t(key) : b}
              </li>
            );
          })}
        </ul>
      )}
      {phone ? (
        <p>
          <a className="btn secondary" href={`tel:${phone}`}>
            {t('booking.call', { phone })}
          </a>
        </p>
      ) : (
        <p className="hint">{t('booking.contactLater')}</p>
      )}
      <div className="btn-row">
        <ChatButton providerId={booking.providerId} bookingId={booking.id} />
        <Link className="btn secondary" href={`/providers/${booking.providerId}`}>
          {t('booking.profile')}
        </Link>
      </div>
    </section>
  );
}
