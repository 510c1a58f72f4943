'use client';

import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { type GeoPlace, geocode } from '../lib/api';
import { ErrorNote } from './status';

/** A typed locality resolved by GET /api/geo/geocode; the person picks one of the places found. */
export function ProLocalitySearch({ label, onPick }: { label: string; onPick: (p: GeoPlace) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [choices, setChoices] = useState<GeoPlace[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const find = async () => {
    if (!q.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const { items } = await geocode(q.trim());
      setChoices(items.slice(0, 6));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pro-locality">
      <label htmlFor={id}>{label}</label>
      <div className="pro-inline">
        <input
          id={id}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('onb.area.placeholder')}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
        />
        <button type="button" className="btn secondary" onClick={() => void find()} disabled={busy || !q.trim()}>
          {busy ? t('onb.area.finding') : t('onb.area.find')}
        </button>
      </div>
      {error !== null && <ErrorNote error={error} />}
      {choices && choices.length === 0 && (
        <p className="error" role="alert">
          {t('onb.area.noPlace')}
        </p>
      )}
      {choices && choices.length > 0 && (
        <ul className="chips" aria-label={t('onb.area.pick')}>
          {choices.map((c) => (
            <li key={`${c.lat},${c.lng},${c.label}`}>
              <button
                type="button"
                className="chip"
                onClick={() => {
                  onPick(c);
                  setChoices(null);
                  setQ('');
                }}
              >
                {c.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
