import { toIstIso } from '../../lib/time';
import type { LlmRefinement, QueryRefiner } from './port';

const SYSTEM = [
  'You read requests for home services in India, written in English, Hindi or Hinglish.',
  'Answer only with a JSON object with keys: categorySlug, subCategorySlug, whenStart, whenEnd, urgency, locationText.',
  'categorySlug/subCategorySlug must come from the given list (use null when unsure).',
  'whenStart/whenEnd are ISO 8601 with +05:30 (Asia/Kolkata) or null. urgency is "normal" or "urgent".',
].join(' ');

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length < 200 ? v : null);

/** OpenAI Chat Completions with a JSON response_format; the caller bounds the time it may take. */
export function createOpenAiRefiner(opts: { apiKey: string; baseUrl: string; model: string; timeoutMs: number }): QueryRefiner {
  return {
    name: 'openai',
    async refineQuery({ query, now, slugs }) {
      const res = await fetch(new URL('/v1/chat/completions', opts.baseUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          model: opts.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: SYSTEM },
            { role: 'user', content: JSON.stringify({ now: toIstIso(now), slugs, query }) },
          ],
        }),
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      if (!res.ok) throw new Error(`OpenAI answered ${res.status}`);
      const body = (await res.json()) as { choices?: { message?: { content?: string } }[] };
      const content = body.choices?.[0]?.message?.content;
      if (!content) return {};
      const raw = JSON.parse(content) as Record<string, unknown>;
      const out: LlmRefinement = {
        categorySlug: str(raw.categorySlug),
        subCategorySlug: str(raw.subCategorySlug),
        whenStart: str(raw.whenStart),
        whenEnd: str(raw.whenEnd),
        urgency: raw.urgency === 'urgent' || raw.urgency === 'normal' ? raw.urgency : null,
        locationText: str(raw.locationText),
      };
      return out;
    },
  };
}
