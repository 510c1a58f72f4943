'use client';

import { useI18n } from '../i18n/i18n';
import type { Availability } from '../lib/api';
import { formatDay, formatTime } from '../lib/format';
import { ErrorNote, Loading } from './status';

/** Day chips, then the free start times of the chosen day (loading, error with retry, or none free). */
export function SlotPicker(props: {
  days: string[];
  date: string;
  onDate: (date: string) => void;
  availability: Availability | null;
  slotsError: unknown;
  onRetry: () => void;
  slot: string | null;
  onSlot: (start: string) => void;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const { availability, slotsError } = props;
  return (
    <>
      <fieldset>
        <legend>{t('book.date')}</legend>
        <ul className="chips">
          {props.days.map((d) => (
            <li key={d}>
              <button type="button" className="chip" aria-pressed={d === props.date} onClick={() => props.onDate(d)}>
                {formatDay(d, locale)}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset aria-busy={availability === null && slotsError === null}>
        <legend>{t('book.slots')}</legend>
        {availability === null && slotsError === null && <Loading />}
        {slotsError !== null && <ErrorNote error={slotsError} onRetry={props.onRetry} />}
        {availability && availability.slots.length === 0 && <p>{t('book.noSlots')}</p>}
        {availability && availability.slots.length > 0 && (
          <ul className="chips" data-testid={props.testId}>
            {availability.slots.map((s) => (
              <li key={s.start}>
                <button
                  type="button"
                  className="chip"
                  aria-pressed={s.start === props.slot}
                  onClick={() => props.onSlot(s.start)}
                >
                  {formatTime(s.start, locale)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </>
  );
}
