import { sendJson, startFakeServer } from '../../../../test/fakes/http';

/**
 * OpenAI chat completions on a local port: POST /v1/chat/completions with a Bearer key →
 * { id, object: 'chat.completion', choices: [{ index, message: { role, content }, finish_reason }], usage }.
 * The "model" answers from a dictionary keyed by the user message, or with `unsure` when set.
 */
export async function startOpenAiFake(opts: { apiKey: string; dictionary: Record<string, string>; unsure?: string }) {
  const calls: { model: string; system: string; user: string }[] = [];
  const fake = await startFakeServer((req, body, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
      return sendJson(res, 404, { error: { message: 'Not found' } });
    if (req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return sendJson(res, 401, {
        error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' },
      });
    }
    const input = JSON.parse(body.toString()) as { model: string; messages: { role: string; content: string }[] };
    const system = input.messages.find((m) => m.role === 'system')?.content ?? '';
    const user = input.messages.find((m) => m.role === 'user')?.content ?? '';
    calls.push({ model: input.model, system, user });
    const content = opts.dictionary[user] ?? opts.unsure ?? user;
    sendJson(res, 200, {
      id: `chatcmpl-${calls.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: input.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 20, completion_tokens: 8, total_tokens: 28 },
    });
  });
  return { ...fake, calls };
}
