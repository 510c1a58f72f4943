import type { Config } from '../../config';
import type { PaymentGateway } from './port';
import { createRazorpayGateway } from './razorpay';
import { createSandboxGateway, type SandboxGateway } from './sandbox';

export type { PaymentGateway } from './port';

/** The configured gateway (sandbox by default) plus the sandbox itself, which the sandbox checkout page drives. */
export function createPaymentGateway(config: Config): { gateway: PaymentGateway; sandbox: SandboxGateway | null } {
  if (config.PAYMENT_GATEWAY === 'razorpay') {
    const { RAZORPAY_KEY_ID: keyId, RAZORPAY_KEY_SECRET: keySecret, RAZORPAY_WEBHOOK_SECRET: webhookSecret } = config;
    if (!keyId || !keySecret || !webhookSecret) {
      throw new Error(
        'Invalid configuration:\n  - RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET, RAZORPAY_WEBHOOK_SECRET: required for PAYMENT_GATEWAY=razorpay',
      );
    }
    return {
      gateway: createRazorpayGateway({
        keyId,
        keySecret,
        webhookSecret,
        baseUrl: config.RAZORPAY_BASE_URL,
        checkoutScriptUrl: config.RAZORPAY_CHECKOUT_URL,
      }),
      sandbox: null,
    };
  }
  // The sandbox checkout page (the only thing that can sign sandbox payments) is not served in production.
  const sandbox = createSandboxGateway({
    keyId: 'rzp_test_sandbox',
    keySecret: `${config.SANDBOX_PAYMENT_SECRET}:key`,
    webhookSecret: `${config.SANDBOX_PAYMENT_SECRET}:webhook`,
    checkoutBaseUrl: config.PUBLIC_URL ?? '',
  });
  return { gateway: sandbox, sandbox };
}
