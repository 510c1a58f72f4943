'use client';

import { hasKey, useI18n } from '../i18n/i18n';
import type { Booking } from '../lib/api';
import { formatDateTime } from '../lib/format';

/** Events whose text does not already say who acted. */
const BY_WHOM = new Set([
  'CANCELLED',
  'NO_SHOW',
  'RESCHEDULE_PROPOSED',
  'RESCHEDULE_DECLINED',
  'RESCHEDULED',
  'START_CODE_RESET',
]);

/** The booking's history in plain words, oldest first, times in IST. */
export function BookingTimeline({ booking }: { booking: Booking }) {
  const { t, locale } = useI18n();
  const entries = booking.timeline ?? [];
  if (entries.length === 0) return null;
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('booking.timeline')}</h2>
      <ol className="timeline">
        {entries.map((e) => {
          const key = `event.${e.type}`;
          const who = e.actorRole && BY_WHOM.has(e.type);
          return (
            <li key={`${e.at}-${e.type}`}>
              <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
              <span>
                {hasKey(key) ? t(key) : t('event.other')}
                {who && e.actorRole ? ` ${t('event.by', { who: t(`booking.party.${e.actorRole}`) })}` : ''}
                {e.reason ? ` — ${e.reason}` : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
