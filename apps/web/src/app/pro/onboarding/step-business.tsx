'use client';

import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { formatPaise } from '../../../lib/format';
import { StepButtons, StepError, useStepSave } from './step-common';
import type { StepProps } from './wizard';

/** Step 2: business name and description, category and the services offered, UPI ID and GSTIN. */
export function BusinessStep(props: StepProps) {
  const { t, locale } = useI18n();
  const p = props.profile;
  const [businessName, setBusinessName] = useState(p.businessName ?? '');
  const [description, setDescription] = useState(p.description ?? '');
  const [categoryId, setCategoryId] = useState(p.categoryId ?? '');
  const [subs, setSubs] = useState<string[]>(p.subCategoryIds);
  const [upiId, setUpiId] = useState(p.upiId ?? '');
  const [gstin, setGstin] = useState(p.gstin ?? '');
  const { busy, error, save } = useStepSave(props);
  const category = props.categories.find((c) => c.id === categoryId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({
      businessName: businessName.trim(),
      description: description.trim(),
      categoryId,
      subCategoryIds: subs,
      upiId: upiId.trim() || null,
      gstin: gstin.trim() || null,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('onb.step.business')}</h2>
      <label htmlFor="pro-business">{t('onb.business.name')}</label>
      <input id="pro-business" value={businessName} onChange={(e) => setBusinessName(e.target.value)} maxLength={120} required />
      <label htmlFor="pro-description">{t('onb.business.description')}</label>
      <textarea
        id="pro-description"
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        maxLength={2000}
      />
      <label htmlFor="pro-category">{t('onb.business.category')}</label>
      <select
        id="pro-category"
        value={categoryId}
        onChange={(e) => {
          setCategoryId(e.target.value);
          setSubs([]);
        }}
        required
      >
        <option value="">{t('onb.business.chooseCategory')}</option>
        {props.categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {category && (
        <fieldset>
          <legend>{t('onb.business.services')}</legend>
          <div className="pro-checks">
            {category.subCategories
              .filter((s) => s.isActive)
              .map((s) => (
                <label key={s.id} className="choice">
                  <input
                    type="checkbox"
                    checked={subs.includes(s.id)}
                    onChange={() => setSubs((l) => (l.includes(s.id) ? l.filter((x) => x !== s.id) : [...l, s.id]))}
                  />
                  {s.name}
                </label>
              ))}
          </div>
          <p className="hint">{t('onb.business.bgFee', { fee: formatPaise(category.backgroundCheckFeePaise, locale) })}</p>
        </fieldset>
      )}
      <label htmlFor="pro-upi">{t('onb.business.upi')}</label>
      <input
        id="pro-upi"
        value={upiId}
        onChange={(e) => setUpiId(e.target.value)}
        maxLength={100}
        aria-describedby="pro-upi-hint"
      />
      <p id="pro-upi-hint" className="hint">
        {t('onb.business.upiHint')}
      </p>
      <label htmlFor="pro-gstin">{t('onb.business.gstin')}</label>
      <input id="pro-gstin" value={gstin} onChange={(e) => setGstin(e.target.value.toUpperCase())} maxLength={15} />
      <StepError error={error} />
      <StepButtons busy={busy} disabled={businessName.trim().length < 2 || !categoryId || subs.length === 0} />
    </form>
  );
}
