import type { AppError } from '../../lib/errors';
import { businessRule } from '../../lib/errors';
import { formatRupees } from '../payments/fees';

/** Pure dispute rules: what a resolution refunds, and when an admin may read the pair's chat. */

export type DisputeResolution = 'REFUND_FULL' | 'REFUND_PARTIAL' | 'REWORK' | 'NO_ACTION';

/** After a dispute is resolved, admins keep read access to the pair's chat this long (appeals, audits). */
export const ADMIN_CHAT_ACCESS_DAYS_AFTER_RESOLUTION = 30;

/** A payment's status that means the customer's money actually reached us or the provider. */
export function paidStatus(method: string, status: string): boolean {
  if (method === 'ONLINE') return ['CAPTURED', 'COMPLETED', 'PARTIALLY_REFUNDED'].includes(status);
  return ['COMPLETED', 'PARTIALLY_REFUNDED'].includes(status);
}

/** What may still be refunded of a payment (0 when nothing was paid). */
export function refundableOf(p: { method: string; status: string; amount: number; refundedAmount: number } | null): number {
  if (!p || !paidStatus(p.method, p.status)) return 0;
  return Math.max(0, p.amount - p.refundedAmount);
}

/**
 * The paise a resolution returns to the customer, or the error to answer with: a full refund
 * returns everything refundable; a partial refund must be more than zero and less than that.
 */
export function refundAmountFor(resolution: DisputeResolution, refundable: number, amountPaise?: number): number | AppError {
  if (resolution === 'REWORK' || resolution === 'NO_ACTION') return 0;
  if (refundable <= 0) return businessRule('NOTHING_TO_REFUND', 'Nothing was paid for this booking that could be refunded');
  if (resolution === 'REFUND_FULL') return refundable;
  const amount = amountPaise ?? 0;
  if (amount >= refundable) {
    return businessRule('REFUND_EXCEEDS_PAYMENT', 'A partial refund must be less than what is refundable; use a full refund', {
      refundable,
    });
  }
  return amount;
}

/** The provider's line of the DISPUTE_RESOLVED notification when part of the refund is recovered from them. */
export function recoveryText(amountPaise: number): { en: string; hi: string } {
  const amount = formatRupees(amountPaise);
  return {
    en: `${amount} of it is recovered from your earnings.`,
    hi: `इसमें से ${amount} आपकी कमाई से वसूले जाएंगे।`,
  };
}

/** An admin may read a pair's chat while one of their bookings is disputed, or for a while after it was resolved. */
export function adminMayReadChat(input: { openDispute: boolean; lastResolvedAt: Date | null; now: Date }): boolean {
  if (input.openDispute) return true;
  if (!input.lastResolvedAt) return false;
  return input.now.getTime() - input.lastResolvedAt.getTime() <= ADMIN_CHAT_ACCESS_DAYS_AFTER_RESOLUTION * 86_400_000;
}

/** The outcome line of the DISPUTE_RESOLVED notification, in both languages. */
export function outcomeText(
  resolution: DisputeResolution,
  amountPaise: number,
  reworkWhen: string | null,
): { en: string; hi: string } {
  const amount = formatRupees(amountPaise);
  switch (resolution) {
    case 'REFUND_FULL':
      return { en: `A full refund of ${amount} was issued.`, hi: `${amount} का पूरा रिफ़ंड जारी किया गया।` };
    case 'REFUND_PARTIAL':
      return { en: `A partial refund of ${amount} was issued.`, hi: `${amount} का आंशिक रिफ़ंड जारी किया गया।` };
    case 'REWORK':
      return {
        en: `The professional will redo the job${reworkWhen ? ` on ${reworkWhen}` : ''}.`,
        hi: `प्रोफेशनल काम दोबारा करेंगे${reworkWhen ? ` (${reworkWhen})` : ''}।`,
      };
    case 'NO_ACTION':
      return { en: 'No refund or rework was needed.', hi: 'कोई रिफ़ंड या दोबारा काम ज़रूरी नहीं पाया गया।' };
  }
}
