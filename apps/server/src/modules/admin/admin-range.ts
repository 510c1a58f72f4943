import { AppError } from '../../lib/errors';
import { istDate } from '../../lib/time';

/** An inclusive range of Asia/Kolkata calendar days and the UTC instants that bound it. */
export interface IstRange {
  from: string;
  to: string;
  /** Midnight IST at the start of `from`. */
  startUtc: Date;
  /** Midnight IST after `to` (exclusive). */
  endUtc: Date;
  days: string[];
}

const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

const invalid = (message: string, field: string) =>
  new AppError('INVALID_DATE_RANGE', message, { status: 400, details: [{ path: `querystring.${field}`, message }] });

function parseDay(s: string, field: string): number {
  const t = Date.parse(`${s}T00:00:00Z`);
  if (!DAY_RE.test(s) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s) {
    throw invalid(`${s} is not a calendar date (YYYY-MM-DD)`, field);
  }
  return t;
}

/**
 * The IST days `from`..`to` (inclusive). Missing ends default to the `defaultDays` days ending today
 * (in India). Rejects reversed ranges and ranges longer than `maxDays`.
 */
export function istRange(
  q: { from?: string; to?: string },
  now: Date,
  opts: { defaultDays?: number; maxDays?: number } = {},
): IstRange {
  const defaultDays = opts.defaultDays ?? 30;
  const maxDays = opts.maxDays ?? 366;
  const toT = q.to ? parseDay(q.to, 'to') : Date.parse(`${istDate(now)}T00:00:00Z`);
  const fromT = q.from ? parseDay(q.from, 'from') : toT - (defaultDays - 1) * DAY_MS;
  if (fromT > toT) throw invalid('`from` is after `to`', 'from');
  const count = Math.round((toT - fromT) / DAY_MS) + 1;
  if (count > maxDays) throw invalid(`The range is ${count} days; at most ${maxDays}`, 'from');
  const days = Array.from({ length: count }, (_, i) => new Date(fromT + i * DAY_MS).toISOString().slice(0, 10));
  const from = days[0]!;
  const to = days.at(-1)!;
  return {
    from,
    to,
    days,
    startUtc: new Date(`${from}T00:00:00+05:30`),
    endUtc: new Date(new Date(`${to}T00:00:00+05:30`).getTime() + DAY_MS),
  };
}

/** Keyset cursor (a sort instant and an id), opaque to clients. */
export interface Keyset {
  at: string;
  id: string;
}

export function encodeKeyset(k: Keyset): string {
  return Buffer.from(JSON.stringify(k)).toString('base64url');
}

export function decodeKeyset(cursor: string | undefined): Keyset | undefined {
  if (!cursor) return undefined;
  try {
    const k = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Keyset;
    if (typeof k.at === 'string' && !Number.isNaN(Date.parse(k.at)) && /^[0-9a-f-]{36}$/i.test(k.id)) return k;
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', 'The cursor is not valid', {
    details: [{ path: 'querystring.cursor', message: 'Invalid' }],
  });
}
