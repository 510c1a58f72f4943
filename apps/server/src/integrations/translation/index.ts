import type { Config } from '../../config';
import { createGoogleTranslator } from './google';
import { createLocalTranslator } from './local';
import { createOpenAiTranslator } from './openai';
import type { Translator } from './port';

export function createTranslator(config: Config, onError?: (err: unknown) => void): Translator {
  if (config.TRANSLATION_PROVIDER === 'google' && config.GOOGLE_TRANSLATE_API_KEY) {
    return createGoogleTranslator({
      apiKey: config.GOOGLE_TRANSLATE_API_KEY,
      baseUrl: config.GOOGLE_TRANSLATE_BASE_URL,
      onError,
    });
  }
  if (config.TRANSLATION_PROVIDER === 'openai' && config.TRANSLATION_OPENAI_API_KEY) {
    return createOpenAiTranslator({
      apiKey: config.TRANSLATION_OPENAI_API_KEY,
      model: config.TRANSLATION_OPENAI_MODEL,
      baseUrl: config.TRANSLATION_OPENAI_BASE_URL,
      onError,
    });
  }
  return createLocalTranslator();
}
