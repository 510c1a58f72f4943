import { detectLanguage } from './detect';
import { phrasebookTranslate } from './phrasebook';
import { notTranslated, type Translator } from './port';

const NAMES = { en: 'English', hi: 'Hindi (Devanagari script)', 'hi-Latn': 'Hindi written in Latin letters (Hinglish)' };
const UNSURE = '__NOT_TRANSLATABLE__';

/**
 * OpenAI chat completions: POST {base}/v1/chat/completions with a translation instruction; the model
 * answers with the translation only, or a marker when it cannot translate reliably (→ "not translated").
 */
export function createOpenAiTranslator(opts: {
  apiKey: string;
  model?: string;
  baseUrl?: string;
  timeoutMs?: number;
  onError?: (err: unknown) => void;
}): Translator {
  const base = (opts.baseUrl ?? 'https://api.openai.com').replace(/\/$/, '');
  return {
    remote: true,
    detect: detectLanguage,
    async translate(text, from, to) {
      if (from === to) return notTranslated(text);
      try {
        const res = await fetch(`${base}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.apiKey}` },
          body: JSON.stringify({
            model: opts.model ?? 'gpt-4o-mini',
            temperature: 0,
            messages: [
              {
                role: 'system',
                content:
                  `You translate chat messages between a customer and a home-service provider in India from ${NAMES[from]} ` +
                  `to ${NAMES[to]}. Reply with the translation only. Keep numbers, names and addresses as they are. ` +
                  `If you cannot translate reliably, reply exactly ${UNSURE}.`,
              },
              { role: 'user', content: text },
            ],
          }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 8000),
        });
        if (!res.ok) throw new Error(`OpenAI answered ${res.status}`);
        const body = (await res.json()) as { choices?: { message?: { content?: string } }[] };
        const out = body.choices?.[0]?.message?.content?.trim();
        if (!out) throw new Error('OpenAI returned no text');
        if (out === UNSURE) return notTranslated(text);
        return { text: out, translated: true };
      } catch (err) {
        opts.onError?.(err);
        const t = phrasebookTranslate(text, from, to);
        return t === null ? notTranslated(text) : { text: t, translated: true };
      }
    },
  };
}
