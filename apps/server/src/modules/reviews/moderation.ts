/**
 * Automatic review moderation (pure). A review is HELD for an admin when its text contains a phone
 * number (Indian formats, also spaced, punctuated, spelled out in English/Hindi or Devanagari digits),
 * a link/URL, an e-mail address, or abuse (English, Hinglish and Devanagari word list).
 * Holding is cautious on purpose: a false hold costs an admin a click, a published phone number
 * takes the job off the platform.
 */

export type ModerationReason = 'PHONE' | 'LINK' | 'EMAIL' | 'ABUSE';

export interface ModerationVerdict {
  held: boolean;
  reasons: ModerationReason[];
}

export function moderate(text: string | null | undefined): ModerationVerdict {
  if (!text) return { held: false, reasons: [] };
  const reasons: ModerationReason[] = [];
  if (containsPhone(text)) reasons.push('PHONE');
  if (containsEmail(text)) reasons.push('EMAIL');
  if (containsLink(text)) reasons.push('LINK');
  if (containsAbuse(text)) reasons.push('ABUSE');
  return { held: reasons.length > 0, reasons };
}

// ---------- phone numbers ----------

const DEVANAGARI_DIGITS = '०१२३४५६७८९';
/** Digit words: English, romanised Hindi and Devanagari Hindi. */
const DIGIT_WORDS: Record<string, string> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  shunya: '0',
  sunya: '0',
  ek: '1',
  do: '2',
  teen: '3',
  tin: '3',
  char: '4',
  chaar: '4',
  panch: '5',
  paanch: '5',
  chhe: '6',
  chhah: '6',
  che: '6',
  saat: '7',
  sat: '7',
  aath: '8',
  ath: '8',
  nau: '9',
  शून्य: '0',
  एक: '1',
  दो: '2',
  तीन: '3',
  चार: '4',
  पांच: '5',
  पाँच: '5',
  छह: '6',
  छः: '6',
  छे: '6',
  सात: '7',
  आठ: '8',
  नौ: '9',
};
const DOUBLE_WORDS: Record<string, string> = { double: 'x2', triple: 'x3', dabal: 'x2' };

/** Turns the text into a string where every digit-ish token is a digit, so runs can be measured. */
function digitise(text: string): string {
  let s = text.toLowerCase().normalize('NFC');
  s = s.replace(/[०-९]/g, (d) => String(DEVANAGARI_DIGITS.indexOf(d)));
  // Words → digits (whole words only); "double five" → "55".
  s = s.replace(/[\p{L}\p{M}]+/gu, (w) => DIGIT_WORDS[w] ?? DOUBLE_WORDS[w] ?? w);
  s = s.replace(/x([23])[\s.,-]*(\d)/g, (_m, n: string, d: string) => d.repeat(Number(n)));
  // Look-alike letters inside digit runs: 98765432l0, 9876543O10.
  for (let i = 0; i < 3; i++) {
    s = s.replace(/(\d[\s.\-_/*]*)[oO]/g, '$10').replace(/(\d[\s.\-_/*]*)[lIi|]/g, '$11');
  }
  return s;
}

export function containsPhone(text: string): boolean {
  const s = digitise(text);
  // Digits separated by at most a few separator characters form one run.
  // Commas are not separators, so Indian-style amounts (1,50,000) never join into a "number".
  const runs = s.match(/\d(?:[\s.\-_/*()+]{0,3}\d)+/g) ?? [];
  // A mobile is 10 digits (+91/0 prefixes make it longer); a landline with its STD code is 10–11.
  return runs.some((run) => run.replace(/\D/g, '').length >= 10);
}

// ---------- e-mails and links ----------

const TLDS =
  'com|in|net|org|co|io|me|ly|info|biz|app|xyz|online|site|shop|store|live|link|page|tk|gl|gg|to|us|uk|ai|dev|club|top|tech|today|website|space';

export function containsEmail(text: string): boolean {
  const s = text.toLowerCase();
  if (/[\p{L}\d._%+-]+\s*@\s*[\p{L}\d-]+(?:\s*\.\s*[\p{L}\d-]+)*\s*\.\s*\p{L}{2,}\b/u.test(s)) return true;
  // "name at gmail dot com", "name (at) gmail [dot] com", "name at the rate gmail dot com"
  return /[a-z\d._-]+\s*(?:\(at\)|\[at\]|\bat the rate\b|\bat\b|@)\s*[a-z\d-]+\s*(?:\(dot\)|\[dot\]|\bdot\b)\s*[a-z]{2,}/.test(s);
}

export function containsLink(text: string): boolean {
  const s = text.toLowerCase();
  if (/\b(?:https?|ftp):\/\//.test(s) || /\bwww\s*\.\s*\S/.test(s)) return true;
  // example.com, bit.ly/x, wa.me/91…: no space after the dot (a sentence ending "… good. In time" is not a link).
  if (new RegExp(`\\b[a-z\\d][a-z\\d-]*(?:\\.[a-z\\d-]+)*\\s*\\.(?:${TLDS})\\b`).test(s)) return true;
  // "example. com": spaced dots only before unambiguous TLDs.
  if (/\b[a-z\d][a-z\d-]*\s*\.\s+(?:com|net|org|info|xyz|biz)\b/.test(s)) return true;
  // Spelled-out dots: "mysite dot com", "mysite [dot] in".
  return new RegExp(`\\b[a-z\\d-]+\\s*(?:\\(dot\\)|\\[dot\\]|\\bdot\\b)\\s*(?:${TLDS})\\b`).test(s);
}

// ---------- abuse ----------

/** Matched anywhere inside a word ("motherfucking", "bhosdike"): unambiguous abuse. */
const ABUSE_STEMS = [
  'fuck',
  'fuk',
  'fck',
  'shit',
  'bitch',
  'bastard',
  'asshole',
  'arsehole',
  'cunt',
  'motherfucker',
  'whore',
  'slut',
  'retard',
  'dickhead',
  'chutiya',
  'chutia',
  'chutiye',
  'chootiya',
  'madarchod',
  'maderchod',
  'madarchot',
  'behenchod',
  'bhenchod',
  'behanchod',
  'bhanchod',
  'bhosdi',
  'bhosadi',
  'bhosda',
  'gandu',
  'haramkhor',
  'harami',
  'lavda',
  'lawda',
  'lauda',
  'jhatu',
  'chinal',
  'chodu',
  'चूतिया',
  'चुतिया',
  'मादरचोद',
  'बहनचोद',
  'बहनचोद',
  'भेनचोद',
  'भोसड़ी',
  'भोसडी',
  'भोसडा',
  'गांडू',
  'गाण्डू',
  'हरामी',
  'हरामखोर',
  'लौड़ा',
  'लौडा',
  'झाटू',
  'चिनाल',
];
/** Matched only as a whole word: short or ambiguous words ("sala" is inside "masala"). */
const ABUSE_WORDS = [
  'dick',
  'prick',
  'twat',
  'wanker',
  'idiot',
  'mc',
  'bc',
  'bsdk',
  'mkc',
  'randi',
  'kamina',
  'kamine',
  'kamini',
  'kutta',
  'kutte',
  'kutiya',
  'sala',
  'saale',
  'suar',
  'lund',
  'loda',
  'lode',
  'ullu',
  'रंडी',
  'कमीना',
  'कमीने',
  'कुत्ता',
  'कुत्ते',
  'कुतिया',
  'साला',
  'साले',
  'सुअर',
  'लंड',
  'उल्लू',
];

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
/** fuuuuck → fuck, gaandu → gandu: repeated letters collapse (done to the lists too). */
const collapse = (w: string) => w.replace(/(\p{L})\1+/gu, '$1');
const STEMS = ABUSE_STEMS.map((w) => collapse(w.normalize('NFC')));
const WORDS = new Set(ABUSE_WORDS.map((w) => collapse(w.normalize('NFC'))));

function tokens(text: string): string[] {
  const s = text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[013457@$!]/g, (ch) => LEET[ch] ?? ch);
  // Letters, combining marks (Devanagari matras) and '*' (masking) make up a word; dots/dashes inside are dropped.
  return (s.replace(/(\p{L})[.\-_](?=\p{L})/gu, '$1').match(/[\p{L}\p{M}*]+/gu) ?? []).map(collapse);
}

function matchesMasked(token: string): boolean {
  // f*ck, f**k, ch*tiya: each '*' stands for one letter; at least two real letters and more letters than stars.
  const stars = (token.match(/\*/g) ?? []).length;
  if (stars === 0 || token.length - stars < 2 || stars > token.length - stars) return false;
  const re = new RegExp(`^${token.replace(/\*/g, '\\p{L}')}$`, 'u');
  return [...STEMS, ...WORDS].some((w) => re.test(w));
}

export function containsAbuse(text: string): boolean {
  for (const token of tokens(text)) {
    if (token.includes('*')) {
      if (matchesMasked(token)) return true;
      continue;
    }
    if (WORDS.has(token)) return true;
    if (STEMS.some((stem) => token.includes(stem))) return true;
  }
  return false;
}
