'use client';

import Link from 'next/link';
import { useParams, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { BookingForm } from '../../../components/booking-form';
import { ChatButton } from '../../../components/chat-button';
import { ErrorNote, Loading } from '../../../components/status';
import { hasKey, useI18n } from '../../../i18n/i18n';
import {
  ApiError,
  type Booking,
  getProvider,
  getProviderReviews,
  type ProviderReviews,
  type PublicProvider,
} from '../../../lib/api';
import { formatDateTime, formatMonthYear, formatPaise } from '../../../lib/format';

/** Provider profile (GET /providers/:id), reviews with replies, and the booking form. */
export function ProviderProfile() {
  const { t, locale } = useI18n();
  const { id } = useParams<{ id: string }>();
  const params = useSearchParams();
  const [provider, setProvider] = useState<PublicProvider | null>(null);
  const [reviews, setReviews] = useState<ProviderReviews | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [booked, setBooked] = useState<Booking | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [p, r] = await Promise.all([getProvider(id), getProviderReviews(id).catch(() => null)]);
      setProvider(p);
      setReviews(r);
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error instanceof ApiError && error.status === 404) return <p className="error">{t('provider.notFound')}</p>;
  if (error !== null) return <ErrorNote error={error} onRetry={() => void load()} />;
  if (!provider) return <Loading />;

  const badge = (b: string) => {
    const key = `badge.${b}`;
    return hasKey(key) ? t(key) : b;
  };
  const priceText = (s: PublicProvider['services'][number]) =>
    s.price ? t(`price.${s.price.kind}`, { price: formatPaise(s.price.amountPaise, locale) }) : t('result.noPrice');

  return (
    <article>
      <h1>{provider.businessName ?? provider.name ?? '—'}</h1>
      <p className="meta">
        {provider.category && <span>{provider.category.name}</span>}
        {provider.city && <span>{provider.city}</span>}
        <span data-testid="rating">
          {provider.rating.count > 0
            ? t('result.rating', { avg: provider.rating.average.toFixed(1), count: provider.rating.count })
            : t('result.new')}
        </span>
        <span data-testid="reputation">{t('review.reputation', { score: Math.round(provider.reputationScore) })}</span>
        {provider.completedJobs > 0 && <span>{t('result.jobs', { n: provider.completedJobs })}</span>}
      </p>
      {provider.badges.length > 0 && (
        <ul className="badges">
          {provider.badges.map((b) => (
            <li key={b} className="badge">
              {badge(b)}
            </li>
          ))}
        </ul>
      )}
      {provider.description && (
        <>
          <h2>{t('provider.about')}</h2>
          <p>{provider.description}</p>
        </>
      )}
      <p className="muted">
        {t('provider.memberSince', { date: formatMonthYear(provider.memberSince, locale) })}
        {provider.responseTimeSec !== null &&
          ` · ${t('provider.responds', { min: Math.max(1, Math.round(provider.responseTimeSec / 60)) })}`}
      </p>
      {provider.serviceAreas.localities.length > 0 && (
        <p className="muted">{t('provider.areas', { areas: provider.serviceAreas.localities.join(', ') })}</p>
      )}
      {provider.languages.length > 0 && (
        <p className="muted">{t('provider.languages', { langs: provider.languages.join(', ') })}</p>
      )}

      <div className="btn-row">
        <ChatButton providerId={provider.id} />
      </div>
      <h2>{t('provider.services')}</h2>
      <ul className="card list">
        {provider.services.map((s) => (
          <li key={s.subCategoryId} className="meta" style={{ justifyContent: 'space-between', color: 'inherit' }}>
            <span>{s.name}</span>
            <strong>{priceText(s)}</strong>
          </li>
        ))}
      </ul>

      {booked ? (
        <div className="success" role="status">
          <p>{t('book.done', { number: booked.bookingNumber })}</p>
          <p>{formatDateTime(booked.scheduledStart, locale)}</p>
          <Link className="btn" href="/bookings">
            {t('nav.bookings')}
          </Link>
        </div>
      ) : (
        <BookingForm
          provider={provider}
          initialSubCategoryId={params.get('sub')}
          initialDate={params.get('date')}
          onBooked={setBooked}
        />
      )}

      <h2>{t('provider.reviews')}</h2>
      {reviews === null || reviews.items.length === 0 ? (
        <p className="muted">{t('provider.noReviews')}</p>
      ) : (
        <ul className="list">
          {reviews.items.map((r) => (
            <li key={r.id} className="card">
              <p className="meta">
                <strong style={{ color: 'var(--text)' }}>{r.reviewerName}</strong>
                <span>
                  <span aria-hidden="true">{'★'.repeat(r.overallRating)}</span>
                  <span className="sr-only">{r.overallRating} / 5</span>
                </span>
                <time dateTime={r.createdAt}>{formatMonthYear(r.createdAt, locale)}</time>
              </p>
              {r.comment && <p>{r.comment}</p>}
              {r.providerResponse && (
                <blockquote className="muted">
                  <strong>{t('provider.reply')}:</strong> {r.providerResponse.text}
                </blockquote>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
