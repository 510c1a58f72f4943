import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../lib/geo';
import { toIstIso } from '../../lib/time';
import { type AvailabilityInput, availableSlots, isCalendarDate, travelMinutes, type WeeklyHours } from './availability';
import { scenario } from './testdata/tz-scenario';

/** Mon–Sat 09:00–19:00 with lunch 13:00–14:00; Sunday off. */
const standard: WeeklyHours = Object.fromEntries(
  ['0', '1', '2', '3', '4', '5', '6'].map((d) => [
    d,
    d === '0' ? [] : [{ start: '09:00', end: '19:00', breaks: [{ start: '13:00', end: '14:00' }] }],
  ]),
);
const hazratganj = { lat: 26.8506, lng: 80.9466 };
const travel = { baseMin: 15, perKmMin: 3, capMin: 90 };

function input(over: Partial<AvailabilityInput> = {}): AvailabilityInput {
  return {
    date: '2026-12-02', // a Wednesday
    workingHours: standard,
    timeOff: [],
    bookings: [],
    durationMin: 60,
    now: new Date('2026-11-30T00:00:00Z'),
    minNoticeMin: 120,
    stepMin: 30,
    location: hazratganj,
    base: hazratganj,
    travel,
    ...over,
  };
}
const starts = (i: AvailabilityInput) => availableSlots(i).map((s) => toIstIso(s.start).slice(11, 16));

describe('availability', () => {
  it('startsWithin gives exactly the day’s slots that start in the window, for any window (property)', () => {
    const overnight: WeeklyHours = {
      ...standard,
      '2': [{ start: '20:00', end: '02:00' }],
      '3': [{ start: '08:00', end: '12:00' }],
    };
    const booking = {
      start: new Date('2026-12-02T10:00:00+05:30'),
      end: new Date('2026-12-02T11:00:00+05:30'),
      slotEnd: new Date('2026-12-02T11:30:00+05:30'),
      location: { lat: 26.87, lng: 80.99 },
    };
    const dayStart = Date.parse('2026-12-02T00:00:00+05:30');
    fc.assert(
      fc.property(
        fc.integer({ min: -3 * 60, max: 27 * 60 }),
        fc.integer({ min: 0, max: 30 * 60 }),
        fc.constantFrom(standard, overnight),
        fc.boolean(),
        (fromMin, lengthMin, workingHours, busy) => {
          const base = input({ workingHours, bookings: busy ? [booking] : [] });
          const from = dayStart + fromMin * 60_000;
          const until = from + lengthMin * 60_000;
          const all = availableSlots(base).filter((x) => x.start.getTime() >= from && x.start.getTime() < until);
          expect(availableSlots({ ...base, startsWithin: { from, until } })).toEqual(all);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a working day: every half hour from 09:00, jobs end by 19:00, none across lunch', () => {
    expect(starts(input())).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
      '17:00',
      '17:30',
      '18:00',
    ]);
  });

  it('slots carry +05:30 ISO times on the requested IST date', () => {
    const [first] = availableSlots(input());
    expect(toIstIso(first!.start)).toBe('2026-12-02T09:00:00+05:30');
    expect(toIstIso(first!.end)).toBe('2026-12-02T10:00:00+05:30');
    expect(first!.start.toISOString()).toBe('2026-12-02T03:30:00.000Z');
  });

  it('day off (Sunday) and no working hours at all: no slots', () => {
    expect(starts(input({ date: '2026-12-06' }))).toEqual([]);
    expect(starts(input({ workingHours: null }))).toEqual([]);
  });

  it('a longer service leaves fewer slots and respects the break', () => {
    expect(starts(input({ durationMin: 120 }))).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
      '17:00',
    ]);
  });

  it('minimum notice: nothing earlier than now + notice', () => {
    const now = new Date('2026-12-02T09:10:00+05:30'); // + 2 h = 11:10 → next half hour
    expect(starts(input({ now, minNoticeMin: 120 }))[0]).toBe('11:30');
    expect(starts(input({ now, minNoticeMin: 0 }))[0]).toBe('09:30');
    expect(starts(input({ now: new Date('2026-12-02T18:00:00+05:30') }))).toEqual([]);
  });

  it('time off as whole days (end date included) and as a range of hours', () => {
    expect(starts(input({ timeOff: [{ start: '2026-12-01', end: '2026-12-02' }] }))).toEqual([]);
    expect(starts(input({ timeOff: [{ start: '2026-12-03', end: '2026-12-04' }] })).length).toBe(16);
    const partial = starts(input({ timeOff: [{ start: '2026-12-02T09:00:00+05:30', end: '2026-12-02T12:00:00+05:30' }] }));
    expect(partial.slice(0, 3)).toEqual(['12:00', '14:00', '14:30']);
  });

  it('midnight: a shift past midnight gives slots on both IST dates, each on its own date', () => {
    const night: WeeklyHours = { '3': [{ start: '22:00', end: '02:00' }], '4': [] };
    const wed = availableSlots(input({ workingHours: night, date: '2026-12-02' })).map((s) => toIstIso(s.start));
    const thu = availableSlots(input({ workingHours: night, date: '2026-12-03' })).map((s) => toIstIso(s.start));
    expect(wed).toEqual([
      '2026-12-02T22:00:00+05:30',
      '2026-12-02T22:30:00+05:30',
      '2026-12-02T23:00:00+05:30',
      '2026-12-02T23:30:00+05:30',
    ]);
    expect(thu).toEqual(['2026-12-03T00:00:00+05:30', '2026-12-03T00:30:00+05:30', '2026-12-03T01:00:00+05:30']);
  });

  it('midnight: a shift ending at 24:00 allows a job ending exactly at midnight', () => {
    const late: WeeklyHours = { '3': [{ start: '22:00', end: '24:00' }] };
    const slots = availableSlots(input({ workingHours: late }));
    expect(slots.map((s) => toIstIso(s.end))).toEqual([
      '2026-12-02T23:00:00+05:30',
      '2026-12-02T23:30:00+05:30',
      '2026-12-03T00:00:00+05:30',
    ]);
  });

  it('a booking blocks its time plus travel both ways; the buffer grows with distance', () => {
    const near = { lat: 26.8506, lng: 80.9466 }; // same place: 15 min buffer
    const booked = {
      start: new Date('2026-12-02T11:00:00+05:30'),
      end: new Date('2026-12-02T12:00:00+05:30'),
      slotEnd: new Date('2026-12-02T12:15:00+05:30'),
      location: near,
    };
    const s = starts(input({ bookings: [booked] }));
    // 10:00 would end at 11:00 + 15 min travel > 11:00; 12:00 starts before 12:15 and 12:30 runs into lunch. 09:30 ends 10:30+15 ≤ 11:00.
    expect(s.slice(0, 4)).toEqual(['09:00', '09:30', '14:00', '14:30']);

    const far = { lat: 26.8506 + 0.0899, lng: 80.9466 }; // ~10 km north: 15 + 30 = 45 min
    expect(travelMinutes(hazratganj, far, travel)).toBe(45);
    const sFar = starts(input({ bookings: [{ ...booked, location: far }] }));
    // Before: must end by 11:00 − 45 min → 09:00 (ends 10:00, +45 = 10:45). After: 12:00 + 45 → 12:45 → first grid slot 14:00 (lunch).
    expect(sFar.slice(0, 3)).toEqual(['09:00', '14:00', '14:30']);
  });

  it('the buffer reserved after a job is the travel to the next booking, or home to base', () => {
    const far = { lat: 26.8506 + 0.0899, lng: 80.9466 };
    const booked = {
      start: new Date('2026-12-02T16:00:00+05:30'),
      end: new Date('2026-12-02T17:00:00+05:30'),
      slotEnd: new Date('2026-12-02T17:15:00+05:30'),
      location: far,
    };
    const slots = availableSlots(input({ bookings: [booked] }));
    expect(slots.find((x) => toIstIso(x.start).includes('T09:00'))!.bufferMin).toBe(45);
    expect(slots.find((x) => toIstIso(x.start).includes('T18:00'))!.bufferMin).toBe(15);
  });

  it('the travel buffer is capped', () => {
    expect(travelMinutes(hazratganj, { lat: 28.6139, lng: 77.209 }, travel)).toBe(90); // Delhi
    expect(haversineKm(hazratganj, { lat: 28.6139, lng: 77.209 })).toBeGreaterThan(400);
  });

  it('dates are validated as real calendar dates', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-12-2')).toBe(false);
  });
});

describe('time zone independence', () => {
  it('the same slots in this process and in child processes under UTC, Asia/Kolkata and America/New_York', () => {
    const here = JSON.stringify(scenario());
    const root = path.resolve(import.meta.dirname, '../../../../..');
    const script = path.join(import.meta.dirname, 'testdata/tz-scenario.ts');
    for (const tz of ['UTC', 'Asia/Kolkata', 'America/New_York']) {
      const out = execFileSync(path.join(root, 'node_modules/.bin/tsx'), [script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(out, tz).toBe(here);
    }
    expect(here).toContain('2026-12-03T00:00:00+05:30');
  }, 60_000);
});
