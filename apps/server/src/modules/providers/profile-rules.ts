/** Validation rules for provider profile fields that zod shapes cannot express. Pure. */

export interface RuleIssue {
  path: string;
  message: string;
}

/** India's bounding box (mainland plus Andaman & Nicobar and Lakshadweep), generous by a few km. */
export function isInsideIndia(lat: number, lng: number): boolean {
  return lat >= 6.5 && lat <= 37.6 && lng >= 68.0 && lng <= 97.5;
}

/** A UPI virtual payment address: handle@psp. */
export function isValidVpa(vpa: string): boolean {
  return /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,255}@[a-zA-Z][a-zA-Z0-9]{1,63}$/.test(vpa);
}

const GSTIN_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** GSTIN: 2-digit state code, PAN, entity number, 'Z', and a mod-36 check character. */
export function isValidGstin(gstin: string): boolean {
  if (!/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(gstin)) return false;
  const state = Number(gstin.slice(0, 2));
  if (state < 1 || (state > 38 && state !== 97 && state !== 99)) return false;
  return gstinCheckChar(gstin.slice(0, 14)) === gstin[14];
}

export function gstinCheckChar(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const v = GSTIN_CHARS.indexOf(first14[i]!);
    const product = v * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return GSTIN_CHARS[(36 - (sum % 36)) % 36]!;
}

const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

interface Range {
  start: string;
  end: string;
}
type Day = (Range & { breaks?: Range[] })[];

/** Each shift ends after it starts, shifts of a day do not overlap, breaks lie inside their shift and do not overlap. */
export function workingHoursIssues(hours: Record<string, Day>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [day, shifts] of Object.entries(hours)) {
    const sorted = [...shifts].map((s, i) => ({ s, i })).sort((a, b) => toMin(a.s.start) - toMin(b.s.start));
    for (const { s, i } of sorted) {
      const path = `workingHours.${day}.${i}`;
      if (toMin(s.end) <= toMin(s.start)) issues.push({ path, message: 'A shift must end after it starts' });
      const breaks = [...(s.breaks ?? [])].sort((a, b) => toMin(a.start) - toMin(b.start));
      breaks.forEach((b, j) => {
        if (toMin(b.end) <= toMin(b.start)) issues.push({ path: `${path}.breaks`, message: 'A break must end after it starts' });
        if (toMin(b.start) < toMin(s.start) || toMin(b.end) > toMin(s.end)) {
          issues.push({ path: `${path}.breaks`, message: 'A break must lie inside its working hours' });
        }
        const next = breaks[j + 1];
        if (next && toMin(next.start) < toMin(b.end)) issues.push({ path: `${path}.breaks`, message: 'Breaks must not overlap' });
      });
    }
    for (let k = 1; k < sorted.length; k++) {
      if (toMin(sorted[k]!.s.start) < toMin(sorted[k - 1]!.s.end)) {
        issues.push({ path: `workingHours.${day}`, message: 'Working hours of one day must not overlap' });
      }
    }
  }
  return issues;
}

export function timeOffIssues(items: Range[], now: Date): RuleIssue[] {
  const issues: RuleIssue[] = [];
  items.forEach((t, i) => {
    const s = Date.parse(t.start);
    const e = Date.parse(t.end);
    if (!(e > s)) issues.push({ path: `timeOff.${i}`, message: 'Time off must end after it starts' });
    if (e - s > 366 * 86_400_000) issues.push({ path: `timeOff.${i}`, message: 'Time off can be at most a year' });
    if (e < now.getTime() - 86_400_000) issues.push({ path: `timeOff.${i}`, message: 'Time off is in the past' });
  });
  return issues;
}

/** Every priced sub-category is one the provider offers, and each has at most one price. */
export function pricingIssues(pricing: { subCategoryId: string }[], offered: string[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  pricing.forEach((p, i) => {
    if (!offered.includes(p.subCategoryId)) issues.push({ path: `pricing.${i}`, message: 'Price a service you offer' });
    if (seen.has(p.subCategoryId)) issues.push({ path: `pricing.${i}`, message: 'One price per service' });
    seen.add(p.subCategoryId);
  });
  return issues;
}

/** Masks an account number to XXXXXX1234 (only the last four digits kept). */
export function maskAccountNumber(accountNumber: string): string {
  return `XXXXXX${accountNumber.slice(-4)}`;
}

/** Age in whole years on `today` (YYYY-MM-DD strings). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
