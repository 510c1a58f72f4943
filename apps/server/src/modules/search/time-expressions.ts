import { IST_OFFSET_MIN, istToUtc, toIstIso } from '../../lib/time';

/** When the customer wants the job done, resolved in Asia/Kolkata. */
export interface RequestedTime {
  /** ISO 8601 with +05:30. */
  start: string;
  end: string;
  /** now: right away; exact: a clock time; part-of-day: morning/evening…; day: a date; range: several days. */
  precision: 'now' | 'exact' | 'part-of-day' | 'day' | 'range';
  /** The words that said it. */
  text: string;
}

export interface TimeParse {
  when: RequestedTime | null;
  /** The input with the time words blanked out. */
  rest: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Part = 'morning' | 'afternoon' | 'evening' | 'night';
const partHours: Record<Part, [number, number]> = { morning: [8, 12], afternoon: [12, 17], evening: [17, 21], night: [20, 23] };

// `(?<![\p{L}\p{M}])` / `(?![\p{L}\p{M}])` are word boundaries that also work for Devanagari.
const B = '(?<![\\p{L}\\p{M}\\p{N}])';
const E = '(?![\\p{L}\\p{M}\\p{N}])';
const w = (alts: string) => new RegExp(`${B}(?:${alts})${E}`, 'u');

const NOW = w('right now|abhi ke abhi|abhi|abi|now|immediately|asap|turant|turrant|tursnt|fauran|foran|अभी|तुरंत|फौरन|फ़ौरन');
const DAY_AFTER = w('day after tomorrow|parso|parson|parsoon|parsho|परसों|परसो');
const TOMORROW = w('tomorrow|tomorow|tommorow|tommorrow|tomorro|tmrw|tmr|kal|kall|कल');
const TODAY = w('today|aaj|aj|आज');
const TONIGHT = w('tonight|aaj raat|आज रात');
const WEEKEND = w('this weekend|is weekend|weekend|सप्ताहांत|वीकेंड');
const NEXT_WEEK = w('next week|agle hafte|agle week|अगले हफ्ते|अगले सप्ताह');
const IN_HOURS = new RegExp(
  `${B}(?:in\\s+)?(\\d{1,2})\\s*(?:hours?|hrs?|ghante|ghanta|घंटे|घंटा)(?:\\s+(?:mein|me|में|baad|बाद))?${E}`,
  'u',
);

const parts: [Part, RegExp][] = [
  ['morning', w('morning|subah|subha|suba|subeh|सुबह|सवेरे|savere')],
  ['afternoon', w('afternoon|dopahar|dopehar|dophar|dupahar|दोपहर')],
  ['evening', w('evening|shaam|sham|saam|शाम')],
  ['night', w('night|raat|रात')],
];

const weekdays: [number, RegExp][] = [
  [0, w('sunday|sun|ravivar|raviwar|itwar|itvaar|रविवार|इतवार')],
  [1, w('monday|mon|somvar|somwar|सोमवार')],
  [2, w('tuesday|tue|tues|mangalvar|mangalwar|मंगलवार')],
  [3, w('wednesday|wed|budhvar|budhwar|बुधवार')],
  [4, w('thursday|thu|thurs|guruvar|guruwar|veervar|गुरुवार|वीरवार')],
  [5, w('friday|fri|shukravar|shukrawar|शुक्रवार')],
  [6, w('saturday|sat|shanivar|shaniwar|शनिवार')],
];

// Clock times: "5pm", "5:30 pm", "17:00", "5 baje", "साढ़े 5 बजे", "at 5".
const CLOCK_AMPM = new RegExp(`${B}(?:at\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a m|p m)${E}`, 'u');
const CLOCK_BAJE = new RegExp(
  `${B}(?:(sadhe|saadhe|साढ़े|साढे)\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?:baje|bje|baj|bajey|बजे)${E}`,
  'u',
);
const CLOCK_24 = new RegExp(`${B}(?:at\\s+)?([01]?\\d|2[0-3]):([0-5]\\d)${E}`, 'u');
const CLOCK_AT = new RegExp(`${B}at\\s+(\\d{1,2})${E}`, 'u');
const NOON = w('noon|midday');

interface Found {
  text: string;
}
function take(s: { rest: string }, re: RegExp): (RegExpExecArray & Found) | null {
  const m = re.exec(s.rest);
  if (!m) return null;
  s.rest = s.rest.slice(0, m.index) + ' '.repeat(m[0].length) + s.rest.slice(m.index + m[0].length);
  return Object.assign(m, { text: m[0].trim() });
}

/** Midnight (IST) of the IST calendar day of `now` plus `days`, as epoch ms. */
function istMidnight(now: Date, days: number): number {
  const shifted = now.getTime() + IST_OFFSET_MIN * 60_000;
  const dayStart = shifted - (((shifted % DAY) + DAY) % DAY);
  return dayStart - IST_OFFSET_MIN * 60_000 + days * DAY;
}
function istWeekday(now: Date): number {
  return new Date(now.getTime() + IST_OFFSET_MIN * 60_000).getUTCDay();
}
const iso = (ms: number) => toIstIso(new Date(ms));

/** Resolves the hour of a clock time that had no am/pm, using the part of day or shop-hours sense. */
function resolveHour(h: number, ampm: string | null, part: Part | null): number {
  if (ampm) {
    const pm = ampm.startsWith('p');
    if (h === 12) return pm ? 12 : 0;
    return pm ? h + 12 : h;
  }
  if (h >= 13) return h;
  if (part === 'morning') return h === 12 ? 12 : h;
  if (part === 'afternoon') return h < 6 ? h + 12 : h === 12 ? 12 : h;
  if (part === 'evening' || part === 'night') return h < 12 ? h + 12 : h;
  // No marker: service hours sense — 1–7 means afternoon/evening, 8–12 as said.
  return h >= 1 && h <= 7 ? h + 12 : h;
}

/**
 * Finds a time expression in normalised text ("tomorrow 5pm", "kal subah", "aaj shaam", "parso",
 * "this weekend", "abhi", "kal 5 baje", "कल सुबह") and resolves it relative to `now` in IST.
 * With no day word, a time that has already passed today means tomorrow.
 */
export function parseTimeExpression(text: string, now: Date): TimeParse {
  const s = { rest: text };
  const words: string[] = [];
  const note = <T extends Found>(m: T | null): T | null => {
    if (m) words.push(m.text);
    return m;
  };
  const t = now.getTime();

  const tonight = note(take(s, TONIGHT));
  const nowWord = note(take(s, NOW));
  const hoursAhead = note(take(s, IN_HOURS));
  const weekend = note(take(s, WEEKEND));
  const nextWeek = note(take(s, NEXT_WEEK));
  let dayOffset: number | null = tonight ? 0 : null;
  if (note(take(s, DAY_AFTER))) dayOffset = 2;
  else if (note(take(s, TOMORROW))) dayOffset = 1;
  else if (note(take(s, TODAY))) dayOffset = 0;
  if (dayOffset === null) {
    for (const [wd, re] of weekdays) {
      if (note(take(s, re))) {
        const diff = (wd - istWeekday(now) + 7) % 7;
        dayOffset = diff === 0 ? 7 : diff;
        break;
      }
    }
  }
  let part: Part | null = tonight ? 'night' : null;
  for (const [p, re] of parts) {
    if (note(take(s, re))) {
      part = p;
      break;
    }
  }
  let hour: number | null = null;
  let minute = 0;
  const ampm = note(take(s, CLOCK_AMPM));
  if (ampm) {
    hour = resolveHour(Number(ampm[1]), ampm[3]!.replace(' ', ''), part);
    minute = Number(ampm[2] ?? 0);
  } else {
    const baje = note(take(s, CLOCK_BAJE));
    if (baje) {
      hour = resolveHour(Number(baje[2]), null, part);
      minute = baje[1] ? 30 : Number(baje[3] ?? 0);
    } else {
      const h24 = note(take(s, CLOCK_24));
      if (h24) {
        hour = resolveHour(Number(h24[1]), null, part);
        minute = Number(h24[2]);
      } else {
        const at = note(take(s, CLOCK_AT));
        if (at) hour = resolveHour(Number(at[1]), null, part);
        else if (note(take(s, NOON))) hour = 12;
      }
    }
  }
  if (hour !== null && (hour > 23 || minute > 59)) hour = null;

  const label = words.join(' ');
  const out = (start: number, end: number, precision: RequestedTime['precision']): TimeParse => ({
    when: { start: iso(start), end: iso(end), precision, text: label },
    rest: s.rest,
  });

  if (hoursAhead) {
    const start = t + Number(hoursAhead[1]) * HOUR;
    return out(start, start + HOUR, 'exact');
  }
  if (nowWord && dayOffset === null && hour === null && part === null) return out(t, t + 2 * HOUR, 'now');
  if (hour !== null) {
    const at = (d: number) => istToUtc(iso(istMidnight(now, d)).slice(0, 10), `${pad(hour!)}:${pad(minute)}`).getTime();
    const start = dayOffset !== null ? at(dayOffset) : at(0) > t ? at(0) : at(1);
    return out(start, start + HOUR, 'exact');
  }
  if (part) {
    const [from, to] = partHours[part];
    const day = dayOffset ?? (istMidnight(now, 0) + to * HOUR > t ? 0 : 1);
    const base = istMidnight(now, day);
    return out(base + from * HOUR, base + to * HOUR, 'part-of-day');
  }
  if (dayOffset !== null) {
    const base = istMidnight(now, dayOffset);
    return out(base, base + DAY, 'day');
  }
  if (weekend) {
    const wd = istWeekday(now);
    const toSat = wd === 0 ? -1 : (6 - wd) % 7;
    const start = istMidnight(now, toSat);
    return out(start, start + 2 * DAY, 'range');
  }
  if (nextWeek) {
    const toMon = (1 - istWeekday(now) + 7) % 7 || 7;
    const start = istMidnight(now, toMon);
    return out(start, start + 7 * DAY, 'range');
  }
  if (nowWord) return out(t, t + 2 * HOUR, 'now');
  return { when: null, rest: s.rest };
}

const pad = (n: number) => String(n).padStart(2, '0');
