/**
 * Payout port: sends money from the platform's account to a provider's bank/UPI. Amounts in paise.
 * Adapters: `sandbox` (local default) and `razorpayx` (RazorpayX Payouts API).
 */
export type PayoutVendor = 'sandbox' | 'razorpayx';
export type PayoutState = 'PROCESSING' | 'PROCESSED' | 'FAILED';

export interface PayoutDestination {
  /** A fund account already registered with the vendor (providers.bankPayoutRef). */
  fundAccountId?: string | null;
  /** Otherwise a UPI address, sent as a composite fund account. */
  vpa?: string | null;
  name: string;
}

export interface CreatePayoutInput {
  /** Our payout id: the vendor's reference_id and the idempotency key. */
  referenceId: string;
  amountPaise: number;
  destination: PayoutDestination;
  narration: string;
}

export interface PayoutResult {
  vendorPayoutId: string;
  state: PayoutState;
  failureReason: string | null;
}

export interface PayoutEvent {
  eventId: string;
  vendorPayoutId: string;
  referenceId: string | null;
  state: PayoutState;
  failureReason: string | null;
}

export interface PayoutGateway {
  readonly name: PayoutVendor;
  createPayout(input: CreatePayoutInput): Promise<PayoutResult>;
  verifyWebhook(rawBody: Buffer | string, signatureHeader: string | undefined): boolean;
  /** Null for events that do not change a payout's state. */
  parseWebhook(rawBody: Buffer | string, eventIdHeader?: string): PayoutEvent | null;
}
