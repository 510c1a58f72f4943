import { sendJson, startFakeServer } from '../../../../test/fakes/http';

/**
 * Google Cloud Translation v2 (Basic) on a local port: POST /language/translate/v2?key=KEY, JSON body
 * { q, target, source?, format } → { data: { translations: [{ translatedText, detectedSourceLanguage? }] } };
 * a wrong key → 400 { error: { code, message, status: 'INVALID_ARGUMENT' } } as the real API answers.
 */
export async function startGoogleTranslateFake(opts: { apiKey: string; dictionary: Record<string, Record<string, string>> }) {
  const calls: { q: string; source?: string; target: string }[] = [];
  const fake = await startFakeServer((req, body, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method !== 'POST' || url.pathname !== '/language/translate/v2')
      return sendJson(res, 404, { error: { code: 404, message: 'Not Found' } });
    if (url.searchParams.get('key') !== opts.apiKey) {
      return sendJson(res, 400, {
        error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' },
      });
    }
    const input = JSON.parse(body.toString()) as { q: string | string[]; target: string; source?: string; format?: string };
    const qs = Array.isArray(input.q) ? input.q : [input.q];
    const translations = qs.map((q) => {
      calls.push({ q, source: input.source, target: input.target });
      const out = opts.dictionary[input.target]?.[q] ?? `[${input.target}] ${q}`;
      return { translatedText: out, ...(input.source ? {} : { detectedSourceLanguage: 'hi' }) };
    });
    sendJson(res, 200, { data: { translations } });
  });
  return { ...fake, calls };
}
