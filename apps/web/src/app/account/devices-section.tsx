'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { ErrorNote, Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { signOut } from '../../lib/api';
import { listSessions, revokeSession, type SessionItem, signOutEverywhere } from '../../lib/api-account';
import { formatDateTime } from '../../lib/format';

/** A readable device name from a user agent (browser on OS), without any library. */
function deviceName(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return [browser, os].filter(Boolean).join(' · ') || ua.slice(0, 60);
}

/** Signed-in devices with sign out one / everywhere. */
export function DevicesSection() {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [items, setItems] = useState<SessionItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setItems((await listSessions()).items);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (s: SessionItem) => {
    setBusy(s.id);
    try {
      if (s.current) {
        await signOut();
        router.push('/');
        return;
      }
      await revokeSession(s.id);
      setItems((list) => list?.filter((x) => x.id !== s.id) ?? null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const everywhere = async () => {
    if (!window.confirm(t('account.confirmEverywhere'))) return;
    setBusy('all');
    try {
      await signOutEverywhere();
      // This device's refresh token is gone too: forget the local session.
      await signOut().catch(() => undefined);
      router.push('/');
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  };

  return (
    <section className="card account-section" aria-labelledby="acc-devices">
      <h2 id="acc-devices">{t('account.devices')}</h2>
      {error !== null && <ErrorNote error={error} onRetry={() => void load()} />}
      {items === null && error === null && <Loading />}
      {items && (
        <ul className="account-list">
          {items.map((s) => (
            <li key={s.id} className="account-row">
              <div>
                <strong>{deviceName(s.userAgent) ?? t('account.unknownDevice')}</strong>
                {s.current && <span className="pill"> {t('account.thisDevice')}</span>}
                <br />
                <span className="muted">
                  {t('account.lastActive', { at: formatDateTime(s.lastActiveAt, locale) })} ·{' '}
                  {t('account.signedInAt', { at: formatDateTime(s.signedInAt, locale) })}
                </span>
              </div>
              <button type="button" className="btn secondary" onClick={() => void revoke(s)} disabled={busy !== null}>
                {t('account.signOutDevice')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="btn-row">
        <button type="button" className="btn danger" onClick={() => void everywhere()} disabled={busy !== null}>
          {t('account.signOutEverywhere')}
        </button>
      </div>
    </section>
  );
}
