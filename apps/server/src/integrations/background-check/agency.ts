import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AgencyResult, BackgroundCheckAgency } from './port';

/**
 * HTTP background-verification agency (the common shape of Indian BGV APIs):
 *   POST {base}/v1/verifications  Authorization: Bearer <key>
 *     { reference, package, candidate: { name, date_of_birth, address, phone, aadhaar_masked } } → 201 { id, status }
 *   Webhook → POST /api/webhooks/background-check/agency
 *     X-Agency-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *     { id, reference, status: "completed", result: "clear" | "consider", summary }
 * Signatures older than `toleranceSec` are refused (replay protection).
 */
export function createHttpAgency(opts: {
  baseUrl: string;
  apiKey: string;
  webhookSecret: string;
  toleranceSec?: number;
  fetch?: typeof fetch;
  now?: () => number;
}): BackgroundCheckAgency {
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  const tolerance = opts.toleranceSec ?? 300;
  return {
    vendor: 'agency',
    async start(c) {
      const res = await doFetch(`${opts.baseUrl.replace(/\/+$/, '')}/v1/verifications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          reference: c.checkId,
          package: 'identity_address_criminal',
          candidate: {
            name: c.name,
            date_of_birth: c.dateOfBirth,
            address: c.address,
            phone: c.phone,
            aadhaar_masked: c.aadhaarMasked,
          },
        }),
        signal: AbortSignal.timeout(20_000),
      });
      const json = (await res.json().catch(() => null)) as { id?: string } | null;
      if (!res.ok || !json?.id) throw new Error(`Background check agency refused the request (HTTP ${res.status})`);
      return { vendorReference: json.id };
    },
    parseWebhook(rawBody, headers): AgencyResult | null {
      const header = headers['x-agency-signature'];
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
      if (!m) return null;
      const t = Number(m[1]);
      if (Math.abs(now() / 1000 - t) > tolerance) return null;
      const expected = createHmac('sha256', opts.webhookSecret).update(`${t}.`).update(rawBody).digest();
      if (!timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'))) return null;
      const body = JSON.parse(rawBody.toString('utf8')) as { id?: string; status?: string; result?: string; summary?: string };
      if (!body.id || body.status !== 'completed' || (body.result !== 'clear' && body.result !== 'consider')) return null;
      return { vendorReference: body.id, outcome: body.result === 'clear' ? 'PASSED' : 'FAILED', note: body.summary ?? null };
    },
  };
}

/** What the agency sends (used by the local fake and tests). */
export function signAgencyWebhook(secret: string, rawBody: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`;
}
