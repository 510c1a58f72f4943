'use client';

import { type FormEvent, useEffect, useState } from 'react';
import { ErrorNote, Loading } from '../../components/status';
import { type Lang, useI18n } from '../../i18n/i18n';
import { getMe, type Me, updateMe } from '../../lib/api-account';

/** Name, email and preferred language (which also drives chat translation and message language). */
export function ProfileSection() {
  const { t, setLang } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<Lang>('en');
  const [error, setError] = useState<unknown>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');

  const load = async () => {
    setError(null);
    try {
      const { user } = await getMe();
      setMe(user);
      setName(user.name ?? '');
      setEmail(user.email ?? '');
      setLanguage(user.preferredLanguage);
    } catch (err) {
      setError(err);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on mount
  useEffect(() => {
    void load();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState('saving');
    setError(null);
    try {
      const { user } = await updateMe({
        ...(name.trim() ? { name: name.trim() } : {}),
        email: email.trim() ? email.trim() : null,
        preferredLanguage: language,
      });
      setMe(user);
      setLang(user.preferredLanguage);
      setState('saved');
    } catch (err) {
      setError(err);
      setState('idle');
    }
  };

  return (
    <section className="card account-section" aria-labelledby="acc-profile">
      <h2 id="acc-profile">{t('account.profile')}</h2>
      {!me && error === null && <Loading />}
      {error !== null && <ErrorNote error={error} onRetry={me ? undefined : () => void load()} />}
      {me && (
        <form onSubmit={submit}>
          <p className="muted">{t('account.phone', { phone: me.phone })}</p>
          <label htmlFor="acc-name">{t('account.name')}</label>
          <input id="acc-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          <label htmlFor="acc-email">{t('account.email')}</label>
          <input
            id="acc-email"
            type="email"
            value={email}
            maxLength={254}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="email"
          />
          <label htmlFor="acc-lang">{t('account.language')}</label>
          <select id="acc-lang" value={language} onChange={(e) => setLanguage(e.target.value as Lang)}>
            <option value="en">{t('account.lang.en')}</option>
            <option value="hi">{t('account.lang.hi')}</option>
          </select>
          <div className="btn-row">
            <button type="submit" className="btn" disabled={state === 'saving'}>
              {state === 'saving' ? t('account.saving') : t('account.save')}
            </button>
            {state === 'saved' && (
              <span role="status" className="ok">
                {t('account.saved')}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
