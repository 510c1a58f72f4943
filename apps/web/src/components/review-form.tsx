'use client';

import Link from 'next/link';
import { type ChangeEvent, type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { type Booking, getProvider, type PublicProvider } from '../lib/api';
import { createReview, getMyReview, type Review, type ReviewPhoto, uploadReviewPhoto } from '../lib/api-reviews';
import { ErrorNote, Loading } from './status';

const DIMENSIONS = ['quality', 'punctuality', 'professionalism', 'value'] as const;
type Dimension = (typeof DIMENSIONS)[number];
const MAX_PHOTOS = 6;

/** After a completed job: the review form, or the review already written with its moderation outcome. */
export function ReviewSection({ booking, onReviewed }: { booking: Booking; onReviewed?: () => void }) {
  const { t } = useI18n();
  const [review, setReview] = useState<Review | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const reviewable = booking.status === 'COMPLETED';

  useEffect(() => {
    if (!reviewable && booking.status !== 'DISPUTED') return;
    getMyReview(booking.id).then(
      (r) => setReview(r.review),
      (err: unknown) => setError(err),
    );
  }, [booking.id, booking.status, reviewable]);

  if (!reviewable && !review) return null;
  const name = booking.counterpart?.name ?? '';
  return (
    <section className="card review" aria-labelledby="review-title">
      <h2 id="review-title">{review ? t('review.yours') : t('review.title', { name })}</h2>
      {error !== null && <ErrorNote error={error} />}
      {review === undefined && error === null && <Loading />}
      {review === null && (
        <ReviewForm
          booking={booking}
          onDone={(r) => {
            setReview(r);
            onReviewed?.();
          }}
        />
      )}
      {review && <ReviewOutcome review={review} booking={booking} />}
    </section>
  );
}

function StarInput({
  name,
  legend,
  value,
  onChange,
  optional,
}: {
  name: string;
  legend: string;
  value: number | null;
  onChange: (n: number) => void;
  optional?: boolean;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="stars" data-dimension={name}>
      <legend>
        {legend} {optional && <span className="muted">{t('review.optional')}</span>}
      </legend>
      <div className="star-row">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={value !== null && n <= value ? 'star on' : 'star'}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span aria-hidden="true">★</span>
            <span className="sr-only">{n === 1 ? t('review.star') : t('review.stars', { n })}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ReviewForm({ booking, onDone }: { booking: Booking; onDone: (r: Review) => void }) {
  const { t } = useI18n();
  const [overall, setOverall] = useState<number | null>(null);
  const [dims, setDims] = useState<Record<Dimension, number | null>>({
    quality: null,
    punctuality: null,
    professionalism: null,
    value: null,
  });
  const [comment, setComment] = useState('');
  const [photos, setPhotos] = useState<{ photo: ReviewPhoto; preview: string }[]>([]);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const addPhotos = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []).slice(0, MAX_PHOTOS - photos.length);
    e.target.value = '';
    setUploading(true);
    setError(null);
    try {
      for (const file of files) {
        const photo = await uploadReviewPhoto(file);
        setPhotos((list) => [...list, { photo, preview: URL.createObjectURL(file) }]);
      }
    } catch (err) {
      setError(err);
    } finally {
      setUploading(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setError(null);
    if (overall === null) return setProblem(t('review.needOverall'));
    setBusy(true);
    try {
      onDone(
        await createReview({
          bookingId: booking.id,
          overallRating: overall,
          ...(dims.quality ? { qualityRating: dims.quality } : {}),
          ...(dims.punctuality ? { punctualityRating: dims.punctuality } : {}),
          ...(dims.professionalism ? { professionalismRating: dims.professionalism } : {}),
          ...(dims.value ? { valueRating: dims.value } : {}),
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          ...(photos.length ? { photoIds: photos.map((p) => p.photo.id) } : {}),
        }),
      );
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="review-form">
      <StarInput name="overall" legend={t('review.dim.overall')} value={overall} onChange={setOverall} />
      {DIMENSIONS.map((d) => (
        <StarInput
          key={d}
          name={d}
          legend={t(`review.dim.${d}`)}
          value={dims[d]}
          onChange={(n) => setDims((v) => ({ ...v, [d]: n }))}
          optional
        />
      ))}
      <label htmlFor="review-comment">{t('review.comment')}</label>
      <textarea id="review-comment" rows={4} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      <label htmlFor="review-photos">{t('review.photos')}</label>
      <input
        id="review-photos"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        onChange={(e) => void addPhotos(e)}
        disabled={uploading || photos.length >= MAX_PHOTOS}
      />
      {uploading && <Loading />}
      {photos.length > 0 && (
        <ul className="review-photos">
          {photos.map((p, i) => (
            <li key={p.photo.id}>
              {/* biome-ignore lint/performance/noImgElement: a local preview (blob: URL) */}
              <img src={p.preview} alt="" width={72} height={72} />
              <button
                type="button"
                className="link"
                onClick={() => setPhotos((list) => list.filter((x) => x.photo.id !== p.photo.id))}
              >
                {t('review.removePhoto', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="submit" className="btn" disabled={busy || uploading}>
          {busy ? t('review.submitting') : t('review.submit')}
        </button>
      </div>
    </form>
  );
}

/** Published or held (and why), then the pro's rating and reputation as the profile now shows them. */
function ReviewOutcome({ review, booking }: { review: Review; booking: Booking }) {
  const { t } = useI18n();
  const [provider, setProvider] = useState<PublicProvider | null>(null);
  useEffect(() => {
    getProvider(booking.providerId).then(setProvider, () => setProvider(null));
  }, [booking.providerId]);
  const reason = review.moderationReason?.replace(/^AUTO:\s*/, '').split(',')[0] ?? null;
  const reasonKey = reason && ['PHONE', 'LINK', 'EMAIL', 'ABUSE'].includes(reason) ? (`review.heldWhy.${reason}` as const) : null;
  return (
    <div data-testid="review-outcome" data-moderation={review.moderationStatus}>
      <p className={review.moderationStatus === 'PUBLISHED' ? 'success' : 'notice'} role="status">
        {review.moderationStatus === 'PUBLISHED'
          ? t('review.published')
          : review.moderationStatus === 'HELD'
            ? t('review.held')
            : t('review.unpublished')}
        {review.moderationStatus === 'HELD' && reasonKey && <> {t(reasonKey as 'review.heldWhy.PHONE')}</>}
      </p>
      <p>
        <span aria-hidden="true">{'★'.repeat(review.overallRating)}</span>
        <span className="sr-only">{t('review.stars', { n: review.overallRating })}</span>
        {review.comment && <> — {review.comment}</>}
      </p>
      {provider && (
        <p data-testid="provider-rating">
          {provider.rating.count > 0
            ? t('review.nowRated', {
                name: provider.businessName ?? provider.name ?? '',
                avg: provider.rating.average.toFixed(1),
                count: provider.rating.count,
              })
            : t('review.noRating')}{' '}
          · {t('review.reputation', { score: Math.round(provider.reputationScore) })}
        </p>
      )}
      <Link href={`/providers/${booking.providerId}`}>{t('review.seeProfile')}</Link>
    </div>
  );
}
