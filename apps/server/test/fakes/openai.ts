import { sendJson, startFakeServer } from './http';

/**
 * OpenAI Chat Completions fake: checks the bearer key and the request shape (model, messages,
 * response_format json_object) and answers with `reply` as the message content.
 */
export function startFakeOpenAi(opts: { apiKey: string; reply: (userContent: string) => unknown; delayMs?: number }) {
  const requests: Record<string, unknown>[] = [];
  const server = startFakeServer(async (req, body, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return sendJson(res, 404, {});
    if (req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return sendJson(res, 401, {
        error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' },
      });
    }
    const json = JSON.parse(body.toString('utf8')) as {
      model?: unknown;
      messages?: { role: string; content: string }[];
      response_format?: { type?: string };
    };
    requests.push(json as Record<string, unknown>);
    const user = json.messages?.find((m) => m.role === 'user');
    if (typeof json.model !== 'string' || !user || json.response_format?.type !== 'json_object') {
      return sendJson(res, 400, { error: { message: 'bad request shape', type: 'invalid_request_error' } });
    }
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    return sendJson(res, 200, {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: json.model,
      choices: [
        { index: 0, message: { role: 'assistant', content: JSON.stringify(opts.reply(user.content)) }, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
  });
  return { server, requests };
}
