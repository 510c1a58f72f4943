import { PHRASES } from './phrasebook.data';
import type { ChatLanguage } from './port';

type Side = 'en' | 'hi' | 'latn';
const NUMBER = /\d+(?:[:.]\d+)?/g;

/** Lowercase, numbers → {n}, punctuation and Hindi danda dropped, chandrabindu folded, spaces collapsed. */
export function normalise(text: string): { key: string; numbers: string[] } {
  const numbers = text.match(NUMBER) ?? [];
  const key = text
    .replace(NUMBER, ' {n} ')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/ँ/g, 'ं')
    .replace(/़/g, '')
    .replace(/[.,!?;:"()\u0964\u0965-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { key, numbers };
}

function buildIndex() {
  const index: Record<Side, Map<string, (typeof PHRASES)[number]>> = { en: new Map(), hi: new Map(), latn: new Map() };
  for (const p of PHRASES) {
    for (const side of ['en', 'hi', 'latn'] as const) {
      for (const form of p[side] ?? []) {
        const { key } = normalise(form);
        if (!index[side].has(key)) index[side].set(key, p);
      }
    }
  }
  return index;
}
const INDEX = buildIndex();
export const phraseCount = PHRASES.length;

function fill(template: string, numbers: string[]): string {
  let i = 0;
  return template.replace(/\{n\}/g, () => numbers[i++] ?? '');
}

function translateSentence(sentence: string, from: ChatLanguage, to: 'en' | 'hi'): string | null {
  const { key, numbers } = normalise(sentence);
  if (!key) return sentence;
  const side: Side = from === 'hi-Latn' ? 'latn' : from;
  const phrase = INDEX[side].get(key);
  if (!phrase) return null;
  const template = to === 'en' ? phrase.en[0] : phrase.hi[0];
  if (!template) return null;
  const slots = (template.match(/\{n\}/g) ?? []).length;
  if (slots !== numbers.length) return null;
  return fill(template, numbers);
}

/**
 * Translates when every sentence is a known phrase; otherwise null (the caller delivers the
 * original marked "not translated" — we never guess).
 */
export function phrasebookTranslate(text: string, from: ChatLanguage, to: 'en' | 'hi'): string | null {
  const sentences = text
    .split(/(?<=[.!?\u0964])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (sentences.length === 0) return null;
  const out: string[] = [];
  for (const s of sentences) {
    const t = translateSentence(s, from, to);
    if (t === null) return null;
    out.push(t);
  }
  const endsWithQuestion = /\?\s*$/.test(text);
  const joined = out.join(to === 'hi' ? '। ' : '. ');
  return endsWithQuestion ? `${joined}?` : joined;
}
