'use client';

import Link from 'next/link';
import { useState } from 'react';
import {
  LoadState,
  MoreButton,
  Notice,
  ReasonAction,
  StatusTag,
  useAction,
  useLoad,
  useTx,
  When,
} from '../../../components/admin-ui';
import { ErrorNote } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import { type AdminReview, listModerationReviews, publishReview, unpublishReview } from '../../../lib/api-admin';

/** Reviews held by the automatic filter or flagged by people: publish, or unpublish with a reason. */
export default function AdminReviews() {
  const { t } = useI18n();
  const [status, setStatus] = useState<'FLAGGED' | 'HELD'>('FLAGGED');
  const { data, setData, error, loading, reload } = useLoad(() => listModerationReviews(status), [status]);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (r: AdminReview, text: string) => {
    setData((d) => (d ? { ...d, items: d.items.filter((x) => x.id !== r.id) } : d));
    setNotice(text);
  };

  return (
    <section aria-labelledby="rev-title">
      <h1 id="rev-title">{t('admin.reviews.title')}</h1>
      <fieldset className="chips">
        <legend className="sr-only">{t('admin.filter.status')}</legend>
        {(['FLAGGED', 'HELD'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className="chip"
            aria-pressed={status === s}
            onClick={() => {
              setStatus(s);
              setNotice(null);
            }}
          >
            {t(s === 'FLAGGED' ? 'admin.reviews.flagged' : 'admin.reviews.held')}
          </button>
        ))}
      </fieldset>
      <Notice text={notice} />
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {data?.items.length === 0 && <p className="card muted">{t('admin.reviews.none')}</p>}
        <ul className="list">
          {data?.items.map((r) => (
            <ReviewItem key={r.id} r={r} onDone={done} />
          ))}
        </ul>
        <MoreButton
          cursor={data?.nextCursor}
          onMore={async (cursor) => {
            const more = await listModerationReviews(status, cursor);
            setData((d) => (d ? { items: [...d.items, ...more.items], nextCursor: more.nextCursor } : more));
          }}
        />
      </LoadState>
    </section>
  );
}

function ReviewItem({ r, onDone }: { r: AdminReview; onDone: (r: AdminReview, text: string) => void }) {
  const { t } = useI18n();
  const tx = useTx();
  const { run, busy, error } = useAction();
  return (
    <li className="card admin-review">
      <p>
        <strong aria-hidden="true">{'★'.repeat(r.overallRating)}</strong>
        <span className="sr-only">{t('admin.reviews.stars', { n: r.overallRating })}</span> {r.reviewerName} ·{' '}
        <When iso={r.createdAt} /> <StatusTag value={r.moderationStatus} />
      </p>
      <blockquote className="admin-quote">{r.comment ?? t('admin.reviews.noComment')}</blockquote>
      <dl className="admin-dl">
        {r.moderationReason && (
          <>
            <dt>{t('admin.reviews.heldFor')}</dt>
            <dd>
              {r.moderationReason
                .replace(/^AUTO:\s*/, '')
                .split(',')
                .map((x) => tx(`admin.moderation.${x.trim()}`, undefined, x))
                .join(', ')}
            </dd>
          </>
        )}
        {r.isFlagged && (
          <>
            <dt>{t('admin.reviews.flagReason')}</dt>
            <dd>{r.flagReason ?? '—'}</dd>
          </>
        )}
        <dt>{t('admin.reviews.booking')}</dt>
        <dd>
          <Link href={`/admin/bookings/${r.bookingId}`}>{t('admin.reviews.openBooking')}</Link>
        </dd>
      </dl>
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        {!r.isPublished || r.isFlagged ? (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await publishReview(r.id);
                onDone(r, t('admin.reviews.published'));
              })
            }
          >
            {r.isPublished ? t('admin.reviews.keep') : t('admin.reviews.publish')}
          </button>
        ) : null}
        <ReasonAction
          label={t('admin.reviews.unpublish')}
          reasonLabel={t('admin.reviews.unpublishReason')}
          danger
          onSubmit={async (reason) => {
            await unpublishReview(r.id, reason);
            onDone(r, t('admin.reviews.unpublished'));
          }}
        />
      </div>
    </li>
  );
}
