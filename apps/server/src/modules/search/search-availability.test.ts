import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIstIso } from '../../lib/time';
import type { WeeklyHours } from '../bookings/availability';
import type { Availability } from './match-score';
import {
  availabilityBounds,
  availabilityFor,
  type CandidateCalendar,
  nextFreeSlot,
  type SlotRules,
  workingDaysMask,
} from './search-availability';
import type { RequestedTime } from './time-expressions';

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

describe('availability bound from the working days alone', () => {
  const q = (when: RequestedTime | null) => ({ when, location: here, now, durationMin: 60, rules });
  const day = (start: string, end: string) => ({ start, end, precision: 'day' as const, text: '' });
  it('the mask has a bit per weekday with shifts', () => {
    expect(workingDaysMask(hours)).toBe(0b1111110);
    expect(workingDaysMask(null)).toBe(0);
    expect(workingDaysMask({ '3': [{ start: '22:00', end: '02:00' }], '4': [] })).toBe(0b0011000); // runs into Thursday
    expect(workingDaysMask({ '6': [{ start: '09:00', end: '24:00' }] })).toBe(0b1000000);
  });
  it('a Sunday request to a pro who is off on Sundays is exactly "not"', () => {
    const sunday = day('2026-11-29T00:00:00+05:30', '2026-11-30T00:00:00+05:30');
    expect(availabilityBounds(q(sunday))(workingDaysMask(hours))).toBe('not');
    expect(availabilityFor(cal(), q(sunday))).toBe('not');
    expect(availabilityBounds(q(day('2026-11-26T00:00:00+05:30', '2026-11-27T00:00:00+05:30')))(workingDaysMask(hours))).toBe(
      'free',
    );
    expect(availabilityBounds(q(null))(0)).toBe('not');
  });
  it('same-day at best when the requested window has passed but the day is a working day', () => {
    const past = { start: '2026-11-25T08:00:00+05:30', end: '2026-11-25T08:00:00+05:30', precision: 'exact' as const, text: '' };
    expect(availabilityBounds(q(past))(workingDaysMask(hours))).toBe('same-day');
  });

  const rank: Record<Availability, number> = { not: 0, 'same-day': 1, free: 2 };
  const hm = fc.integer({ min: 0, max: 47 }).map((h) => `${String(Math.floor(h / 2)).padStart(2, '0')}:${h % 2 ? '30' : '00'}`);
  const shift = fc.record({ start: hm, end: hm }).filter((s) => s.start !== s.end);
  const weekly = fc
    .array(fc.array(shift, { maxLength: 2 }), { minLength: 7, maxLength: 7 })
    .map((days): WeeklyHours => Object.fromEntries(days.map((shifts, d) => [String(d), shifts])));
  const base = Date.parse('2026-11-23T00:00:00+05:30');
  const instant = fc.integer({ min: 0, max: 14 * 48 }).map((k) => base + k * 30 * 60_000);
  const requested = fc.oneof(
    fc.constant(null),
    fc
      .record({
        at: instant,
        hours: fc.integer({ min: 0, max: 72 }),
        precision: fc.constantFrom('now', 'exact', 'part-of-day', 'day', 'range'),
      })
      .map(
        ({ at, hours: h, precision }): RequestedTime => ({
          start: toIstIso(new Date(at)),
          end: toIstIso(new Date(precision === 'exact' ? at : at + h * 3_600_000)),
          precision: precision as RequestedTime['precision'],
          text: '',
        }),
      ),
  );
  const busy = fc.array(
    fc.record({ at: instant, len: fc.integer({ min: 1, max: 8 }) }).map(({ at, len }) => ({
      start: new Date(at),
      end: new Date(at + len * 30 * 60_000),
      slotEnd: new Date(at + len * 30 * 60_000),
      location: here,
    })),
    { maxLength: 4 },
  );
  it('never below the exact availability, whatever the shifts, time off and bookings (property)', () => {
    fc.assert(
      fc.property(weekly, busy, instant, requested, fc.boolean(), (workingHours, bookings, at, when, off) => {
        const c: CandidateCalendar = {
          workingHours,
          timeOff: off ? [{ start: toIstIso(new Date(at)), end: toIstIso(new Date(at + 86_400_000)) }] : [],
          base: here,
          bookings,
        };
        const query = { when, location: here, now: new Date(at), durationMin: 60, rules };
        const exact = availabilityFor(c, query);
        const bound = availabilityBounds(query)(workingDaysMask(workingHours));
        expect(rank[exact]).toBeLessThanOrEqual(rank[bound]);
      }),
      { numRuns: 400 },
    );
  });
});
