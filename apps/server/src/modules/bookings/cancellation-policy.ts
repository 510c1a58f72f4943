import type { BookingStatus, Party } from './booking-state';

/** Per category: free until `freeUntilHours` before the start; inside the window a late fee. */
export interface CancellationPolicy {
  freeUntilHours: number;
  lateFeeBps: number;
  lateFeeMinPaise: number;
}

export interface CancellationOutcome {
  /** What the customer owes; it goes to the provider. 0 when free. */
  feePaise: number;
  feeTo: 'PROVIDER' | null;
  /** Provider cancellations of accepted jobs count against their reputation. */
  countsAgainstProvider: boolean;
  /** True when a customer cancels inside the window. */
  late: boolean;
}

/** The late fee: `lateFeeBps` of the price, at least `lateFeeMinPaise`, never more than the price. */
export function lateFee(policy: CancellationPolicy, pricePaise: number): number {
  const pct = Math.round((pricePaise * policy.lateFeeBps) / 10_000);
  return Math.min(pricePaise, Math.max(policy.lateFeeMinPaise, pct));
}

/**
 * What a cancellation costs and whom it counts against.
 * - Customer, PENDING: always free (the provider has not committed yet).
 * - Customer, CONFIRMED: free until `freeUntilHours` before the start, then the late fee.
 * - Provider (CONFIRMED only): free for the customer, counts against the provider.
 * - Admin / system: free, counts against nobody.
 */
export function cancellationOutcome(input: {
  by: Party;
  status: BookingStatus;
  now: Date;
  scheduledStart: Date;
  pricePaise: number;
  policy: CancellationPolicy;
}): CancellationOutcome {
  const free: CancellationOutcome = { feePaise: 0, feeTo: null, countsAgainstProvider: false, late: false };
  if (input.by === 'PROVIDER') return { ...free, countsAgainstProvider: input.status === 'CONFIRMED' };
  if (input.by !== 'CUSTOMER' || input.status !== 'CONFIRMED') return free;
  const windowStart = input.scheduledStart.getTime() - input.policy.freeUntilHours * 3_600_000;
  if (input.now.getTime() < windowStart) return free;
  const fee = lateFee(input.policy, input.pricePaise);
  return { feePaise: fee, feeTo: fee > 0 ? 'PROVIDER' : null, countsAgainstProvider: false, late: true };
}

/**
 * A no-show may be reported only `graceMin` after the scheduled start, and only if the job has not
 * started. The reporter names the absent party: a customer reports the provider (counts against the
 * provider's reputation), a provider reports the customer (the customer owes the late fee, which
 * goes to the provider, as for a late cancellation).
 */
export function noShowOutcome(input: {
  reportedBy: 'CUSTOMER' | 'PROVIDER';
  now: Date;
  scheduledStart: Date;
  graceMin: number;
  pricePaise: number;
  policy: CancellationPolicy;
}):
  | { ok: false; earliest: Date }
  | { ok: true; absent: 'CUSTOMER' | 'PROVIDER'; feePaise: number; countsAgainstProvider: boolean } {
  const earliest = new Date(input.scheduledStart.getTime() + input.graceMin * 60_000);
  if (input.now < earliest) return { ok: false, earliest };
  if (input.reportedBy === 'CUSTOMER') return { ok: true, absent: 'PROVIDER', feePaise: 0, countsAgainstProvider: true };
  return { ok: true, absent: 'CUSTOMER', feePaise: lateFee(input.policy, input.pricePaise), countsAgainstProvider: false };
}

/** A COMPLETED booking can be disputed within `windowHours` of completion; an IN_PROGRESS one any time. */
export function canDispute(input: { status: BookingStatus; completedAt: Date | null; now: Date; windowHours: number }): boolean {
  if (input.status === 'IN_PROGRESS') return true;
  if (input.status !== 'COMPLETED' || !input.completedAt) return false;
  return input.now.getTime() <= input.completedAt.getTime() + input.windowHours * 3_600_000;
}
