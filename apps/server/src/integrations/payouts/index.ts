import type { Config } from '../../config';
import type { PayoutGateway } from './port';
import { createRazorpayXPayouts } from './razorpayx';
import { createSandboxPayouts } from './sandbox';

export type { PayoutGateway } from './port';

export function createPayoutGateway(config: Config): PayoutGateway {
  if (config.PAYOUT_PROVIDER === 'razorpayx') {
    const keyId = config.RAZORPAYX_KEY_ID ?? config.RAZORPAY_KEY_ID;
    const keySecret = config.RAZORPAYX_KEY_SECRET ?? config.RAZORPAY_KEY_SECRET;
    const webhookSecret = config.RAZORPAYX_WEBHOOK_SECRET ?? config.RAZORPAY_WEBHOOK_SECRET;
    const accountNumber = config.RAZORPAYX_ACCOUNT_NUMBER;
    if (!keyId || !keySecret || !webhookSecret || !accountNumber) {
      throw new Error(
        'Invalid configuration:\n  - RAZORPAYX_ACCOUNT_NUMBER and RazorpayX (or Razorpay) key id, key secret and webhook secret: required for PAYOUT_PROVIDER=razorpayx',
      );
    }
    return createRazorpayXPayouts({ keyId, keySecret, webhookSecret, accountNumber, baseUrl: config.RAZORPAY_BASE_URL });
  }
  return createSandboxPayouts({ webhookSecret: `${config.SANDBOX_PAYMENT_SECRET}:payouts` });
}
