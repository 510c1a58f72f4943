import { findLocalityMention, normalizeText } from '../../integrations/maps/gazetteer';
import { allowedTypos, editDistance } from './fuzzy';
import { hinglishMarkers, type LexiconEntry, lexicon, stopwords } from './lexicon';
import { parseTimeExpression, type RequestedTime } from './time-expressions';

export type QueryLanguage = 'en' | 'hi' | 'hinglish';

/** What the rule-based parser understood of a free-text request. Pure data, no ids. */
export interface ParsedQuery {
  language: QueryLanguage;
  categorySlug: string | null;
  subCategorySlug: string | null;
  when: RequestedTime | null;
  urgency: 'normal' | 'urgent';
  /** The gazetteer label of a locality named in the query ("Gomti Nagar, Lucknow"). */
  locationText: string | null;
  location: { lat: number; lng: number } | null;
  /** True when the query only named a trade ("Plumber"): no time/urgency/locality parsing. */
  direct: boolean;
  /** Lexicon words that matched, for explanations and tests. */
  matched: string[];
  /** Words nothing understood: used for text search over provider names and descriptions. */
  freeText: string;
}

const DEVANAGARI = /[\u0900-\u097f]/;
const URGENT =
  /(?<![\p{L}\p{M}])(?:urgent|urgently|emergency|asap|immediately|right now|abhi|jaldi|jaldee|jldi|turant|turrant|fauran|foran|quick|quickly|fast|जल्दी|तुरंत|अभी|फौरन|फ़ौरन|आपातकाल)(?![\p{L}\p{M}])/u;
const NEAR_WORDS = new Set([
  'near',
  'nearby',
  'paas',
  'pass',
  'najdeek',
  'nazdeek',
  'aas',
  'around',
  'पास',
  'नजदीक',
  'आसपास',
  'in',
  'at',
]);

interface CompiledTerm {
  words: string[];
  entry: LexiconEntry;
  text: string;
}

const contentWords = (s: string) =>
  normalizeText(s)
    .split(' ')
    .filter((w) => w && !stopwords.has(w));

/** Lexicon terms as word lists, longest first, so "tap leaking" wins over "leaking". */
const compiled: CompiledTerm[] = lexicon
  .flatMap((entry) => entry.terms.map((text) => ({ words: contentWords(text), entry, text })))
  .filter((t) => t.words.length > 0)
  .sort((a, b) => b.words.length - a.words.length || b.entry.weight - a.entry.weight);

/** Language of a query: Devanagari → hi; romanised Hindi markers → hinglish; else en. */
export function detectLanguage(text: string): QueryLanguage {
  if (DEVANAGARI.test(text)) return 'hi';
  const words = normalizeText(text).split(' ');
  return words.some((w) => hinglishMarkers.has(w)) ? 'hinglish' : 'en';
}

function wordMatches(queryWord: string, termWord: string): 0 | 1 | 2 {
  if (queryWord === termWord) return 2;
  const typos = Math.min(allowedTypos(termWord), allowedTypos(queryWord));
  if (typos === 0) return 0;
  return editDistance(queryWord, termWord, typos) <= typos ? 1 : 0;
}

interface LexiconHit {
  category: string | null;
  sub: string | null;
  matched: string[];
  rest: string[];
  directOnly: boolean;
}

/** Recent lexicon matches by their words: matching is pure, and people repeat the same short requests. */
const recentHits = new Map<string, Readonly<LexiconHit>>();
const RECENT_HITS_MAX = 2000;

/** Longest-first matching of lexicon terms on content words; each word is used once. */
export function matchLexicon(words: string[]): Readonly<LexiconHit> {
  const key = words.join(' ');
  const cached = recentHits.get(key);
  if (cached) return cached;
  const hit = Object.freeze(matchLexiconUncached(words));
  if (recentHits.size >= RECENT_HITS_MAX) recentHits.delete(recentHits.keys().next().value!);
  recentHits.set(key, hit);
  return hit;
}

function matchLexiconUncached(words: string[]): LexiconHit {
  const used = new Array<boolean>(words.length).fill(false);
  const hits: { term: CompiledTerm; exact: boolean }[] = [];
  for (const fuzzy of [false, true])
    for (const term of compiled) {
      const n = term.words.length;
      for (let i = 0; i + n <= words.length; i++) {
        let ok = true;
        let exact = true;
        for (let k = 0; k < n && ok; k++) {
          if (used[i + k]) ok = false;
          else {
            const m = wordMatches(words[i + k]!, term.words[k]!);
            if (m === 0 || (m === 1 && !fuzzy)) ok = false;
            else if (m === 1) exact = false;
          }
        }
        if (!ok) continue;
        for (let k = 0; k < n; k++) used[i + k] = true;
        hits.push({ term, exact });
      }
    }
  const catScore = new Map<string, number>();
  const subScore = new Map<string, number>();
  for (const { term, exact } of hits) {
    const weight = term.entry.weight * term.words.length * (exact ? 1 : 0.8);
    catScore.set(term.entry.category, (catScore.get(term.entry.category) ?? 0) + weight);
    if (term.entry.sub) {
      const key = `${term.entry.category}/${term.entry.sub}`;
      subScore.set(key, (subScore.get(key) ?? 0) + weight);
    }
  }
  const best = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const category = best(catScore);
  const subKey = category ? best(new Map([...subScore].filter(([k]) => k.startsWith(`${category}/`)))) : null;
  const rest = words.filter((_, i) => !used[i]);
  return {
    category,
    sub: subKey ? subKey.slice(subKey.indexOf('/') + 1) : null,
    matched: Object.freeze(hits.map((h) => h.term.text)) as string[],
    rest: Object.freeze(rest) as string[],
    directOnly: hits.length === 1 && hits[0]!.term.entry.direct === true && rest.every((w) => NEAR_WORDS.has(w)),
  };
}

/**
 * Rule-based query understanding for English, Hindi and Hinglish. Pure: the same text and `now` give
 * the same answer. Order: direct trade name → time words → urgency → locality → lexicon on what is left.
 */
export function parseQuery(query: string, opts: { now: Date }): ParsedQuery {
  const language = detectLanguage(query);
  const normalized = normalizeText(query);
  const allWords = contentWords(normalized);

  const direct = matchLexicon(allWords);
  if (direct.directOnly) {
    return {
      language,
      categorySlug: direct.category,
      subCategorySlug: null,
      when: null,
      urgency: 'normal',
      locationText: null,
      location: null,
      direct: true,
      matched: direct.matched,
      freeText: '',
    };
  }

  const urgent = URGENT.test(normalized);
  const { when, rest: afterTime } = parseTimeExpression(normalized, opts.now);
  let text = afterTime.replace(URGENT, ' ');
  const locality = findLocalityMention(normalizeText(text));
  if (locality) text = ` ${normalizeText(text)} `.replace(` ${locality.text} `, ' ');
  const hit = matchLexicon(contentWords(text));
  return {
    language,
    categorySlug: hit.category,
    subCategorySlug: hit.sub,
    when,
    urgency: urgent || when?.precision === 'now' ? 'urgent' : 'normal',
    locationText: locality ? locality.entry.label : null,
    location: locality ? { lat: locality.entry.lat, lng: locality.entry.lng } : null,
    direct: false,
    matched: hit.matched,
    freeText: hit.rest.filter((w) => !NEAR_WORDS.has(w)).join(' '),
  };
}
