import { afterAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi } from '../../../test/fakes/openai';
import { createOpenAiRefiner } from './openai';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closers) await c();
});
const now = new Date('2026-11-25T10:00:00+05:30');

describe('OpenAI query refiner (against a local fake of Chat Completions)', () => {
  it('sends a JSON-mode chat request with the key and reads the JSON answer', async () => {
    const fake = startFakeOpenAi({
      apiKey: 'sk-test',
      reply: (content) => {
        const q = JSON.parse(content) as { query: string; slugs: string[] };
        return q.slugs.includes('plumbing/bathroom-fitting')
          ? {
              categorySlug: 'plumbing',
              subCategorySlug: 'bathroom-fitting',
              whenStart: null,
              urgency: 'urgent',
              extra: 'ignored',
            }
          : {};
      },
    });
    const s = await fake.server;
    closers.push(s.close);
    const r = createOpenAiRefiner({ apiKey: 'sk-test', baseUrl: s.url, model: 'gpt-4o-mini', timeoutMs: 2000 });
    const out = await r.refineQuery({ query: 'गुसलखाने का फव्वारा टूट गया', now, slugs: ['plumbing', 'plumbing/bathroom-fitting'] });
    expect(out).toMatchObject({
      categorySlug: 'plumbing',
      subCategorySlug: 'bathroom-fitting',
      whenStart: null,
      urgency: 'urgent',
    });
    expect(fake.requests[0]).toMatchObject({ model: 'gpt-4o-mini', temperature: 0, response_format: { type: 'json_object' } });
  });

  it('a wrong key or a slow answer is an error the caller can fall back from', async () => {
    const fake = startFakeOpenAi({ apiKey: 'right', reply: () => ({}), delayMs: 300 });
    const s = await fake.server;
    closers.push(s.close);
    const wrong = createOpenAiRefiner({ apiKey: 'wrong', baseUrl: s.url, model: 'm', timeoutMs: 2000 });
    await expect(wrong.refineQuery({ query: 'x', now, slugs: [] })).rejects.toThrow(/401/);
    const slow = createOpenAiRefiner({ apiKey: 'right', baseUrl: s.url, model: 'm', timeoutMs: 50 });
    await expect(slow.refineQuery({ query: 'x', now, slugs: [] })).rejects.toThrow();
  });
});
