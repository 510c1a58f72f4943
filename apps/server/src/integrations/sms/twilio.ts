import { AppError } from '../../lib/errors';
import type { SmsSender } from './port';

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  from: string;
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface TwilioResponse {
  sid?: string;
  status?: string | number;
  code?: number;
  message?: string;
}

/**
 * Twilio Programmable Messaging: POST /2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP basic
 * auth (AccountSid:AuthToken) and a form-encoded body To, From, Body. 201 → the Message resource
 * (`sid` "SM…", `status` "queued"); errors → `{ code, message, more_info, status }`.
 */
export function createTwilioSms(opts: TwilioOptions): SmsSender {
  const doFetch = opts.fetch ?? fetch;
  const auth = Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString('base64');
  return {
    provider: 'twilio',
    async send(message) {
      const url = `${opts.baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(opts.accountSid)}/Messages.json`;
      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'POST',
          headers: {
            authorization: `Basic ${auth}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: new URLSearchParams({ To: message.to, From: opts.from, Body: message.body }).toString(),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (err) {
        throw new AppError('VENDOR_UNAVAILABLE', 'The SMS service could not be reached', { cause: err });
      }
      const data = (await res.json().catch(() => ({}))) as TwilioResponse;
      if (!res.ok || !data.sid) {
        throw new AppError('VENDOR_UNAVAILABLE', 'The SMS service refused the message', {
          details: { vendor: 'twilio', status: res.status, vendorCode: data.code ?? null, reason: data.message ?? null },
        });
      }
      return { providerMessageId: data.sid };
    },
  };
}
