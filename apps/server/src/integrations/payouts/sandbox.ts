import { randomBytes } from 'node:crypto';
import { hmacSha256Hex, signatureMatches } from '../payments/signature';
import type { PayoutGateway } from './port';
import { parseRazorpayXWebhook } from './razorpayx-format';

/**
 * Local payouts: settle at once. A destination whose UPI id starts with "fail" (e.g. fail@upi) is
 * rejected, so the failure path can be exercised offline.
 */
export function createSandboxPayouts(opts: { webhookSecret: string }): PayoutGateway {
  return {
    name: 'sandbox',
    async createPayout(input) {
      const vendorPayoutId = `pout_sbx_${randomBytes(7).toString('hex')}`;
      const d = input.destination;
      if (!d.fundAccountId && !d.vpa)
        return { vendorPayoutId, state: 'FAILED', failureReason: 'No bank account or UPI id on file' };
      if (d.vpa?.toLowerCase().startsWith('fail'))
        return { vendorPayoutId, state: 'FAILED', failureReason: 'Beneficiary bank rejected the transfer' };
      return { vendorPayoutId, state: 'PROCESSED', failureReason: null };
    },
    verifyWebhook(rawBody, signatureHeader) {
      return signatureMatches(hmacSha256Hex(opts.webhookSecret, rawBody), signatureHeader);
    },
    parseWebhook: parseRazorpayXWebhook,
  };
}
