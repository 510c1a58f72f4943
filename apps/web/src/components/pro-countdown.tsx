'use client';

import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** "Answer within 12:34" — ticks every second until `until`, then says the request expired. */
export function ProCountdown({ until, onExpired }: { until: string; onExpired?: () => void }) {
  const { t } = useI18n();
  const end = Date.parse(until);
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, end - now);
  useEffect(() => {
    if (left <= 0) {
      onExpired?.();
      return;
    }
    const timer = setTimeout(() => setNow(Date.now()), 1000 - (Date.now() % 1000));
    return () => clearTimeout(timer);
  }, [left, onExpired]);
  const total = Math.ceil(left / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const text = `${h > 0 ? `${h}:${String(m).padStart(2, '0')}` : m}:${String(s).padStart(2, '0')}`;
  return (
    <p className={`pro-countdown${total < 300 ? ' urgent' : ''}`} role="timer" aria-live="off" data-seconds-left={total}>
      {left > 0 ? t('job.answerWithin', { time: text }) : t('job.expired')}
    </p>
  );
}
