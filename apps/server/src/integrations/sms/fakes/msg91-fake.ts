import { randomBytes } from 'node:crypto';
import { sendJson, startFakeServer } from './http-fake';

/**
 * Fake of MSG91's Flow API (POST /api/v5/flow). Checks the `authkey` header and the JSON body shape
 * and answers like MSG91: `{ type: "success", message: "<request id>" }` or `{ type: "error", message }`.
 */
export function startMsg91Fake(opts: { authKey: string; knownTemplates: string[] }) {
  return startFakeServer((req, res) => {
    if (req.method !== 'POST' || req.url.split('?')[0] !== '/api/v5/flow') {
      return sendJson(res, 404, { type: 'error', message: 'Not found' });
    }
    if (req.headers.authkey !== opts.authKey) {
      return sendJson(res, 401, { type: 'error', message: 'Authentication failure', code: '201' });
    }
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      return sendJson(res, 400, { type: 'error', message: 'Invalid content type' });
    }
    let body: { template_id?: unknown; recipients?: { mobiles?: unknown }[] };
    try {
      body = JSON.parse(req.body);
    } catch {
      return sendJson(res, 400, { type: 'error', message: 'Invalid JSON' });
    }
    if (typeof body.template_id !== 'string' || !opts.knownTemplates.includes(body.template_id)) {
      return sendJson(res, 200, { type: 'error', message: 'Template ID Missing or Invalid Template' });
    }
    const recipients = Array.isArray(body.recipients) ? body.recipients : [];
    if (recipients.length === 0 || !recipients.every((r) => typeof r.mobiles === 'string' && /^91[6-9]\d{9}$/.test(r.mobiles))) {
      return sendJson(res, 200, { type: 'error', message: 'Mobile number not found or invalid' });
    }
    return sendJson(res, 200, { type: 'success', message: randomBytes(12).toString('hex') });
  });
}
