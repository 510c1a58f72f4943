import type { Config } from '../../config';
import { createOpenAiRefiner } from './openai';
import { noRefiner, type QueryRefiner } from './port';

export function createQueryRefiner(config: Config): QueryRefiner {
  if (config.LLM_PROVIDER === 'openai') {
    if (!config.OPENAI_API_KEY) throw new Error('LLM_PROVIDER=openai needs OPENAI_API_KEY');
    return createOpenAiRefiner({
      apiKey: config.OPENAI_API_KEY,
      baseUrl: config.OPENAI_BASE_URL,
      model: config.OPENAI_MODEL,
      timeoutMs: config.LLM_TIMEOUT_MS,
    });
  }
  return noRefiner;
}
