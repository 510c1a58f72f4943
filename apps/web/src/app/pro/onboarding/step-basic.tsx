'use client';

import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { StepButtons, StepError, useStepSave } from './step-common';
import type { StepProps } from './wizard';

const LANGUAGES = ['hi', 'en', 'ur', 'pa', 'bn', 'mr', 'gu', 'ta', 'te', 'kn'] as const;

/** Step 1: name, email, date of birth, languages spoken. */
export function BasicStep(props: StepProps) {
  const { t } = useI18n();
  const p = props.profile;
  const [name, setName] = useState(p.name ?? '');
  const [email, setEmail] = useState(p.email ?? '');
  const [dob, setDob] = useState(p.dateOfBirth ?? '');
  const [languages, setLanguages] = useState<string[]>(p.languages.length ? p.languages : ['hi', 'en']);
  const { busy, error, save } = useStepSave(props);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({
      name: name.trim(),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(dob ? { dateOfBirth: dob } : {}),
      languages,
    });
  };
  const toggle = (code: string) => setLanguages((l) => (l.includes(code) ? l.filter((x) => x !== code) : [...l, code]));

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('onb.step.basic')}</h2>
      {p.aadhaarVerified && <p className="muted">{t('onb.basic.fromAadhaar')}</p>}
      <label htmlFor="pro-name">{t('onb.basic.name')}</label>
      <input
        id="pro-name"
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        minLength={2}
        maxLength={80}
      />
      <label htmlFor="pro-email">{t('onb.basic.email')}</label>
      <input
        id="pro-email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        maxLength={200}
      />
      <label htmlFor="pro-dob">{t('onb.basic.dob')}</label>
      <input
        id="pro-dob"
        type="date"
        value={dob}
        max={new Date().toISOString().slice(0, 10)}
        onChange={(e) => setDob(e.target.value)}
      />
      <fieldset>
        <legend>{t('onb.basic.languages')}</legend>
        <div className="pro-checks">
          {LANGUAGES.map((code) => (
            <label key={code} className="choice">
              <input type="checkbox" checked={languages.includes(code)} onChange={() => toggle(code)} />
              {t(`onb.lang.${code}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <StepError error={error} />
      <StepButtons busy={busy} disabled={name.trim().length < 2 || languages.length === 0} />
    </form>
  );
}
