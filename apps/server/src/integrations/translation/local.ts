import { detectLanguage } from './detect';
import { phrasebookTranslate } from './phrasebook';
import { notTranslated, type Translator } from './port';

/** Offline default: script-based detection plus the phrasebook; anything else is delivered "not translated". */
export function createLocalTranslator(): Translator {
  return {
    detect: detectLanguage,
    async translate(text, from, to) {
      if (from === to) return { text, translated: false };
      const t = phrasebookTranslate(text, from, to);
      return t === null ? notTranslated(text) : { text: t, translated: true };
    },
  };
}
