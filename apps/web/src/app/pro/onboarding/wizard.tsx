'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { ProContext } from '../../../components/pro-gate';
import { ErrorNote, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import type { MyProvider } from '../../../lib/api';
import { type Category, type ChecklistItem, listCategories } from '../../../lib/api-pro';
import { AreaStep } from './step-area';
import { BackgroundStep } from './step-background';
import { BasicStep } from './step-basic';
import { BusinessStep } from './step-business';
import { HoursStep } from './step-hours';
import { KycStep } from './step-kyc';
import { PhotosStep } from './step-photos';
import { PricesStep } from './step-prices';
import { SubmitStep } from './step-submit';

export const STEPS = ['basic', 'business', 'area', 'prices', 'hours', 'photos', 'kyc', 'background', 'submit'] as const;
export type StepId = (typeof STEPS)[number];

/** Which wizard step fixes each checklist item the API reports missing. */
export const STEP_OF_ITEM: Record<ChecklistItem, StepId> = {
  NAME: 'basic',
  BUSINESS_NAME: 'business',
  CATEGORY: 'business',
  SUB_CATEGORIES: 'business',
  BASE_LOCATION: 'area',
  SERVICE_AREAS: 'area',
  PRICING: 'prices',
  WORKING_HOURS: 'hours',
  PROFILE_PHOTO: 'photos',
};

/** Where to resume: the first step with something missing, then e-KYC if not done, else the submit step. */
export function resumeStep(p: MyProvider): StepId {
  const missing = new Set(p.checklist.missing.map((m) => STEP_OF_ITEM[m]));
  const first = STEPS.find((s) => missing.has(s));
  if (first) return first;
  return p.aadhaarVerified ? 'submit' : 'kyc';
}

function stepDone(p: MyProvider, s: StepId): boolean {
  if (s === 'kyc') return p.aadhaarVerified;
  if (s === 'background') return p.backgroundStatus === 'PASSED' || p.backgroundStatus === 'IN_PROGRESS';
  if (s === 'submit') return p.status === 'PENDING_REVIEW' || p.status === 'APPROVED';
  return !p.checklist.missing.some((m) => STEP_OF_ITEM[m] === s);
}

export interface StepProps {
  profile: MyProvider;
  setProfile: (p: MyProvider) => void;
  reload: () => Promise<void>;
  categories: Category[];
  next: () => void;
  goTo: (s: StepId) => void;
}

export function Wizard({ profile, setProfile, reload }: ProContext) {
  const { t, lang } = useI18n();
  const router = useRouter();
  const params = useSearchParams();
  const asked = params.get('step');
  const step: StepId | null = STEPS.includes(asked as StepId) ? (asked as StepId) : null;
  const [categories, setCategories] = useState<Category[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void attempt; // a retry refetches
    let live = true;
    setError(null);
    listCategories(lang).then(
      (r) => live && setCategories(r.items.filter((c) => c.isActive)),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [lang, attempt]);

  useEffect(() => {
    if (step) return;
    // Under review: nothing to do here until the admin answers; show the status page instead.
    if (profile.status === 'PENDING_REVIEW') router.replace('/pro/status');
    else router.replace(`/pro/onboarding?step=${profile.status === 'APPROVED' ? 'basic' : resumeStep(profile)}`);
  }, [step, profile, router]);

  const goTo = (s: StepId) => {
    router.push(`/pro/onboarding?step=${s}`);
    window.scrollTo({ top: 0 });
  };
  if (!step) return <Loading />;
  const index = STEPS.indexOf(step);
  const next = () => goTo(STEPS[Math.min(index + 1, STEPS.length - 1)]!);

  const props: StepProps | null = categories ? { profile, setProfile, reload, categories, next, goTo } : null;

  return (
    <section className="pro-wizard">
      <h1>{t('onb.title')}</h1>
      <p className="muted">{t('onb.stepOf', { n: index + 1, total: STEPS.length, name: t(`onb.step.${step}`) })}</p>
      <nav aria-label={t('onb.progress')}>
        <ol className="pro-steps">
          {STEPS.map((s, i) => {
            const done = stepDone(profile, s);
            return (
              <li key={s} className={done ? 'done' : undefined}>
                <Link href={`/pro/onboarding?step=${s}`} aria-current={s === step ? 'step' : undefined}>
                  <span aria-hidden="true">{done ? '✓' : i + 1}</span> {t(`onb.step.${s}`)}
                  {done && <span className="sr-only"> ({t('onb.stepDone')})</span>}
                </Link>
              </li>
            );
          })}
        </ol>
      </nav>
      {profile.status === 'REJECTED' && (
        <div className="error" role="note">
          <p>
            <strong>{t('onb.rejected')}</strong> {profile.statusReason}
          </p>
        </div>
      )}
      {error !== null && <ErrorNote error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!props && error === null && <Loading />}
      {props && (
        <div className="card pro-step" data-step={step}>
          {step === 'basic' && <BasicStep {...props} />}
          {step === 'business' && <BusinessStep {...props} />}
          {step === 'area' && <AreaStep {...props} />}
          {step === 'prices' && <PricesStep {...props} />}
          {step === 'hours' && <HoursStep {...props} />}
          {step === 'photos' && <PhotosStep {...props} />}
          {step === 'kyc' && <KycStep {...props} />}
          {step === 'background' && <BackgroundStep {...props} />}
          {step === 'submit' && <SubmitStep {...props} />}
        </div>
      )}
      {index > 0 && (
        <p>
          <Link href={`/pro/onboarding?step=${STEPS[index - 1]}`}>← {t('common.back')}</Link>
        </p>
      )}
    </section>
  );
}
