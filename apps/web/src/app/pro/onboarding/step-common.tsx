'use client';

import { type ReactNode, useState } from 'react';
import { ErrorNote } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api';
import { updateMyProvider } from '../../../lib/api-pro';
import type { StepProps } from './wizard';

type Body = Parameters<typeof updateMyProvider>[0];

/** Saves part of the profile (PUT /api/providers/me), adopts the answer, then moves on. */
export function useStepSave({ setProfile, next }: Pick<StepProps, 'setProfile' | 'next'>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async (body: Body, then: 'next' | 'stay' = 'next') => {
    setBusy(true);
    setError(null);
    try {
      setProfile(await updateMyProvider(body));
      if (then === 'next') next();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, save };
}

/** The API's error, with each invalid field's message when it sent them (VALIDATION_FAILED details). */
export function StepError({ error }: { error: unknown }) {
  if (error === null) return null;
  const details =
    error instanceof ApiError && Array.isArray(error.details)
      ? (error.details as { path?: string; message?: string }[]).filter((d) => d.message)
      : [];
  return (
    <>
      <ErrorNote error={error} />
      {details.length > 0 && (
        <ul className="error" role="alert">
          {details.map((d) => (
            <li key={`${d.path}:${d.message}`}>
              {d.path ? `${d.path}: ` : ''}
              {d.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Save-and-continue (and an optional skip) at the bottom of a step. */
export function StepButtons({
  busy,
  disabled,
  onSkip,
  children,
}: {
  busy: boolean;
  disabled?: boolean;
  onSkip?: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="btn-row">
      <button type="submit" className="btn" disabled={busy || disabled}>
        {busy ? t('onb.saving') : t('onb.saveContinue')}
      </button>
      {children}
      {onSkip && (
        <button type="button" className="btn secondary" onClick={onSkip} disabled={busy}>
          {t('onb.skip')}
        </button>
      )}
    </div>
  );
}
