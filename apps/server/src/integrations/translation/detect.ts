import type { ChatLanguage } from './port';

const DEVANAGARI = /[\u0900-\u097F]/g;
const LATIN = /[A-Za-z]/g;

/** Words that (almost) only occur in romanised Hindi, not in English. */
const HINGLISH_MARKERS = new Set(
  (
    'hai hain hoon hun hu main mai mein me mera meri mere tera teri tumhara aap aapka aapki apka apki kya kyu kyun kaise kaisa ' +
    'kab kahan kaha kidhar yahan wahan idhar udhar nahi nahin haan ji bhai bhaiya didi ghar pahunch pahuch pahunch gaya gaya ' +
    'gayi raha rahi rahe hoga hogi karo karna karunga karungi kar sakta sakti sakte chahiye kitna kitne kitni paisa paise ' +
    'rupaye abhi kal parso subah shaam sham raat dopahar jaldi thoda bahut accha acha theek thik thika lekin aur bhi sirf ' +
    'wala wali baje minute mein ruko rukiye aaiye aao aa jaunga jaungi dekh dekho batao bataiye bolo suno dhanyavad shukriya'
  ).split(/\s+/),
);
/** English words that also look like markers ("me", "main", "hi") need company before we call it Hinglish. */
const AMBIGUOUS = new Set(['me', 'main', 'hi', 'aur', 'bhi', 'aa', 'ji', 'kar', 'minute', 'gaya']);

/**
 * Script-based detection: Devanagari → Hindi; Latin with romanised-Hindi markers → hi-Latn; else English.
 * Libraries (franc, tinyld) do not recognise romanised Hindi, so this is our own rule.
 */
export function detectLanguage(text: string): ChatLanguage {
  const deva = text.match(DEVANAGARI)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (deva > 0 && deva >= latin / 2) return 'hi';
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  let strong = 0;
  let weak = 0;
  for (const w of words) {
    if (!HINGLISH_MARKERS.has(w)) continue;
    if (AMBIGUOUS.has(w)) weak++;
    else strong++;
  }
  if (strong >= 2 || (strong >= 1 && (weak >= 1 || words.length <= 3))) return 'hi-Latn';
  return 'en';
}
