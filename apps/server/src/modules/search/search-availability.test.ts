import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../bookings/availability';
import { availabilityFor, type CandidateCalendar, nextFreeSlot, type SlotRules } from './search-availability';

const hours: WeeklyHours = Object.fromEntries(
  ['0', '1', '2', '3', '4', '5', '6'].map((d) => [
    d,
    d === '0' ? [] : [{ start: '09:00', end: '19:00', breaks: [{ start: '13:00', end: '14:00' }] }],
  ]),
);
const t = (s: string) => Date.parse(s);
const here = { lat: 26.85, lng: 80.95 };
const cal = (busy: [string, string][] = []): CandidateCalendar => ({
  workingHours: hours,
  timeOff: [],
  base: here,
  bookings: busy.map(([a, b]) => ({ start: new Date(a), end: new Date(b), slotEnd: new Date(b), location: here })),
});
const rules: SlotRules = { minNoticeMin: 0, stepMin: 30, travel: { baseMin: 0, perKmMin: 0, capMin: 0 } };
// Wednesday 25 Nov 2026
const now = new Date('2026-11-25T10:10:00+05:30');
const next = (c: CandidateCalendar, at: Date) => nextFreeSlot(c, { location: here, now: at, durationMin: 60, rules });

describe('next free slot (bookings module rules)', () => {
  it('the next half-hour step inside working hours', () => {
    expect(next(cal(), now)).toBe(t('2026-11-25T10:30:00+05:30'));
  });
  it('skips bookings and the lunch break', () => {
    const c = cal([['2026-11-25T10:00:00+05:30', '2026-11-25T12:30:00+05:30']]);
    expect(next(c, now)).toBe(t('2026-11-25T14:00:00+05:30'));
  });
  it('after hours, the next working morning; Saturday evening → Monday (Sunday off)', () => {
    expect(next(cal(), new Date('2026-11-25T18:45:00+05:30'))).toBe(t('2026-11-26T09:00:00+05:30'));
    expect(next(cal(), new Date('2026-11-28T19:00:00+05:30'))).toBe(t('2026-11-30T09:00:00+05:30'));
  });
  it('respects the minimum notice', () => {
    expect(nextFreeSlot(cal(), { location: here, now, durationMin: 60, rules: { ...rules, minNoticeMin: 120 } })).toBe(
      t('2026-11-25T14:00:00+05:30'), // 12:10 → 12:30 would run into lunch
    );
  });
  it('none without working hours', () => {
    expect(next({ ...cal(), workingHours: null }, now)).toBeNull();
  });
});

describe('availability against the requested time', () => {
  const at = (c: CandidateCalendar, when: Parameters<typeof availabilityFor>[1]['when']) =>
    availabilityFor(c, { when, location: here, now, durationMin: 60, rules });
  const exact = (start: string) => ({ start, end: start, precision: 'exact' as const, text: '' });
  it('free at an exact bookable time, same-day when that hour is booked, not on a day off', () => {
    const c = cal([['2026-11-26T17:00:00+05:30', '2026-11-26T18:30:00+05:30']]);
    expect(at(c, exact('2026-11-26T11:00:00+05:30'))).toBe('free');
    expect(at(c, exact('2026-11-26T17:00:00+05:30'))).toBe('same-day');
    expect(at(c, exact('2026-11-29T11:00:00+05:30'))).toBe('not');
  });
  it('part of day: free if any start fits in the window', () => {
    const evening = {
      start: '2026-11-26T17:00:00+05:30',
      end: '2026-11-26T21:00:00+05:30',
      precision: 'part-of-day' as const,
      text: '',
    };
    expect(at(cal(), evening)).toBe('free');
    expect(at(cal([['2026-11-26T17:00:00+05:30', '2026-11-26T19:00:00+05:30']]), evening)).toBe('same-day');
  });
  it('no requested time: free within the next 24 hours', () => {
    expect(at(cal(), null)).toBe('free');
  });
});
