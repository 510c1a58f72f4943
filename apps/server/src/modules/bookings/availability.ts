/**
 * Slot generation, pure. All wall-clock times are Asia/Kolkata (UTC+05:30, no DST) and every
 * computation is done on UTC epoch milliseconds, so the host's time zone never matters.
 */
import { haversineKm, type LatLng } from '../../lib/geo';
import { IST_OFFSET_MIN } from '../../lib/time';

export interface DayHours {
  start: string;
  end: string;
  breaks?: { start: string; end: string }[];
}
/** Keys "0" (Sunday) … "6" (Saturday); an empty list is a day off. */
export type WeeklyHours = Partial<Record<string, DayHours[]>>;
export interface TimeOffEntry {
  start: string;
  end: string;
}
/** An active booking of the provider: [start, end) of work plus the slot end stored in the DB. */
export interface BusyBooking {
  start: Date;
  end: Date;
  slotEnd: Date;
  location: LatLng;
}
export interface TravelRule {
  baseMin: number;
  perKmMin: number;
  capMin: number;
}
export interface Slot {
  start: Date;
  end: Date;
  /** Minutes reserved after the job for travel to the next one. */
  bufferMin: number;
}

const MIN = 60_000;
const DAY = 1440 * MIN;

/** Travel time between two jobs: a base plus minutes per km, rounded up, capped. */
export function travelMinutes(from: LatLng, to: LatLng, rule: TravelRule): number {
  const km = haversineKm(from, to);
  return Math.min(rule.capMin, rule.baseMin + Math.ceil(km * rule.perKmMin));
}

/** Milliseconds of IST midnight starting `date` (YYYY-MM-DD). */
export function istMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - IST_OFFSET_MIN * MIN;
}

/** True when `date` is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Day of the week of an IST calendar date, 0 = Sunday (the keys of WeeklyHours). */
export function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** "HH:MM" → minutes after midnight; "24:00" is the end of the day. */
export function parseHm(hm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hm);
  if (!m) throw new Error(`bad time ${hm}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) throw new Error(`bad time ${hm}`);
  return h * 60 + min;
}

interface Interval {
  start: number;
  end: number;
}

/** Working intervals (ms) of the shifts that begin on `date`; a shift whose end ≤ start runs past midnight. */
function shiftsOf(date: string, hours: WeeklyHours): { work: Interval; breaks: Interval[] }[] {
  const base = istMidnight(date);
  return (hours[String(weekday(date))] ?? []).map((shift) => {
    const s = parseHm(shift.start);
    let e = parseHm(shift.end);
    if (e <= s) e += 1440;
    const breaks = (shift.breaks ?? []).map((b) => {
      let bs = parseHm(b.start);
      let be = parseHm(b.end);
      if (bs < s) bs += 1440;
      if (be <= bs) be += 1440;
      return { start: base + bs * MIN, end: base + be * MIN };
    });
    return { work: { start: base + s * MIN, end: base + e * MIN }, breaks };
  });
}

/** Time off as intervals: a bare date (YYYY-MM-DD) covers whole IST days, end date included. */
export function timeOffIntervals(entries: readonly TimeOffEntry[]): Interval[] {
  const out: Interval[] = [];
  for (const t of entries) {
    const start = isCalendarDate(t.start) ? istMidnight(t.start) : Date.parse(t.start);
    const end = isCalendarDate(t.end) ? istMidnight(t.end) + DAY : Date.parse(t.end);
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) out.push({ start, end });
  }
  return out;
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

export interface AvailabilityInput {
  /** The IST calendar date, YYYY-MM-DD. */
  date: string;
  workingHours: WeeklyHours | null;
  timeOff: readonly TimeOffEntry[];
  bookings: readonly BusyBooking[];
  durationMin: number;
  now: Date;
  minNoticeMin: number;
  stepMin: number;
  /** Where the new job would be (defaults to the provider's base). */
  location: LatLng;
  /** The provider's base, used for the buffer after the last job of a day. */
  base: LatLng | null;
  travel: TravelRule;
  /** Only slots starting in [from, until) (epoch ms): search asks about a window, not the whole day. */
  startsWithin?: { from: number; until: number };
}

/**
 * Free slots starting on `date` (IST). A slot [start, start + duration) must lie inside a shift,
 * miss every break and time off, start at least `minNoticeMin` from now, and leave travel time to
 * and from the neighbouring bookings: the previous job's end plus the travel from its location
 * (and its stored slot end), and this job's end plus the travel to the next job's location.
 */
export function availableSlots(input: AvailabilityInput): Slot[] {
  if (!input.workingHours) return [];
  const dayStart = istMidnight(input.date);
  const dayEnd = dayStart + DAY;
  const earliest = input.now.getTime() + input.minNoticeMin * MIN;
  const off = timeOffIntervals(input.timeOff);
  const duration = input.durationMin * MIN;
  const step = input.stepMin * MIN;
  const shifts = [...shiftsOf(addDays(input.date, -1), input.workingHours), ...shiftsOf(input.date, input.workingHours)];
  const slots: Slot[] = [];
  const seen = new Set<number>();
  const from = Math.max(dayStart, earliest, input.startsWithin?.from ?? dayStart);
  const until = Math.min(dayEnd, input.startsWithin?.until ?? dayEnd);
  for (const shift of shifts) {
    for (let s = shift.work.start; s + duration <= shift.work.end && s < until; s += step) {
      if (s < from || seen.has(s)) continue;
      const job = { start: s, end: s + duration };
      if (shift.breaks.some((b) => overlaps(job, b)) || off.some((o) => overlaps(job, o))) continue;
      const fit = fitAmongBookings(job, input);
      if (fit === null) continue;
      seen.add(s);
      slots.push({ start: new Date(s), end: new Date(job.end), bufferMin: fit });
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Whether a job fits between the existing bookings; returns the travel buffer to reserve after it
 * (to the next booking's location, or back towards the base when it is the last), or null.
 */
export function fitAmongBookings(
  job: Interval,
  input: Pick<AvailabilityInput, 'bookings' | 'location' | 'base' | 'travel'>,
): number | null {
  let next: BusyBooking | null = null;
  for (const b of input.bookings) {
    const bStart = b.start.getTime();
    const freeFrom = Math.max(
      b.slotEnd.getTime(),
      b.end.getTime() + travelMinutes(b.location, input.location, input.travel) * MIN,
    );
    const before = freeFrom <= job.start;
    const after = job.end + travelMinutes(input.location, b.location, input.travel) * MIN <= bStart;
    if (!before && !after) return null;
    if (after && (!next || bStart < next.start.getTime())) next = b;
  }
  if (next) return travelMinutes(input.location, next.location, input.travel);
  return input.base ? travelMinutes(input.location, input.base, input.travel) : input.travel.baseMin;
}
