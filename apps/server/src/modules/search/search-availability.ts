import { istDate } from '../../lib/time';
import {
  availableSlots,
  type BusyBooking,
  type LatLng,
  type TimeOffEntry,
  type TravelRule,
  type WeeklyHours,
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

/**
 * free: a job can start in the requested window (an exact time must be bookable at that minute;
 * "now" means as soon as the minimum notice allows, within 2 hours of it); same-day: not then, but
 * on the same IST day; not: neither. With no requested time the window is the next 24 hours.
 */
export function availabilityFor(
  cal: CandidateCalendar,
  q: { when: RequestedTime | null; location: LatLng; now: Date; durationMin: number; rules: SlotRules },
): Availability {
  const now = q.now.getTime();
  const when = q.when;
  let from = when ? Math.max(Date.parse(when.start), now) : now;
  let until = when ? Date.parse(when.end) : now + DAY_MS;
  if (when?.precision === 'exact') until = from + 1;
  if (when?.precision === 'now') until = now + (q.rules.minNoticeMin + 120) * 60_000;
  if (when?.precision === 'exact' && Date.parse(when.start) < now) from = until;
  if (until > from) for (const _ of freeStarts(cal, { ...q, from, until })) return 'free';
  const day = istDate(new Date(Math.max(now, when ? Date.parse(when.start) : now)));
  const dayStart = Date.parse(`${day}T00:00:00+05:30`);
  for (const _ of freeStarts(cal, { ...q, from: Math.max(now, dayStart), until: dayStart + DAY_MS })) return 'same-day';
  return 'not';
}
