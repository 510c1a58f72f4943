'use client';

import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type ProContext, ProGate } from '../../../components/pro-gate';
import { ErrorNote, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import {
  getReputation,
  listMyReviews,
  type ProviderReviewList,
  type PublicReview,
  type Reputation,
  replyToReview,
} from '../../../lib/api-pro';
import { formatDateTime } from '../../../lib/format';

/** /pro/reviews — reputation breakdown with what would raise it, and reviews with replies. */
export default function ReviewsPage() {
  return <ProGate>{(ctx) => <Reviews {...ctx} />}</ProGate>;
}

const EDIT_WINDOW_MS = 24 * 3_600_000;

function Reviews({ profile }: ProContext) {
  const { t } = useI18n();
  const [rep, setRep] = useState<Reputation | null>(null);
  const [list, setList] = useState<ProviderReviewList | null>(null);
  const [items, setItems] = useState<PublicReview[]>([]);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [r, l] = await Promise.all([getReputation(), listMyReviews(profile.id)]);
      setRep(r);
      setList(l);
      setItems(l.items);
    } catch (err) {
      setError(err);
    }
  }, [profile.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const more = async () => {
    if (!list?.nextCursor) return;
    try {
      const l = await listMyReviews(profile.id, list.nextCursor);
      setList(l);
      setItems((x) => [...x, ...l.items]);
    } catch (err) {
      setError(err);
    }
  };

  if (error !== null && !rep) return <ErrorNote error={error} onRetry={() => void load()} />;
  if (!rep || !list) return <Loading />;
  const s = list.summary;

  return (
    <section className="pro-reviews">
      <h1>{t('rev.title')}</h1>
      <ReputationCard rep={rep} />
      <div className="card">
        <h2>{t('rev.ratings')}</h2>
        <p>
          <strong>{s.averageRating.toFixed(1)} ★</strong> · {t('rev.count', { n: s.ratingCount })}
        </p>
        <dl className="pro-figures">
          {(['quality', 'punctuality', 'professionalism', 'value'] as const).map((d) => (
            <div key={d}>
              <dt>{t(`rev.dim.${d}`)}</dt>
              <dd>{s.dimensionAverages[d] === null ? '–' : `${s.dimensionAverages[d]!.toFixed(1)} ★`}</dd>
            </div>
          ))}
        </dl>
      </div>
      <h2 id="reviews-title">{t('rev.list')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('rev.none')}</p>
      ) : (
        <ul className="list" aria-labelledby="reviews-title">
          {items.map((r) => (
            <ReviewItem key={r.id} review={r} onChange={(nr) => setItems((x) => x.map((y) => (y.id === nr.id ? nr : y)))} />
          ))}
        </ul>
      )}
      {list.nextCursor && (
        <button type="button" className="btn secondary" onClick={() => void more()}>
          {t('rev.more')}
        </button>
      )}
      {error !== null && <ErrorNote error={error} />}
    </section>
  );
}

function ReputationCard({ rep }: { rep: Reputation }) {
  const { t, lang } = useI18n();
  const hints = rep.components.filter((c) => c.hint && c.points < c.maxPoints);
  return (
    <div className="card pro-reputation">
      <h2>{t('rev.reputation')}</h2>
      <p className="pro-score">
        <strong data-testid="reputation-score">{rep.score.toFixed(1)}</strong> / 100
      </p>
      <ul className="pro-components">
        {rep.components.map((c) => {
          const pct = c.maxPoints > 0 ? Math.max(0, Math.min(100, (c.points / c.maxPoints) * 100)) : 0;
          return (
            <li key={c.key}>
              <span>{c.label[lang]}</span>
              <meter min={0} max={c.maxPoints || 1} value={Math.max(0, c.points)} aria-label={c.label[lang]} />
              <span className="muted">
                {c.points.toFixed(1)} / {c.maxPoints}
              </span>
              <span className="sr-only">{Math.round(pct)}%</span>
            </li>
          );
        })}
      </ul>
      <h3>{t('rev.raise')}</h3>
      {hints.length === 0 ? (
        <p className="muted">{t('rev.raiseNone')}</p>
      ) : (
        <ul className="pro-hints">
          {hints.map((c) => (
            <li key={c.key}>{c.hint?.[lang]}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ReviewItem({ review, onChange }: { review: PublicReview; onChange: (r: PublicReview) => void }) {
  const { t, locale } = useI18n();
  const existing = review.providerResponse;
  const canEdit = existing ? Date.now() - Date.parse(existing.respondedAt) < EDIT_WINDOW_MS : true;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(existing?.text ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onChange(await replyToReview(review.id, text.trim(), Boolean(existing)));
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card" data-review={review.id}>
      <p>
        <strong>
          <span aria-hidden="true">{'★'.repeat(review.overallRating)}</span>
          <span className="sr-only">{t('rev.stars', { n: review.overallRating })}</span>
        </strong>{' '}
        {review.reviewerName} · <span className="muted">{formatDateTime(review.createdAt, locale)}</span>
      </p>
      {review.comment && <p>{review.comment}</p>}
      {existing && !open && (
        <blockquote className="pro-reply">
          <p className="muted">{t('rev.yourReply')}</p>
          <p>{existing.text}</p>
        </blockquote>
      )}
      {open ? (
        <form onSubmit={(e) => void submit(e)}>
          <label htmlFor={`reply-${review.id}`}>{t('rev.replyLabel')}</label>
          <textarea id={`reply-${review.id}`} rows={3} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
          {error !== null && <ErrorNote error={error} />}
          <div className="btn-row">
            <button type="submit" className="btn" disabled={busy || text.trim().length === 0}>
              {busy ? t('onb.saving') : t('rev.send')}
            </button>
            <button type="button" className="btn secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        (!existing || canEdit) && (
          <button type="button" className="btn secondary" onClick={() => setOpen(true)}>
            {existing ? t('rev.edit') : t('rev.reply')}
          </button>
        )
      )}
    </li>
  );
}
