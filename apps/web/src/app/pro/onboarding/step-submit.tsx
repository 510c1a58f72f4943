'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ProChecklist } from '../../../components/pro-checklist';
import { ErrorNote } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import { submitForReview } from '../../../lib/api-pro';
import type { StepProps } from './wizard';

/** Step 9: the checklist from the API (what is missing, with a link to fix it), then submit for review. */
export function SubmitStep(props: StepProps) {
  const { t } = useI18n();
  const router = useRouter();
  const p = props.profile;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const canSubmit = p.status === 'DRAFT' || p.status === 'REJECTED';

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await submitForReview();
      await props.reload();
      router.push('/pro/status');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div>
      <h2>{t('onb.step.submit')}</h2>
      <ProChecklist profile={p} />
      {canSubmit ? (
        <>
          <p className="muted">{p.checklist.complete ? t('onb.submit.ready') : t('onb.submit.notReady')}</p>
          {error !== null && <ErrorNote error={error} />}
          <div className="btn-row">
            <button type="button" className="btn" disabled={busy || !p.checklist.complete} onClick={() => void submit()}>
              {busy ? t('onb.submit.sending') : t('onb.submit.send')}
            </button>
          </div>
        </>
      ) : (
        <p>
          <Link href="/pro/status">{t('onb.submit.seeStatus')}</Link>
        </p>
      )}
    </div>
  );
}
