'use client';

import { useI18n } from '../i18n/i18n';
import type { WorkingHours } from '../lib/api-pro';

type DayKey = keyof WorkingHours;
/** Monday first, as people in India read a week; keys are the API's 0 (Sunday) … 6 (Saturday). */
const DAYS: DayKey[] = ['1', '2', '3', '4', '5', '6', '0'];

export const DEFAULT_HOURS: WorkingHours = {
  '0': [],
  '1': [{ start: '09:00', end: '18:00' }],
  '2': [{ start: '09:00', end: '18:00' }],
  '3': [{ start: '09:00', end: '18:00' }],
  '4': [{ start: '09:00', end: '18:00' }],
  '5': [{ start: '09:00', end: '18:00' }],
  '6': [{ start: '09:00', end: '18:00' }],
};

/** Problems a person can fix before saving: end after start, a break inside the day. */
export function hoursProblems(h: WorkingHours): DayKey[] {
  return DAYS.filter((d) =>
    h[d].some((r) => r.end <= r.start || (r.breaks ?? []).some((b) => b.end <= b.start || b.start < r.start || b.end > r.end)),
  );
}

/** Weekly working hours (Asia/Kolkata): per day working or off, from–to, and an optional break. */
export function ProHoursEditor({ value, onChange }: { value: WorkingHours; onChange: (h: WorkingHours) => void }) {
  const { t } = useI18n();
  const bad = new Set(hoursProblems(value));
  const setDay = (d: DayKey, ranges: WorkingHours[DayKey]) => onChange({ ...value, [d]: ranges });
  const copyMonday = () => {
    const mon = value['1'];
    onChange({ ...value, '2': mon, '3': mon, '4': mon, '5': mon, '6': mon });
  };

  return (
    <div className="pro-hours">
      {DAYS.map((d) => {
        const range = value[d][0];
        const brk = range?.breaks?.[0];
        const dayName = t(`proDay.${d}`);
        return (
          <fieldset key={d} className={`pro-day${bad.has(d) ? ' invalid' : ''}`} data-day={d}>
            <legend>{dayName}</legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={Boolean(range)}
                onChange={(e) => setDay(d, e.target.checked ? [{ start: '09:00', end: '18:00' }] : [])}
              />
              {t('proHours.working', { day: dayName })}
            </label>
            {range && (
              <div className="pro-times">
                <label>
                  {t('proHours.from')}
                  <input
                    type="time"
                    value={range.start}
                    onChange={(e) => setDay(d, [{ ...range, start: e.target.value }])}
                    required
                  />
                </label>
                <label>
                  {t('proHours.to')}
                  <input
                    type="time"
                    value={range.end}
                    onChange={(e) => setDay(d, [{ ...range, end: e.target.value }])}
                    required
                  />
                </label>
                {brk ? (
                  <>
                    <label>
                      {t('proHours.breakFrom')}
                      <input
                        type="time"
                        value={brk.start}
                        onChange={(e) => setDay(d, [{ ...range, breaks: [{ ...brk, start: e.target.value }] }])}
                      />
                    </label>
                    <label>
                      {t('proHours.breakTo')}
                      <input
                        type="time"
                        value={brk.end}
                        onChange={(e) => setDay(d, [{ ...range, breaks: [{ ...brk, end: e.target.value }] }])}
                      />
                    </label>
                    <button type="button" className="link" onClick={() => setDay(d, [{ start: range.start, end: range.end }])}>
                      {t('proHours.removeBreak')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="link"
                    onClick={() => setDay(d, [{ ...range, breaks: [{ start: '13:00', end: '14:00' }] }])}
                  >
                    {t('proHours.addBreak')}
                  </button>
                )}
              </div>
            )}
            {bad.has(d) && (
              <p className="error" role="alert">
                {t('proHours.invalid')}
              </p>
            )}
          </fieldset>
        );
      })}
      <div className="btn-row">
        <button type="button" className="btn secondary" onClick={copyMonday}>
          {t('proHours.copyMonday')}
        </button>
      </div>
    </div>
  );
}
