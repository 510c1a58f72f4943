export const BUSINESS_TZ = 'Asia/Kolkata';
/** India has no DST: Asia/Kolkata is always UTC+05:30. */
export const IST_OFFSET_MIN = 330;

/** Formats an instant as ISO 8601 with the +05:30 offset, e.g. 2026-11-25T17:00:00+05:30. */
export function toIstIso(d: Date): string {
  const shifted = new Date(d.getTime() + IST_OFFSET_MIN * 60_000);
  return `${shifted.toISOString().slice(0, 19)}+05:30`;
}

/** The instant of a wall-clock time in India. `date` is YYYY-MM-DD, `time` HH:MM. */
export function istToUtc(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+05:30`);
}

/** The calendar date (YYYY-MM-DD) in India of an instant. */
export function istDate(d: Date): string {
  return toIstIso(d).slice(0, 10);
}
