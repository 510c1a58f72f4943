'use client';

import { type FormEvent, useEffect, useState } from 'react';
import { LocationPicker } from '../components/location-picker';
import { ResultCard } from '../components/result-card';
import { ErrorNote, Loading } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { type SearchResponse, search } from '../lib/api';
import { type CategoryList, listCategories } from '../lib/api-catalog';
import { istDate } from '../lib/format';
import { understoodService, understoodWhen } from '../lib/interpretation';
import { loadPlace, type Place, savePlace } from '../lib/place';

/** Home: one search box in English, Hindi or Hinglish, a place, and ranked results. */
export default function HomePage() {
  const { t, lang, locale } = useI18n();
  const [categories, setCategories] = useState<CategoryList['items']>([]);
  const [query, setQuery] = useState('');
  const [place, setPlace] = useState<Place | null>(null);
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [needPlace, setNeedPlace] = useState(false);

  useEffect(() => setPlace(loadPlace()), []);
  useEffect(() => {
    // Names for "We understood"; without them the line still shows the time and urgency.
    listCategories().then(
      (list) => setCategories(list.items),
      () => undefined,
    );
  }, []);

  const choosePlace = (p: Place) => {
    setPlace(p);
    setNeedPlace(false);
    savePlace(p);
  };

  const run = async (e: FormEvent) => {
    e.preventDefault();
    if (!query.trim()) return;
    if (!place) {
      setNeedPlace(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResponse(await search({ query: query.trim(), location: { lat: place.lat, lng: place.lng } }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const loadMore = async () => {
    if (!response?.nextCursor || !place) return;
    setMore(true);
    try {
      const next = await search({
        query: query.trim(),
        location: { lat: place.lat, lng: place.lng },
        cursor: response.nextCursor,
      });
      setResponse({ ...next, results: [...response.results, ...next.results] });
    } catch (err) {
      setError(err);
    } finally {
      setMore(false);
    }
  };

  const i = response?.interpretation;
  const understood = i
    ? [
        understoodService(i, categories, lang) ?? t('home.anyService'),
        i.when ? understoodWhen(i.when, locale, t('home.now')) : null,
        i.urgency === 'urgent' ? t('home.urgent') : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : '';

  return (
    <section>
      <h1>{t('home.title')}</h1>
      <search>
        <form onSubmit={run}>
          <label htmlFor="q">{t('home.query')}</label>
          <input
            id="q"
            type="search"
            value={query}
            placeholder={t('home.queryPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            maxLength={500}
            enterKeyHint="search"
          />
          <LocationPicker place={place} onChange={choosePlace} />
          {needPlace && (
            <p className="error" role="alert">
              {t('home.needLocation')}
            </p>
          )}
          <div className="btn-row">
            <button type="submit" className="btn" disabled={busy || !query.trim()}>
              {busy ? t('home.searching') : t('home.search')}
            </button>
          </div>
        </form>
      </search>
      {busy && <Loading />}
      {error !== null && <ErrorNote error={error} />}
      {response && !busy && (
        <section aria-live="polite" aria-label={t('home.results', { n: response.results.length })}>
          <p className="muted">{t('home.understood', { what: understood })}</p>
          {response.results.length === 0 ? (
            <p>{t('home.noResults')}</p>
          ) : (
            <p>
              <strong>{t('home.results', { n: response.results.length })}</strong>
            </p>
          )}
          {response.results.map((r) => (
            <ResultCard
              key={r.provider.id}
              result={r}
              searchId={response.searchId}
              subCategoryId={i?.subCategoryId ?? undefined}
              date={i?.when ? istDate(new Date(i.when.start)) : undefined}
            />
          ))}
          {response.nextCursor && (
            <div className="btn-row">
              <button type="button" className="btn secondary" onClick={() => void loadMore()} disabled={more}>
                {more ? t('common.loading') : t('home.more')}
              </button>
            </div>
          )}
        </section>
      )}
    </section>
  );
}
