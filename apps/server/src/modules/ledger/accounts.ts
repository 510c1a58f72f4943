/**
 * Chart of accounts. Sign convention: debits positive, credits negative; every transaction sums to
 * zero. ASSET/EXPENSE balances are normally positive, LIABILITY/REVENUE normally negative (a
 * provider wallet holding ₹500 has balance −50 000).
 *
 * - gateway_clearing (ASSET): money at the gateway/bank. Dr on capture, Cr on refunds and payouts.
 * - escrow (LIABILITY): captured customer money not yet released.
 * - platform_revenue (REVENUE): commission. gst_payable (LIABILITY): GST on commission.
 * - provider_wallet:<providerId> (LIABILITY): what we owe each provider.
 * - payouts_in_transit (LIABILITY): withdrawn, not yet confirmed paid by the payout vendor.
 * - refunds_payable (LIABILITY): refunds requested, not yet confirmed by the gateway.
 * - refunds_expense (EXPENSE): refunds the platform bears after escrow was released (disputes).
 */
export const SYSTEM_ACCOUNTS = [
  'gateway_clearing',
  'escrow',
  'platform_revenue',
  'gst_payable',
  'payouts_in_transit',
  'refunds_payable',
  'refunds_expense',
] as const;
export type SystemAccount = (typeof SYSTEM_ACCOUNTS)[number];

/** Either a system account code or a provider's wallet. */
export type AccountRef = SystemAccount | { wallet: string };

export const walletCode = (providerId: string) => `provider_wallet:${providerId}`;
export const accountCode = (ref: AccountRef) => (typeof ref === 'string' ? ref : walletCode(ref.wallet));

/** Ledger transaction kinds; (kind, reference) is unique, which makes every posting idempotent. */
export type LedgerKind =
  | 'CAPTURE'
  | 'DUPLICATE_CAPTURE'
  | 'ESCROW_RELEASE'
  | 'CANCELLATION_FEE'
  | 'REFUND'
  | 'REFUND_SETTLED'
  | 'DISPUTE_RECOVERY'
  | 'WITHDRAWAL'
  | 'PAYOUT_PROCESSED'
  | 'PAYOUT_FAILED';

export interface LedgerLine {
  account: AccountRef;
  /** Paise; debit positive, credit negative, never zero. */
  amount: number;
}

/** Throws unless the lines are a valid balanced set. */
export function assertBalanced(lines: LedgerLine[]): void {
  if (lines.length < 2) throw new Error('A ledger transaction needs at least two lines');
  let sum = 0;
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount) || l.amount === 0) throw new Error(`Invalid ledger amount: ${l.amount}`);
    sum += l.amount;
  }
  if (sum !== 0) throw new Error(`Unbalanced ledger transaction (sum ${sum})`);
}

/** Drops zero lines (e.g. a 0-paise fee) so callers can write the full formula. */
export const nonZero = (lines: LedgerLine[]) => lines.filter((l) => l.amount !== 0);
