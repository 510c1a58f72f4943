import type { LatLng } from '../../lib/geo';
import { istDate } from '../../lib/time';
import {
  availableSlots,
  type BusyBooking,
  type TimeOffEntry,
  type TravelRule,
  type WeeklyHours,
  weekday,
} from '../bookings/availability';
import type { Availability } from './match-score';
import type { RequestedTime } from './time-expressions';

/**
 * Search's view of a provider's calendar, computed with the bookings module's slot rules
 * (modules/bookings/availability.ts: shifts, breaks, time off, minimum notice, travel buffers),
 * so "free then" in search means the booking would be accepted.
 */
export interface CandidateCalendar {
  workingHours: WeeklyHours | null;
  timeOff: readonly TimeOffEntry[];
  bookings: readonly BusyBooking[];
  base: LatLng | null;
}
export interface SlotRules {
  minNoticeMin: number;
  stepMin: number;
  travel: TravelRule;
}

const DAY_MS = 86_400_000;

/** Free job starts in [from, until), ascending, for a job at `location`. */
export function* freeStarts(
  cal: CandidateCalendar,
  q: { location: LatLng; from: number; until: number; durationMin: number; now: Date; rules: SlotRules },
): Generator<number> {
  if (!cal.workingHours) return;
  for (let day = q.from; istDate(new Date(day)) <= istDate(new Date(q.until - 1)); day += DAY_MS) {
    const slots = availableSlots({
      date: istDate(new Date(day)),
      workingHours: cal.workingHours,
      timeOff: cal.timeOff,
      bookings: cal.bookings,
      durationMin: q.durationMin,
      now: q.now,
      minNoticeMin: q.rules.minNoticeMin,
      stepMin: q.rules.stepMin,
      location: q.location,
      base: cal.base,
      travel: q.rules.travel,
      startsWithin: { from: q.from, until: q.until },
    });
    for (const s of slots) {
      const t = s.start.getTime();
      if (t >= q.from && t < q.until) yield t;
    }
  }
}

/** The first free start within `horizonDays` of now, or null. */
export function nextFreeSlot(
  cal: CandidateCalendar,
  q: { location: LatLng; now: Date; durationMin: number; rules: SlotRules; horizonDays?: number },
): number | null {
  const from = q.now.getTime();
  for (const s of freeStarts(cal, { ...q, from, until: from + (q.horizonDays ?? 7) * DAY_MS })) return s;
  return null;
}

type AvailabilityQuery = { when: RequestedTime | null; location: LatLng; now: Date; durationMin: number; rules: SlotRules };

/**
 * The two windows availability is judged on. free: a job can start in [from, until) (an exact time must be
 * bookable at that minute; "now" means as soon as the minimum notice allows, within 2 hours of it; no
 * requested time means the next 24 hours). same-day: a start in [dayFrom, dayUntil), the rest of the IST day
 * of the requested time.
 */
function windowsOf(q: Pick<AvailabilityQuery, 'when' | 'now' | 'rules'>) {
  const now = q.now.getTime();
  const when = q.when;
  let from = when ? Math.max(Date.parse(when.start), now) : now;
  let until = when ? Date.parse(when.end) : now + DAY_MS;
  if (when?.precision === 'exact') until = from + 1;
  if (when?.precision === 'now') until = now + (q.rules.minNoticeMin + 120) * 60_000;
  if (when?.precision === 'exact' && Date.parse(when.start) < now) from = until;
  const day = istDate(new Date(Math.max(now, when ? Date.parse(when.start) : now)));
  const dayStart = Date.parse(`${day}T00:00:00+05:30`);
  return { from, until, dayFrom: Math.max(now, dayStart), dayUntil: dayStart + DAY_MS };
}

/** free, same-day or not (see windowsOf), by the bookings module's slot rules. */
export function availabilityFor(cal: CandidateCalendar, q: AvailabilityQuery): Availability {
  const w = windowsOf(q);
  if (w.until > w.from) for (const _ of freeStarts(cal, { ...q, from: w.from, until: w.until })) return 'free';
  for (const _ of freeStarts(cal, { ...q, from: w.dayFrom, until: w.dayUntil })) return 'same-day';
  return 'not';
}

/**
 * Bit d set when the provider has working time on weekday d (0 = Sunday): a shift of that day, or one of
 * the previous day running past midnight (end ≤ start), as availableSlots counts them. The same rule as
 * the generated column provider_profiles.working_days.
 */
export function workingDaysMask(hours: WeeklyHours | null): number {
  let mask = 0;
  if (!hours) return mask;
  for (let d = 0; d < 7; d++) {
    const overnightBefore = (hours[String((d + 6) % 7)] ?? []).some((s) => s.end <= s.start);
    if ((hours[String(d)] ?? []).length > 0 || overnightBefore) mask |= 1 << d;
  }
  return mask;
}

/** The weekdays (bit 0 = Sunday) of the IST dates freeStarts walks for [from, until). */
function weekdaysWithin(from: number, until: number): number {
  let days = 0;
  for (let day = from; days !== 0b1111111 && istDate(new Date(day)) <= istDate(new Date(until - 1)); day += DAY_MS) {
    days |= 1 << weekday(istDate(new Date(day)));
  }
  return days;
}

/**
 * For one requested time: the best availability a provider whose working days are `workingDays` could
 * have, never below availabilityFor whatever the calendar's shifts, breaks, time off and bookings. When it
 * says 'not', that is the exact answer, so search ranks such a provider without reading the calendar (a
 * Sunday request when most pros are off used to read hundreds of calendars only to learn this). The
 * windows are worked out once; each provider then costs two bit tests.
 */
export function availabilityBounds(q: Pick<AvailabilityQuery, 'when' | 'now' | 'rules'>): (workingDays: number) => Availability {
  const weekdays = availabilityWeekdays(q);
  return (workingDays) => bestAvailability(weekdays, workingDays);
}

/** availabilityBounds for weekdays already worked out: two bit tests. */
export function bestAvailability(weekdays: { freeDays: number; sameDays: number }, workingDays: number): Availability {
  return workingDays & weekdays.freeDays ? 'free' : workingDays & weekdays.sameDays ? 'same-day' : 'not';
}

/**
 * The weekdays (bit 0 = Sunday) availabilityBounds tests working days against: a provider working on one
 * of `freeDays` may be free at the requested time, one working on one of `sameDays` free that day.
 */
export function availabilityWeekdays(q: Pick<AvailabilityQuery, 'when' | 'now' | 'rules'>): {
  freeDays: number;
  sameDays: number;
} {
  const w = windowsOf(q);
  return { freeDays: w.until > w.from ? weekdaysWithin(w.from, w.until) : 0, sameDays: weekdaysWithin(w.dayFrom, w.dayUntil) };
}
