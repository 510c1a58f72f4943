import { randomBytes } from 'node:crypto';
import { sendJson, startFakeServer } from './http-fake';

/**
 * Fake of Twilio's Create Message endpoint: POST /2010-04-01/Accounts/{Sid}/Messages.json, HTTP basic
 * auth, form-encoded To/From/Body. Answers 201 with a Message resource or Twilio's error shape
 * `{ code, message, more_info, status }` (20003 bad credentials, 21211 invalid To, 21602 missing Body).
 */
export function startTwilioFake(opts: { accountSid: string; authToken: string }) {
  const error = (code: number, message: string, status: number) => ({
    code,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });
  return startFakeServer((req, res) => {
    const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url);
    if (req.method !== 'POST' || !m) return sendJson(res, 404, error(20404, 'The requested resource was not found', 404));
    const expected = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected || m[1] !== opts.accountSid) {
      return sendJson(res, 401, error(20003, 'Authenticate', 401));
    }
    if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      return sendJson(res, 400, error(21600, 'Unsupported content type', 400));
    }
    const form = new URLSearchParams(req.body);
    const to = form.get('To') ?? '';
    const from = form.get('From');
    const body = form.get('Body');
    if (!/^\+[1-9]\d{7,14}$/.test(to)) {
      return sendJson(res, 400, error(21211, `The 'To' number ${to} is not a valid phone number.`, 400));
    }
    if (!from) return sendJson(res, 400, error(21603, "A 'From' phone number is required.", 400));
    if (!body) return sendJson(res, 400, error(21602, 'Message body is required.', 400));
    const sid = `SM${randomBytes(16).toString('hex')}`;
    return sendJson(res, 201, {
      sid,
      account_sid: opts.accountSid,
      to,
      from,
      body,
      status: 'queued',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      num_segments: '1',
      error_code: null,
      error_message: null,
      date_created: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${opts.accountSid}/Messages/${sid}.json`,
    });
  });
}
