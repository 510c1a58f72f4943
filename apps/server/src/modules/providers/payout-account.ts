import { createHmac } from 'node:crypto';

/**
 * Registers a bank account with the payout vendor and returns the vendor's reference (a fund account
 * id). The full account number goes only there. H-payments' payouts integration replaces the local one
 * with its vendor (e.g. Razorpay fund accounts) through the container.
 */
export interface PayoutAccountRegistrar {
  register(input: {
    accountNumber: string;
    ifsc: string;
    holderName: string;
    providerId: string;
  }): Promise<{ reference: string }>;
}

/** Local stand-in: a stable opaque reference derived with a server secret (the number cannot be recovered). */
export function createLocalPayoutRegistrar(secret: string): PayoutAccountRegistrar {
  return {
    async register({ accountNumber, ifsc, providerId }) {
      const h = createHmac('sha256', secret).update(`fund-account:${providerId}:${ifsc}:${accountNumber}`).digest('hex');
      return { reference: `fa_local_${h.slice(0, 20)}` };
    },
  };
}
