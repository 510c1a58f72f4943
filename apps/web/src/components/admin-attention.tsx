'use client';

import Link from 'next/link';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { type Attention, getAttention } from '../lib/api-admin';
import { LoadState, Money, useLoad, When } from './admin-ui';

interface Row {
  key: MessageKey;
  count: number;
  href: string;
  amountPaise?: number;
  since?: string | null;
}

function rowsOf(a: Attention): Row[] {
  return [
    { key: 'admin.attention.disputes', count: a.disputes.count, href: '/admin/disputes', since: a.disputes.oldestAt },
    {
      key: 'admin.attention.providers',
      count: a.providersToReview.count,
      href: '/admin/providers',
      since: a.providersToReview.oldestAt,
    },
    { key: 'admin.attention.reviewsHeld', count: a.reviews.held, href: '/admin/reviews' },
    { key: 'admin.attention.reviewsFlagged', count: a.reviews.flagged, href: '/admin/reviews' },
    {
      key: 'admin.attention.refundsFailed',
      count: a.refundsFailed.count,
      href: '/admin/money?refunds=FAILED',
      amountPaise: a.refundsFailed.amountPaise,
    },
    {
      key: 'admin.attention.refundsToTransfer',
      count: a.refundsToTransfer.count,
      href: '/admin/money?refunds=PENDING',
      amountPaise: a.refundsToTransfer.amountPaise,
    },
    { key: 'admin.attention.payoutsFailed', count: a.payoutsFailed.count, href: '/admin/money' },
  ];
}

/** What waits for operations right now (not tied to the overview's date range), each with a link to it. */
export function AttentionCard() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useLoad(() => getAttention(), []);
  const waiting = data ? rowsOf(data).filter((r) => r.count > 0) : [];
  return (
    <section className="card" aria-labelledby="attention-title" data-testid="attention">
      <h2 id="attention-title">{t('admin.attention.title')}</h2>
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {waiting.length === 0 ? (
          <p className="muted">{t('admin.attention.none')}</p>
        ) : (
          <ul className="list">
            {waiting.map((r) => (
              <li key={r.key}>
                <Link href={r.href}>
                  <strong>{r.count}</strong> {t(r.key)}
                </Link>
                {r.amountPaise !== undefined && r.amountPaise > 0 && (
                  <>
                    {' '}
                    · <Money paise={r.amountPaise} />
                  </>
                )}
                {r.since && (
                  <span className="muted">
                    {' '}
                    · {t('admin.attention.oldest')} <When iso={r.since} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </LoadState>
    </section>
  );
}
