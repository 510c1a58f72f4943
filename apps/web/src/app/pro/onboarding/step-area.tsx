'use client';

import type { reverseGeocodeResponse } from '@localpro/contracts';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { ProLocalitySearch } from '../../../components/pro-locality-search';
import { useI18n } from '../../../i18n/i18n';
import { request } from '../../../lib/api';
import { StepButtons, StepError, useStepSave } from './step-common';
import type { StepProps } from './wizard';

interface Base {
  lat: number;
  lng: number;
  address: string;
  city: string;
}

/** Step 3: where the provider starts from (a located locality) and how far they travel; localities and pincodes served. */
export function AreaStep(props: StepProps) {
  const { t } = useI18n();
  const p = props.profile;
  const [base, setBase] = useState<Base | null>(
    p.baseLocation ? { ...p.baseLocation, address: p.address ?? '', city: p.city ?? '' } : null,
  );
  const [radius, setRadius] = useState(p.serviceAreas.radiusKm || 5);
  const [localities, setLocalities] = useState<string[]>(p.serviceAreas.localities);
  const [pincodes, setPincodes] = useState(p.serviceAreas.pincodes.join(', '));
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, save } = useStepSave(props);

  const pins = pincodes
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const badPin = pins.find((x) => !/^[1-9]\d{5}$/.test(x));

  const locateMe = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) {
      setProblem(t('onb.area.noGeo'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        const { latitude: lat, longitude: lng } = pos.coords;
        try {
          const r = await request<z.infer<typeof reverseGeocodeResponse>>('/geo/reverse', { query: { lat, lng } });
          setBase({ lat, lng, address: r.place?.label ?? `${lat.toFixed(4)}, ${lng.toFixed(4)}`, city: r.place?.city ?? '' });
        } catch {
          setBase({ lat, lng, address: `${lat.toFixed(4)}, ${lng.toFixed(4)}`, city: '' });
        } finally {
          setLocating(false);
        }
      },
      () => {
        setLocating(false);
        setProblem(t('onb.area.noGeo'));
      },
      { timeout: 10_000, maximumAge: 300_000 },
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!base) return;
    void save({
      baseLocation: { lat: base.lat, lng: base.lng },
      address: base.address,
      ...(base.city ? { city: base.city } : {}),
      serviceAreas: { radiusKm: radius, localities, pincodes: pins },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('onb.step.area')}</h2>
      <fieldset>
        <legend>{t('onb.area.base')}</legend>
        {base ? (
          <p className="pro-picked" aria-live="polite" data-testid="base-location">
            {t('onb.area.baseIs', { place: base.address })}
          </p>
        ) : (
          <p className="muted">{t('onb.area.baseNone')}</p>
        )}
        <ProLocalitySearch
          label={t('onb.area.baseSearch')}
          onPick={(g) => setBase({ lat: g.lat, lng: g.lng, address: g.label, city: g.city })}
        />
        <div className="btn-row">
          <button type="button" className="btn secondary" onClick={locateMe} disabled={locating}>
            {locating ? t('onb.area.locating') : t('onb.area.useMine')}
          </button>
        </div>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
      </fieldset>
      <label htmlFor="pro-radius">{t('onb.area.radius', { n: radius })}</label>
      <input
        id="pro-radius"
        type="range"
        min={1}
        max={50}
        step={1}
        value={radius}
        onChange={(e) => setRadius(Number(e.target.value))}
        aria-valuetext={t('common.km', { n: radius })}
      />
      <fieldset>
        <legend>{t('onb.area.localities')}</legend>
        {localities.length > 0 && (
          <ul className="chips">
            {localities.map((l) => (
              <li key={l}>
                <button
                  type="button"
                  className="chip"
                  aria-label={t('onb.area.removeLocality', { place: l })}
                  onClick={() => setLocalities((x) => x.filter((y) => y !== l))}
                >
                  {l} ✕
                </button>
              </li>
            ))}
          </ul>
        )}
        <ProLocalitySearch
          label={t('onb.area.addLocality')}
          onPick={(g) => setLocalities((x) => (x.includes(g.label) ? x : [...x, g.label]))}
        />
      </fieldset>
      <label htmlFor="pro-pincodes">{t('onb.area.pincodes')}</label>
      <input
        id="pro-pincodes"
        inputMode="numeric"
        value={pincodes}
        onChange={(e) => setPincodes(e.target.value)}
        aria-describedby="pro-pincodes-hint"
      />
      <p id="pro-pincodes-hint" className={badPin ? 'error' : 'hint'}>
        {badPin ? t('onb.area.badPin', { pin: badPin }) : t('onb.area.pincodesHint')}
      </p>
      <StepError error={error} />
      <StepButtons busy={busy} disabled={!base || Boolean(badPin)} />
    </form>
  );
}
