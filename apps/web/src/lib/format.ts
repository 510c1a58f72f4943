/** Display formatting: money in paise → ₹, times in Asia/Kolkata whatever the device's zone. */
export const IST = 'Asia/Kolkata';

export function formatPaise(paise: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'INR',
    minimumFractionDigits: paise % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(paise / 100);
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: IST,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: IST, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

export function formatDay(date: string, locale: string): string {
  // `date` is an IST calendar date (YYYY-MM-DD); noon IST keeps it on the same day in every zone.
  return new Intl.DateTimeFormat(locale, { timeZone: IST, weekday: 'short', day: 'numeric', month: 'short' }).format(
    new Date(`${date}T12:00:00+05:30`),
  );
}

export function formatMonthYear(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: IST, month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** The IST calendar date (YYYY-MM-DD) of an instant. */
export function istDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: IST, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The next `n` IST calendar dates starting today. */
export function nextIstDates(n: number, now = new Date()): string[] {
  return Array.from({ length: n }, (_, i) => istDate(new Date(now.getTime() + i * 86_400_000)));
}
