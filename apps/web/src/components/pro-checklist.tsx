'use client';

import Link from 'next/link';
import { useI18n } from '../i18n/i18n';
import type { MyProvider } from '../lib/api';
import type { ChecklistItem } from '../lib/api-pro';

const ITEMS: { item: ChecklistItem; step: string }[] = [
  { item: 'NAME', step: 'basic' },
  { item: 'BUSINESS_NAME', step: 'business' },
  { item: 'CATEGORY', step: 'business' },
  { item: 'SUB_CATEGORIES', step: 'business' },
  { item: 'BASE_LOCATION', step: 'area' },
  { item: 'SERVICE_AREAS', step: 'area' },
  { item: 'PRICING', step: 'prices' },
  { item: 'WORKING_HOURS', step: 'hours' },
  { item: 'PROFILE_PHOTO', step: 'photos' },
];

/** The API's onboarding checklist: each required item done or missing (with a link to fix it), plus the optional badges. */
export function ProChecklist({ profile }: { profile: MyProvider }) {
  const { t } = useI18n();
  const missing = new Set(profile.checklist.missing);
  return (
    <ul className="pro-checklist" aria-label={t('proCheck.label')}>
      {ITEMS.map(({ item, step }) => {
        const ok = !missing.has(item);
        return (
          <li key={item} className={ok ? 'ok' : 'missing'} data-item={item}>
            <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {t(`proCheck.${item}`)}{' '}
            {ok ? (
              <span className="sr-only">{t('proCheck.done')}</span>
            ) : (
              <Link href={`/pro/onboarding?step=${step}`}>{t('proCheck.fix')}</Link>
            )}
          </li>
        );
      })}
      <li className={profile.aadhaarVerified ? 'ok' : 'optional'}>
        <span aria-hidden="true">{profile.aadhaarVerified ? '✓' : '○'}</span>{' '}
        {profile.aadhaarVerified ? t('proCheck.kycDone', { masked: profile.aadhaarMasked ?? '' }) : t('proCheck.kycOptional')}{' '}
        {!profile.aadhaarVerified && <Link href="/pro/onboarding?step=kyc">{t('proCheck.verifyNow')}</Link>}
      </li>
      <li className={profile.backgroundVerified ? 'ok' : 'optional'}>
        <span aria-hidden="true">{profile.backgroundVerified ? '✓' : '○'}</span> {t(`proCheck.bg.${profile.backgroundStatus}`)}{' '}
        {(profile.backgroundStatus === 'NOT_STARTED' || profile.backgroundStatus === 'FEE_PENDING') && (
          <Link href="/pro/onboarding?step=background">{t('proCheck.startBg')}</Link>
        )}
      </li>
    </ul>
  );
}
