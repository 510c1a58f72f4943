'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { ProChecklist } from '../../../components/pro-checklist';
import { type ProContext, ProGate } from '../../../components/pro-gate';
import { hasKey, useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/format';
import { useSocketEvent } from '../../../lib/socket';

/** /pro/status — where the profile stands: draft, under review, approved, changes needed (with the reason), suspended. */
export default function StatusPage() {
  return <ProGate>{(ctx) => <Status {...ctx} />}</ProGate>;
}

function Status({ profile: p, reload }: ProContext) {
  const { t, locale } = useI18n();
  // The admin's decision arrives as a notification; also re-check now and then while waiting.
  useSocketEvent('notification:created', () => void reload());
  useEffect(() => {
    if (p.status !== 'PENDING_REVIEW') return;
    const timer = setInterval(() => void reload(), 30_000);
    return () => clearInterval(timer);
  }, [p.status, reload]);

  return (
    <section className="pro-status">
      <h1>{t('proStatus.title')}</h1>
      <div className={`card pro-status-card status-${p.status}`} data-status={p.status}>
        <p className="pro-status-label" role="status">
          {t(`proStatus.label.${p.status}`)}
        </p>
        <p>{t(`proStatus.explain.${p.status}`)}</p>
        {p.status === 'PENDING_REVIEW' && p.submittedAt && (
          <p className="muted">{t('proStatus.submittedAt', { at: formatDateTime(p.submittedAt, locale) })}</p>
        )}
        {p.status === 'APPROVED' && p.approvedAt && (
          <p className="muted">{t('proStatus.approvedAt', { at: formatDateTime(p.approvedAt, locale) })}</p>
        )}
        {(p.status === 'REJECTED' || p.status === 'SUSPENDED') && p.statusReason && (
          <div className="pro-reason">
            <h2>{t('proStatus.reason')}</h2>
            <blockquote>{p.statusReason}</blockquote>
          </div>
        )}
        {p.badges.length > 0 && (
          <p className="badges">
            {p.badges.map((b) => {
              const key = `badge.${b}`;
              return (
                <span key={b} className="badge">
                  {hasKey(key) ? t(key) : b}
                </span>
              );
            })}
          </p>
        )}
        <div className="btn-row">
          {p.status === 'APPROVED' && (
            <>
              <Link className="btn" href="/pro">
                {t('proStatus.toDashboard')}
              </Link>
              <Link className="btn secondary" href={`/providers/${p.id}`}>
                {t('proStatus.publicProfile')}
              </Link>
            </>
          )}
          {(p.status === 'DRAFT' || p.status === 'REJECTED') && (
            <Link className="btn" href="/pro/onboarding">
              {p.status === 'REJECTED' ? t('proStatus.fix') : t('proStatus.continue')}
            </Link>
          )}
        </div>
      </div>
      <h2>{p.status === 'REJECTED' ? t('proStatus.whatToFix') : t('proStatus.checklist')}</h2>
      {p.status === 'REJECTED' && <p className="muted">{t('proStatus.fixHint')}</p>}
      <ProChecklist profile={p} />
      <p>
        <Link href="/pro/onboarding?step=basic">{t('proStatus.editProfile')}</Link>
        {p.status === 'REJECTED' && (
          <>
            {' · '}
            <Link href="/pro/onboarding?step=submit">{t('proStatus.resubmit')}</Link>
          </>
        )}
      </p>
    </section>
  );
}
