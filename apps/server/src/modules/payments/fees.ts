/**
 * Fee maths, in integer paise. Rounding rule: every percentage is `amount × bps / 10 000` rounded
 * half up (0.5 paise → 1 paise), computed exactly with BigInt, then the provider's share is the
 * REMAINDER, so fee + GST + provider share always equals the amount to the paise.
 *
 * The commission is charged to the provider; GST (18 % by default) is charged on the commission
 * only, also to the provider. Cash and direct UPI pay no platform fee.
 */
export const DEFAULT_PLATFORM_FEE_BPS = 1000;
export const DEFAULT_GST_RATE_BPS = 1800;
export const BPS = 10_000;

/** `amount × bps / 10 000`, rounded half up, exact for any safe-integer amount. */
export function percentOf(amountPaise: number, bps: number): number {
  assertPaise(amountPaise);
  if (!Number.isInteger(bps) || bps < 0 || bps > BPS) throw new RangeError(`bps out of range: ${bps}`);
  const n = BigInt(amountPaise) * BigInt(bps);
  return Number((n + 5_000n) / 10_000n);
}

export interface FeeSplit {
  amount: number;
  platformFee: number;
  gstOnFee: number;
  providerEarnings: number;
  platformFeeBps: number;
  gstRateBps: number;
}

/** The split of a released escrow amount: platform fee, GST on it, and the provider's rest. */
export function splitEscrow(
  amountPaise: number,
  platformFeeBps = DEFAULT_PLATFORM_FEE_BPS,
  gstRateBps = DEFAULT_GST_RATE_BPS,
): FeeSplit {
  const platformFee = percentOf(amountPaise, platformFeeBps);
  const gstOnFee = percentOf(platformFee, gstRateBps);
  // With fee ≤ 100 % and GST ≤ 50 % the rest could still go negative for fee ≥ ~85 %; refuse that.
  const providerEarnings = amountPaise - platformFee - gstOnFee;
  if (providerEarnings < 0) throw new RangeError('fee and GST exceed the amount');
  return { amount: amountPaise, platformFee, gstOnFee, providerEarnings, platformFeeBps, gstRateBps };
}

/** Cash and direct UPI: the provider keeps everything. */
export function directSplit(amountPaise: number): FeeSplit {
  assertPaise(amountPaise);
  return { amount: amountPaise, platformFee: 0, gstOnFee: 0, providerEarnings: amountPaise, platformFeeBps: 0, gstRateBps: 0 };
}

/** A cancellation after payment: the late fee goes to the provider, the rest back to the customer. */
export function cancellationSplit(heldPaise: number, cancellationFeePaise: number): { refund: number; providerShare: number } {
  assertPaise(heldPaise);
  assertPaise(cancellationFeePaise);
  const providerShare = Math.min(heldPaise, cancellationFeePaise);
  return { refund: heldPaise - providerShare, providerShare };
}

export function assertPaise(v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`not a paise amount: ${v}`);
}

/** "₹1,234.50" in the Indian grouping. */
export function formatRupees(paise: number): string {
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  const rupees = Math.floor(abs / 100);
  const p = String(abs % 100).padStart(2, '0');
  return `${sign}₹${rupees.toLocaleString('en-IN')}.${p}`;
}

/** "1234.50" — the UPI `am` parameter. */
export function rupeesDecimal(paise: number): string {
  assertPaise(paise);
  return `${Math.floor(paise / 100)}.${String(paise % 100).padStart(2, '0')}`;
}

/**
 * The paise of a dispute refund recovered from the provider's wallet. Cash/UPI: the provider holds all
 * of the customer's money, so all of the refund. In-app: only what escrow no longer holds (the provider
 * was already paid), in the provider's share of what is left of the payment — the platform bears its
 * own commission and GST share. Never more than the provider has earned from the payment.
 */
export function providerRecoveryFor(input: {
  method: string;
  refund: number;
  /** Of the refund, what came out of escrow (in-app only). */
  fromEscrow: number;
  /** The payment's amount not yet refunded before this refund. */
  remaining: number;
  /** What the provider has earned from the payment so far. */
  providerEarnings: number;
}): number {
  if (input.refund <= 0) return 0;
  if (input.method !== 'ONLINE') return input.refund;
  const beyondEscrow = Math.max(0, input.refund - input.fromEscrow);
  if (beyondEscrow === 0 || input.remaining <= 0 || input.providerEarnings <= 0) return 0;
  const share = Math.round((beyondEscrow * input.providerEarnings) / input.remaining);
  return Math.min(share, beyondEscrow, input.providerEarnings);
}
