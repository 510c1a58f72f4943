'use client';

import { useEffect, useState } from 'react';
import { ErrorNote, Loading } from '../../components/status';
import { hasKey, useI18n } from '../../i18n/i18n';
import {
  getNotificationPreferences,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
  updateNotificationPreferences,
} from '../../lib/api-notifications';

const CHANNELS = ['inApp', 'push', 'sms', 'email'] as const;
/** Events only one side ever receives: not offered to the other. */
const PROVIDER_ONLY = new Set([
  'BOOKING_REQUESTED',
  'REVIEW_RECEIVED',
  'KYC_VERIFIED',
  'BACKGROUND_CHECK_PASSED',
  'BACKGROUND_CHECK_FAILED',
  'PROVIDER_SUBMITTED',
  'PROVIDER_APPROVED',
  'PROVIDER_REJECTED',
  'PROVIDER_SUSPENDED',
  'PROVIDER_REINSTATED',
  'PAYOUT_PROCESSED',
  'PAYOUT_FAILED',
]);
const CUSTOMER_ONLY = new Set(['PROVIDER_ON_THE_WAY']);
const ADMIN_ONLY = new Set(['REFUND_FAILED']);
type Channel = (typeof CHANNELS)[number];

/** Channels per notification type, the SMS master switch and quiet hours (India time); each change saves. */
export function PreferencesSection({ role }: { role: string }) {
  const { t } = useI18n();
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [quiet, setQuiet] = useState({ start: '22:00', end: '07:00' });

  const load = async () => {
    setError(null);
    try {
      const p = await getNotificationPreferences();
      setPrefs(p);
      if (p.quietHours) setQuiet(p.quietHours);
    } catch (err) {
      setError(err);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on mount
  useEffect(() => {
    void load();
  }, []);

  const save = async (body: NotificationPreferencesUpdate) => {
    setSaving(true);
    setError(null);
    try {
      setPrefs(await updateNotificationPreferences(body));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  const label = (type: string) => {
    const key = `type.${type}`;
    return hasKey(key) ? t(key) : type;
  };

  return (
    <section className="card account-section" aria-labelledby="acc-notif">
      <h2 id="acc-notif">{t('account.notifications')}</h2>
      <p className="muted">{t('account.notificationsIntro')}</p>
      {error !== null && <ErrorNote error={error} onRetry={prefs ? undefined : () => void load()} />}
      {!prefs && error === null && <Loading />}
      {prefs && (
        <fieldset disabled={saving} className="plain">
          <label className="check">
            <input type="checkbox" checked={prefs.smsEnabled} onChange={(e) => void save({ smsEnabled: e.target.checked })} />{' '}
            {t('account.smsEnabled')}
          </label>
          <div className="table-scroll">
            <table className="prefs">
              <thead>
                <tr>
                  <th scope="col">{t('account.event')}</th>
                  {CHANNELS.map((c) => (
                    <th key={c} scope="col">
                      {t(`account.ch.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Object.entries(prefs.channels)
                  .filter(([type]) =>
                    role === 'ADMIN'
                      ? true
                      : !ADMIN_ONLY.has(type) && (role === 'PROVIDER' ? !CUSTOMER_ONLY.has(type) : !PROVIDER_ONLY.has(type)),
                  )
                  .map(([type, ch]) => (
                    <tr key={type}>
                      <th scope="row">{label(type)}</th>
                      {CHANNELS.map((c: Channel) => (
                        <td key={c}>
                          <input
                            type="checkbox"
                            checked={ch[c]}
                            disabled={c === 'sms' && !prefs.smsEnabled}
                            aria-label={t('account.channelFor', { channel: t(`account.ch.${c}`), event: label(type) })}
                            onChange={(e) => void save({ channels: { [type]: { [c]: e.target.checked } } })}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <h3>{t('account.quietHours')}</h3>
          <label className="check">
            <input
              type="checkbox"
              checked={prefs.quietHours !== null}
              onChange={(e) => void save({ quietHours: e.target.checked ? quiet : null })}
            />{' '}
            {t('account.quietOn')}
          </label>
          {prefs.quietHours && (
            <div className="quiet">
              <label htmlFor="quiet-start">{t('account.quietStart')}</label>
              <input
                id="quiet-start"
                type="time"
                value={quiet.start}
                onChange={(e) => setQuiet((q) => ({ ...q, start: e.target.value }))}
                onBlur={() => void save({ quietHours: quiet })}
              />
              <label htmlFor="quiet-end">{t('account.quietEnd')}</label>
              <input
                id="quiet-end"
                type="time"
                value={quiet.end}
                onChange={(e) => setQuiet((q) => ({ ...q, end: e.target.value }))}
                onBlur={() => void save({ quietHours: quiet })}
              />
            </div>
          )}
        </fieldset>
      )}
    </section>
  );
}
