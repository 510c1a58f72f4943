import { haversineKm } from '../../lib/geo';
import { type GazetteerRow, gazetteerRows } from './gazetteer.data';
import type { GeoPlace } from './port';

export interface GazetteerEntry extends GeoPlace {
  name: string;
  hindiName: string | null;
  /** Normalised names this entry is known by (English, aliases, Hindi). */
  keys: string[];
}

/** Lower-case, Devanagari nukta/chandrabindu folded, punctuation to spaces, single-spaced. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u0966-\u096f]/g, (d) => String(d.charCodeAt(0) - 0x0966))
    .replace(/\u093c/g, '')
    .replace(/\u0901/g, '\u0902')
    .replace(/[^\p{L}\p{M}\p{N}:]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function toEntry([name, city, lat, lng, pincode, hindiName, aliases = []]: GazetteerRow): GazetteerEntry {
  const label = name === city ? name : `${name}, ${city}`;
  const keys = [name, ...aliases, ...(hindiName ? [hindiName] : [])].map(normalizeText);
  return { name, city, lat, lng, label, ...(pincode ? { pincode } : {}), hindiName, keys };
}

export const gazetteer: readonly GazetteerEntry[] = gazetteerRows.map(toEntry);

const byKey = new Map<string, GazetteerEntry>();
for (const e of gazetteer) for (const k of e.keys) if (!byKey.has(k)) byKey.set(k, e);
const maxKeyWords = Math.max(...[...byKey.keys()].map((k) => k.split(' ').length));

export function toPlace(e: GazetteerEntry): GeoPlace {
  return { lat: e.lat, lng: e.lng, label: e.label, city: e.city, ...(e.pincode ? { pincode: e.pincode } : {}) };
}

/** Exact-name lookup (any known key), then city suffix ("malviya nagar jaipur"), then pincode, then prefix. */
export function searchGazetteer(text: string, limit = 5): GazetteerEntry[] {
  const q = normalizeText(text);
  if (!q) return [];
  const out: GazetteerEntry[] = [];
  const push = (e: GazetteerEntry | undefined) => {
    if (e && !out.includes(e)) out.push(e);
  };
  push(byKey.get(q));
  for (const e of gazetteer) if (e.keys.some((k) => k === q || `${k} ${normalizeText(e.city)}` === q)) push(e);
  const pin = /\b(\d{6})\b/.exec(q)?.[1];
  if (pin) for (const e of gazetteer) if (e.pincode === pin) push(e);
  const mention = findLocalityMention(q);
  if (mention) push(mention.entry);
  if (q.length >= 3) for (const e of gazetteer) if (e.keys.some((k) => k.startsWith(q))) push(e);
  return out.slice(0, limit);
}

export interface LocalityMention {
  entry: GazetteerEntry;
  /** The normalised words that named it. */
  text: string;
}

/** The longest gazetteer name mentioned in (normalised) text, or a 6-digit pincode we know. */
export function findLocalityMention(normalized: string): LocalityMention | null {
  const words = normalized.split(' ').filter(Boolean);
  for (let n = Math.min(maxKeyWords, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const phrase = words.slice(i, i + n).join(' ');
      if (n === 1 && phrase.length < 3) continue;
      const entry = byKey.get(phrase);
      if (entry) return { entry, text: phrase };
    }
  }
  for (const w of words) {
    if (/^\d{6}$/.test(w)) {
      const entry = gazetteer.find((e) => e.pincode === w);
      if (entry) return { entry, text: w };
    }
  }
  return null;
}

/** The nearest gazetteer entry within `maxKm`. */
export function nearestEntry(lat: number, lng: number, maxKm = 30): GazetteerEntry | null {
  let best: GazetteerEntry | null = null;
  let bestKm = Number.POSITIVE_INFINITY;
  for (const e of gazetteer) {
    const d = haversineKm({ lat, lng }, e);
    if (d < bestKm) {
      best = e;
      bestKm = d;
    }
  }
  return bestKm <= maxKm ? best : null;
}
