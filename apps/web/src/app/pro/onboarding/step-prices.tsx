'use client';

import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { type PriceItem, paiseToRupeesInput, rupeesToPaise } from '../../../lib/api-pro';
import { StepButtons, StepError, useStepSave } from './step-common';
import type { StepProps } from './wizard';

interface Row {
  subCategoryId: string;
  kind: PriceItem['kind'];
  rupees: string;
  duration: string;
}

/** Step 4: a price for every service offered — typed in rupees, sent to the API in paise. */
export function PricesStep(props: StepProps) {
  const { t } = useI18n();
  const p = props.profile;
  const subs = props.categories.flatMap((c) => c.subCategories).filter((s) => p.subCategoryIds.includes(s.id));
  const [rows, setRows] = useState<Row[]>(() =>
    subs.map((s) => {
      const price = p.pricing.find((x) => x.subCategoryId === s.id);
      return {
        subCategoryId: s.id,
        kind: price?.kind ?? 'FIXED',
        rupees: price ? paiseToRupeesInput(price.amountPaise) : '',
        duration: String(price?.durationMin ?? s.defaultDurationMin),
      };
    }),
  );
  const { busy, error, save } = useStepSave(props);
  const set = (i: number, patch: Partial<Row>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const invalid = rows.some((r) => {
    const paise = rupeesToPaise(r.rupees);
    const d = Number(r.duration);
    return !paise || paise <= 0 || !Number.isInteger(d) || d < 15 || d > 1440;
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (invalid) return;
    void save({
      pricing: rows.map((r) => ({
        subCategoryId: r.subCategoryId,
        kind: r.kind,
        amountPaise: rupeesToPaise(r.rupees)!,
        durationMin: Number(r.duration),
      })),
    });
  };

  if (subs.length === 0)
    return (
      <div>
        <h2>{t('onb.step.prices')}</h2>
        <p>{t('onb.prices.noServices')}</p>
        <button type="button" className="btn" onClick={() => props.goTo('business')}>
          {t('onb.step.business')}
        </button>
      </div>
    );

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('onb.step.prices')}</h2>
      <p className="muted">{t('onb.prices.intro')}</p>
      {rows.map((r, i) => {
        const sub = subs.find((s) => s.id === r.subCategoryId)!;
        const bad = r.rupees !== '' && !rupeesToPaise(r.rupees);
        return (
          <fieldset key={r.subCategoryId} className="pro-price" data-service={sub.slug}>
            <legend>{sub.name}</legend>
            <label htmlFor={`kind-${r.subCategoryId}`}>{t('onb.prices.kind')}</label>
            <select
              id={`kind-${r.subCategoryId}`}
              value={r.kind}
              onChange={(e) => set(i, { kind: e.target.value as Row['kind'] })}
            >
              <option value="FIXED">{t('onb.prices.FIXED')}</option>
              <option value="HOURLY">{t('onb.prices.HOURLY')}</option>
              <option value="INSPECTION">{t('onb.prices.INSPECTION')}</option>
            </select>
            <label htmlFor={`amount-${r.subCategoryId}`}>{t('onb.prices.amount', { service: sub.name })}</label>
            <div className="pro-inline">
              <span aria-hidden="true">₹</span>
              <input
                id={`amount-${r.subCategoryId}`}
                inputMode="decimal"
                value={r.rupees}
                onChange={(e) => set(i, { rupees: e.target.value })}
                aria-invalid={bad || undefined}
              />
            </div>
            {bad && (
              <p className="error" role="alert">
                {t('onb.prices.badAmount')}
              </p>
            )}
            <label htmlFor={`duration-${r.subCategoryId}`}>{t('onb.prices.duration')}</label>
            <input
              id={`duration-${r.subCategoryId}`}
              type="number"
              min={15}
              max={1440}
              step={5}
              value={r.duration}
              onChange={(e) => set(i, { duration: e.target.value })}
            />
          </fieldset>
        );
      })}
      <StepError error={error} />
      <StepButtons busy={busy} disabled={invalid} />
    </form>
  );
}
