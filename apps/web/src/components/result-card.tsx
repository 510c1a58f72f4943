'use client';

import Link from 'next/link';
import { hasKey, useI18n } from '../i18n/i18n';
import { type SearchResult, selectResult } from '../lib/api';
import { formatDateTime, formatPaise } from '../lib/format';

/** One search result: match score, why this pro (scoreBreakdown), distance, price from, badges, next free slot. */
export function ResultCard({
  result,
  searchId,
  subCategoryId,
  date,
}: {
  result: SearchResult;
  searchId: string;
  subCategoryId?: string;
  /** The IST day the customer asked for ("kal subah" → tomorrow); the booking form opens on it. */
  date?: string;
}) {
  const { t, lang, locale } = useI18n();
  const p = result.provider;
  const query = new URLSearchParams();
  if (subCategoryId) query.set('sub', subCategoryId);
  if (date) query.set('date', date);
  const href = `/providers/${p.id}${query.size > 0 ? `?${query}` : ''}`;
  const badgeText = (b: string) => {
    const key = `badge.${b}`;
    return hasKey(key) ? t(key) : b;
  };
  return (
    <article className="card result" aria-labelledby={`r-${p.id}`}>
      <h2 id={`r-${p.id}`}>{p.businessName ?? '—'}</h2>
      <p className="meta">
        <span className="score">{t('result.match', { n: Math.round(result.matchScore) })}</span>
        <span>{t('common.km', { n: result.distanceKm.toFixed(1) })}</span>
        <span>
          {p.ratingCount > 0 ? t('result.rating', { avg: p.averageRating.toFixed(1), count: p.ratingCount }) : t('result.new')}
        </span>
        {p.completedJobs > 0 && <span>{t('result.jobs', { n: p.completedJobs })}</span>}
      </p>
      <p>
        <strong>
          {result.priceFrom === null
            ? t('result.noPrice')
            : t('result.priceFrom', { price: formatPaise(result.priceFrom, locale) })}
        </strong>
      </p>
      <p className="muted">
        {result.nextAvailableSlot
          ? t('result.nextSlot', { time: formatDateTime(result.nextAvailableSlot, locale) })
          : t('result.noSlot')}
      </p>
      {result.badges.length > 0 && (
        <ul className="badges">
          {result.badges.map((b) => (
            <li key={b} className="badge">
              {badgeText(b)}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('result.why')}</summary>
        <ul>
          {result.scoreBreakdown.map((part) => (
            <li key={part.component}>
              {part.reason[lang]}{' '}
              <span className="muted">
                ({Math.round(part.points)}/{part.max})
              </span>
            </li>
          ))}
        </ul>
      </details>
      <div className="btn-row">
        <Link href={href} className="btn" onClick={() => void selectResult(searchId, p.id).catch(() => undefined)}>
          {t('result.view')}
        </Link>
      </div>
    </article>
  );
}
