import { AppError } from '../../lib/errors';
import type { SmsSender } from './port';

export interface Msg91Options {
  authKey: string;
  /** Default flow (DLT template) id when a message does not name one. */
  templateId: string;
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface Msg91Response {
  type?: string;
  message?: string;
  request_id?: string;
}

/**
 * MSG91 "Send SMS via Flow" (POST /api/v5/flow): `authkey` header, JSON body
 * `{ template_id, short_url, recipients: [{ mobiles: "91XXXXXXXXXX", ...vars }] }`.
 * Success: `{ "type": "success", "message": "<request id>" }`; failure: `{ "type": "error", "message": "…" }`.
 * The template holds the text (DLT rules in India); our body goes in the `body` variable.
 */
export function createMsg91Sms(opts: Msg91Options): SmsSender {
  const doFetch = opts.fetch ?? fetch;
  return {
    provider: 'msg91',
    async send(message) {
      const mobiles = message.to.replace(/^\+/, '');
      const payload = {
        template_id: message.templateId ?? opts.templateId,
        short_url: '0',
        recipients: [{ mobiles, body: message.body, ...(message.vars ?? {}) }],
      };
      let res: Response;
      try {
        res = await doFetch(`${opts.baseUrl.replace(/\/$/, '')}/api/v5/flow`, {
          method: 'POST',
          headers: { authkey: opts.authKey, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (err) {
        throw new AppError('VENDOR_UNAVAILABLE', 'The SMS service could not be reached', { cause: err });
      }
      const data = (await res.json().catch(() => ({}))) as Msg91Response;
      if (!res.ok || data.type !== 'success') {
        throw new AppError('VENDOR_UNAVAILABLE', 'The SMS service refused the message', {
          details: { vendor: 'msg91', status: res.status, reason: data.message ?? null },
        });
      }
      return { providerMessageId: data.request_id ?? data.message ?? null };
    },
  };
}
