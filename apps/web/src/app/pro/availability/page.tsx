'use client';

import { type FormEvent, useState } from 'react';
import { type ProContext, ProGate } from '../../../components/pro-gate';
import { DEFAULT_HOURS, hoursProblems, ProHoursEditor } from '../../../components/pro-hours-editor';
import { ErrorNote } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import { type TimeOff, updateMyProvider } from '../../../lib/api-pro';
import { formatDateTime } from '../../../lib/format';

/** /pro/availability — weekly working hours and time off (holidays, leave), both in India time. */
export default function AvailabilityPage() {
  return <ProGate>{(ctx) => <Availability {...ctx} />}</ProGate>;
}

/** A datetime-local value (wall clock in India) → ISO 8601 with +05:30. */
const istIso = (local: string) => `${local.length === 16 ? `${local}:00` : local}+05:30`;

function Availability({ profile, setProfile }: ProContext) {
  const { t, locale } = useI18n();
  const [hours, setHours] = useState(profile.workingHours ?? DEFAULT_HOURS);
  const [savingHours, setSavingHours] = useState(false);
  const [hoursSaved, setHoursSaved] = useState(false);
  const [hoursError, setHoursError] = useState<unknown>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [savingOff, setSavingOff] = useState(false);
  const [offError, setOffError] = useState<unknown>(null);
  const none = Object.values(hours).every((d) => d.length === 0);

  const saveHours = async (e: FormEvent) => {
    e.preventDefault();
    setSavingHours(true);
    setHoursError(null);
    setHoursSaved(false);
    try {
      setProfile(await updateMyProvider({ workingHours: hours }));
      setHoursSaved(true);
    } catch (err) {
      setHoursError(err);
    } finally {
      setSavingHours(false);
    }
  };

  const saveTimeOff = async (list: TimeOff[]) => {
    setSavingOff(true);
    setOffError(null);
    try {
      setProfile(await updateMyProvider({ timeOff: list }));
      return true;
    } catch (err) {
      setOffError(err);
      return false;
    } finally {
      setSavingOff(false);
    }
  };
  const badRange = from !== '' && to !== '' && to <= from;
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!from || !to || badRange) return;
    const period: TimeOff = { start: istIso(from), end: istIso(to), ...(reason.trim() ? { reason: reason.trim() } : {}) };
    if (await saveTimeOff([...profile.timeOff, period])) {
      setFrom('');
      setTo('');
      setReason('');
    }
  };
  const periods = [...profile.timeOff].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const now = Date.now();

  return (
    <section className="pro-availability">
      <h1>{t('avail.title')}</h1>
      <form onSubmit={(e) => void saveHours(e)} className="card" noValidate>
        <h2>{t('avail.weekly')}</h2>
        <p className="muted">{t('onb.hours.intro')}</p>
        <ProHoursEditor
          value={hours}
          onChange={(h) => {
            setHours(h);
            setHoursSaved(false);
          }}
        />
        {none && <p className="error">{t('onb.hours.none')}</p>}
        {hoursError !== null && <ErrorNote error={hoursError} />}
        {hoursSaved && (
          <p className="success" role="status">
            {t('avail.saved')}
          </p>
        )}
        <div className="btn-row">
          <button type="submit" className="btn" disabled={savingHours || none || hoursProblems(hours).length > 0}>
            {savingHours ? t('onb.saving') : t('avail.saveHours')}
          </button>
        </div>
      </form>

      <div className="card">
        <h2 id="timeoff-title">{t('avail.timeOff')}</h2>
        <p className="muted">{t('avail.timeOffIntro')}</p>
        {periods.length === 0 ? (
          <p className="muted">{t('avail.noTimeOff')}</p>
        ) : (
          <ul className="pro-timeoff" aria-labelledby="timeoff-title">
            {periods.map((p) => (
              <li key={`${p.start}-${p.end}`} className={Date.parse(p.end) < now ? 'past' : undefined}>
                <span>
                  {t('avail.period', { from: formatDateTime(p.start, locale), to: formatDateTime(p.end, locale) })}
                  {p.reason ? ` — ${p.reason}` : ''}
                </span>
                <button
                  type="button"
                  className="btn secondary"
                  disabled={savingOff}
                  aria-label={t('avail.removeLabel', { from: formatDateTime(p.start, locale) })}
                  onClick={() => void saveTimeOff(profile.timeOff.filter((x) => x !== p))}
                >
                  {t('avail.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={(e) => void add(e)} noValidate>
          <h3>{t('avail.add')}</h3>
          <label htmlFor="off-from">{t('avail.from')}</label>
          <input id="off-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
          <label htmlFor="off-to">{t('avail.to')}</label>
          <input
            id="off-to"
            type="datetime-local"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
            required
          />
          {badRange && (
            <p className="error" role="alert">
              {t('avail.badRange')}
            </p>
          )}
          <label htmlFor="off-reason">{t('avail.reason')}</label>
          <input id="off-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          {offError !== null && <ErrorNote error={offError} />}
          <div className="btn-row">
            <button type="submit" className="btn" disabled={savingOff || !from || !to || badRange}>
              {savingOff ? t('onb.saving') : t('avail.addButton')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
