import { detectLanguage } from './detect';
import { phrasebookTranslate } from './phrasebook';
import { notTranslated, type Translator } from './port';

/**
 * Google Cloud Translation v2 (Basic): POST {base}/language/translate/v2?key=KEY with
 * { q, source, target, format: 'text' } → { data: { translations: [{ translatedText }] } }.
 * Detection stays local (script rules: Google does not tell romanised Hindi apart). On a vendor failure
 * the phrasebook answers, or the original goes out marked "not translated".
 */
export function createGoogleTranslator(opts: {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
  onError?: (err: unknown) => void;
}): Translator {
  const base = (opts.baseUrl ?? 'https://translation.googleapis.com').replace(/\/$/, '');
  return {
    remote: true,
    detect: detectLanguage,
    async translate(text, from, to) {
      if (from === to) return notTranslated(text);
      try {
        const res = await fetch(`${base}/language/translate/v2?key=${encodeURIComponent(opts.apiKey)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // Romanised Hindi has no v2 source code: let Google detect it.
          body: JSON.stringify({ q: text, target: to, format: 'text', ...(from === 'hi-Latn' ? {} : { source: from }) }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
        });
        if (!res.ok) throw new Error(`Google Translation answered ${res.status}`);
        const body = (await res.json()) as { data?: { translations?: { translatedText?: string }[] } };
        const out = body.data?.translations?.[0]?.translatedText;
        if (typeof out !== 'string' || !out.trim()) throw new Error('Google Translation returned no text');
        return { text: out, translated: true };
      } catch (err) {
        opts.onError?.(err);
        const t = phrasebookTranslate(text, from, to);
        return t === null ? notTranslated(text) : { text: t, translated: true };
      }
    },
  };
}
