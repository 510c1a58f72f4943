'use client';

import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { type GeoPlace, geocode } from '../lib/api';
import type { Place } from '../lib/place';
import { ErrorNote } from './status';

/** Location from the browser (navigator.geolocation) or a typed locality resolved by GET /api/geo/geocode. */
export function LocationPicker({ place, onChange }: { place: Place | null; onChange: (place: Place) => void }) {
  const { t } = useI18n();
  const [locality, setLocality] = useState('');
  const [locating, setLocating] = useState(false);
  const [finding, setFinding] = useState(false);
  const [choices, setChoices] = useState<GeoPlace[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const locateWithBrowser = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) {
      setProblem(t('home.locationDenied'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setChoices(null);
        onChange({ lat: pos.coords.latitude, lng: pos.coords.longitude, label: null });
      },
      () => {
        setLocating(false);
        setProblem(t('home.locationDenied'));
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };

  const find = async () => {
    if (!locality.trim()) return;
    setFinding(true);
    setProblem(null);
    setError(null);
    try {
      const { items } = await geocode(locality.trim());
      if (items.length === 0) setProblem(t('home.noPlace'));
      else if (items.length === 1) pick(items[0]!);
      else setChoices(items.slice(0, 6));
    } catch (err) {
      setError(err);
    } finally {
      setFinding(false);
    }
  };

  const pick = (p: GeoPlace) => {
    setChoices(null);
    onChange({ lat: p.lat, lng: p.lng, label: p.label });
  };

  return (
    <fieldset>
      <legend>{t('home.where')}</legend>
      {place && (
        <p className="muted" aria-live="polite" data-testid="place">
          {t('home.near', { place: place.label ?? t('home.myLocation') })}
        </p>
      )}
      <div className="btn-row">
        <button type="button" className="btn secondary" onClick={locateWithBrowser} disabled={locating}>
          {locating ? t('home.locating') : t('home.useMyLocation')}
        </button>
      </div>
      <label htmlFor="locality">{t('home.locality')}</label>
      <div className="btn-row" style={{ marginTop: 0, flexWrap: 'nowrap' }}>
        <input
          id="locality"
          type="text"
          value={locality}
          placeholder={t('home.localityPlaceholder')}
          onChange={(e) => setLocality(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
        />
        <button type="button" className="btn secondary" onClick={() => void find()} disabled={finding || !locality.trim()}>
          {t('home.findLocality')}
        </button>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorNote error={error} />}
      {choices && (
        <div>
          <p id="place-choices">{t('home.pickPlace')}</p>
          <ul className="chips" aria-labelledby="place-choices">
            {choices.map((c) => (
              <li key={`${c.lat},${c.lng},${c.label}`}>
                <button type="button" className="chip" onClick={() => pick(c)}>
                  {c.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
