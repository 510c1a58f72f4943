'use client';

import { type FormEvent, useState } from 'react';
import { DEFAULT_HOURS, hoursProblems, ProHoursEditor } from '../../../components/pro-hours-editor';
import { useI18n } from '../../../i18n/i18n';
import { StepButtons, StepError, useStepSave } from './step-common';
import type { StepProps } from './wizard';

/** Step 5: weekly working hours. */
export function HoursStep(props: StepProps) {
  const { t } = useI18n();
  const [hours, setHours] = useState(props.profile.workingHours ?? DEFAULT_HOURS);
  const { busy, error, save } = useStepSave(props);
  const none = Object.values(hours).every((d) => d.length === 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({ workingHours: hours });
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('onb.step.hours')}</h2>
      <p className="muted">{t('onb.hours.intro')}</p>
      <ProHoursEditor value={hours} onChange={setHours} />
      {none && <p className="error">{t('onb.hours.none')}</p>}
      <StepError error={error} />
      <StepButtons busy={busy} disabled={none || hoursProblems(hours).length > 0} />
    </form>
  );
}
