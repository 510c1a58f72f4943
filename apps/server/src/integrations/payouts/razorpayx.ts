import { hmacSha256Hex, signatureMatches } from '../payments/signature';
import type { PayoutGateway, PayoutResult } from './port';
import { parseRazorpayXWebhook, payoutStateOf } from './razorpayx-format';

export interface RazorpayXOptions {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  accountNumber: string;
  baseUrl: string;
  fetch?: typeof fetch;
}

/**
 * RazorpayX Payouts: POST /v1/payouts (basic auth, X-Payout-Idempotency = our payout id) to a
 * registered fund account, or a composite payout to a UPI address; payout.* webhooks signed
 * with X-Razorpay-Signature.
 */
export function createRazorpayXPayouts(opts: RazorpayXOptions): PayoutGateway {
  const doFetch = opts.fetch ?? fetch;
  const auth = `Basic ${Buffer.from(`${opts.keyId}:${opts.keySecret}`).toString('base64')}`;
  return {
    name: 'razorpayx',
    async createPayout(input): Promise<PayoutResult> {
      const d = input.destination;
      const target = d.fundAccountId
        ? { fund_account_id: d.fundAccountId, mode: 'IMPS' }
        : d.vpa
          ? {
              fund_account: {
                account_type: 'vpa',
                vpa: { address: d.vpa },
                contact: { name: d.name, type: 'vendor', reference_id: input.referenceId },
              },
              mode: 'UPI',
            }
          : null;
      if (!target)
        return {
          vendorPayoutId: `none_${input.referenceId}`,
          state: 'FAILED',
          failureReason: 'No bank account or UPI id on file',
        };
      const res = await doFetch(`${opts.baseUrl.replace(/\/$/, '')}/v1/payouts`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json', 'X-Payout-Idempotency': input.referenceId },
        body: JSON.stringify({
          account_number: opts.accountNumber,
          amount: input.amountPaise,
          currency: 'INR',
          purpose: 'payout',
          queue_if_low_balance: true,
          reference_id: input.referenceId,
          narration: input.narration.slice(0, 30),
          ...target,
        }),
        signal: AbortSignal.timeout(15_000),
      });
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.status >= 500) throw new Error(`RazorpayX ${res.status}`);
      if (!res.ok) {
        const err = (json.error ?? {}) as { description?: string };
        return {
          vendorPayoutId: `rejected_${input.referenceId}`,
          state: 'FAILED',
          failureReason: err.description ?? `RazorpayX ${res.status}`,
        };
      }
      return {
        vendorPayoutId: String(json.id),
        state: payoutStateOf(String(json.status)),
        failureReason: typeof json.failure_reason === 'string' ? json.failure_reason : null,
      };
    },
    verifyWebhook(rawBody, signatureHeader) {
      return signatureMatches(hmacSha256Hex(opts.webhookSecret, rawBody), signatureHeader);
    },
    parseWebhook: parseRazorpayXWebhook,
  };
}
