import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cancellationSplit, directSplit, formatRupees, percentOf, providerRecoveryFor, rupeesDecimal, splitEscrow } from './fees';

describe('fees', () => {
  it('takes 10% and 18% GST on it by default', () => {
    expect(splitEscrow(100_000)).toMatchObject({ platformFee: 10_000, gstOnFee: 1_800, providerEarnings: 88_200 });
  });

  it('rounds half up to the paise', () => {
    expect(percentOf(5, 1000)).toBe(1); // 0.5 → 1
    expect(percentOf(4, 1000)).toBe(0); // 0.4 → 0
    expect(percentOf(15, 1000)).toBe(2); // 1.5 → 2
    expect(percentOf(49_999, 1500)).toBe(7500); // 7499.85 → 7500
    expect(splitEscrow(49_999, 1500)).toMatchObject({ platformFee: 7500, gstOnFee: 1350, providerEarnings: 41_149 });
  });

  it('handles tiny and huge amounts exactly', () => {
    expect(splitEscrow(0)).toMatchObject({ platformFee: 0, gstOnFee: 0, providerEarnings: 0 });
    expect(splitEscrow(1)).toMatchObject({ platformFee: 0, gstOnFee: 0, providerEarnings: 1 });
    const big = Number.MAX_SAFE_INTEGER;
    const s = splitEscrow(big, 1000);
    expect(s.platformFee + s.gstOnFee + s.providerEarnings).toBe(big);
  });

  it('refuses non-paise amounts and out-of-range rates', () => {
    expect(() => percentOf(1.5, 1000)).toThrow(RangeError);
    expect(() => percentOf(-1, 1000)).toThrow(RangeError);
    expect(() => percentOf(100, 10_001)).toThrow(RangeError);
    expect(() => percentOf(100, 99.5)).toThrow(RangeError);
  });

  it('cash and direct UPI carry no fee', () => {
    expect(directSplit(59_900)).toMatchObject({ platformFee: 0, gstOnFee: 0, providerEarnings: 59_900 });
  });

  it('splits a cancellation: fee to the provider (capped at what is held), rest refunded', () => {
    expect(cancellationSplit(50_000, 10_000)).toEqual({ refund: 40_000, providerShare: 10_000 });
    expect(cancellationSplit(5_000, 10_000)).toEqual({ refund: 0, providerShare: 5_000 });
    expect(cancellationSplit(5_000, 0)).toEqual({ refund: 5_000, providerShare: 0 });
  });

  it('formats rupees for people and for UPI', () => {
    expect(formatRupees(123_456_789)).toBe('₹12,34,567.89');
    expect(formatRupees(5)).toBe('₹0.05');
    expect(rupeesDecimal(49_900)).toBe('499.00');
    expect(rupeesDecimal(1)).toBe('0.01');
  });

  it('property: the split always adds up to the amount, nothing negative, fee within its rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 800, max: 1500 }),
        fc.integer({ min: 0, max: 2800 }),
        (amount, feeBps, gstBps) => {
          const s = splitEscrow(amount, feeBps, gstBps);
          expect(s.platformFee + s.gstOnFee + s.providerEarnings).toBe(amount);
          expect(s.platformFee).toBeGreaterThanOrEqual(0);
          expect(s.gstOnFee).toBeGreaterThanOrEqual(0);
          expect(s.providerEarnings).toBeGreaterThanOrEqual(0);
          // Within half a paisa of the exact rational value.
          expect(Math.abs(s.platformFee - (amount * feeBps) / 10_000)).toBeLessThanOrEqual(0.5 + 1e-6);
          expect(Math.abs(s.gstOnFee - (s.platformFee * gstBps) / 10_000)).toBeLessThanOrEqual(0.5 + 1e-6);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('property: percentOf is monotonic in the amount', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000_000), fc.nat(1_000_000), fc.integer({ min: 0, max: 10_000 }), (a, d, bps) => {
        expect(percentOf(a + d, bps)).toBeGreaterThanOrEqual(percentOf(a, bps));
      }),
    );
  });

  it('property: cancellation split conserves the held amount', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(10_000_000), (held, fee) => {
        const s = cancellationSplit(held, fee);
        expect(s.refund + s.providerShare).toBe(held);
        expect(s.refund).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('providerRecoveryFor', () => {
  const online = { method: 'ONLINE', remaining: 100_000, providerEarnings: 88_200 };
  it('in-app: nothing while escrow still pays the refund; the provider share of what it no longer holds', () => {
    expect(providerRecoveryFor({ ...online, refund: 30_000, fromEscrow: 30_000 })).toBe(0);
    // Released: ₹1,000 paid, ₹882 to the provider — a full refund takes the ₹882 back, the platform bears ₹118.
    expect(providerRecoveryFor({ ...online, refund: 100_000, fromEscrow: 0 })).toBe(88_200);
    expect(providerRecoveryFor({ ...online, refund: 50_000, fromEscrow: 0 })).toBe(44_100);
    // Escrow held part of it: only the rest is recovered.
    expect(providerRecoveryFor({ ...online, refund: 50_000, fromEscrow: 40_000 })).toBe(8_820);
    expect(providerRecoveryFor({ ...online, refund: 0, fromEscrow: 0 })).toBe(0);
    expect(providerRecoveryFor({ ...online, refund: 10_000, fromEscrow: 0, providerEarnings: 0 })).toBe(0);
  });

  it('cash and direct UPI: the provider holds the money, so all of the refund', () => {
    for (const method of ['CASH', 'UPI']) {
      expect(providerRecoveryFor({ method, refund: 20_000, fromEscrow: 0, remaining: 50_000, providerEarnings: 44_100 })).toBe(
        20_000,
      );
    }
  });

  it('never recovers more than the refund beyond escrow or than the provider earned', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (remaining, refundSeed, escrowSeed, earnedShare) => {
          const refund = refundSeed % (remaining + 1);
          const fromEscrow = escrowSeed % (refund + 1);
          const providerEarnings = Math.floor(remaining * earnedShare);
          const r = providerRecoveryFor({ method: 'ONLINE', refund, fromEscrow, remaining, providerEarnings });
          expect(Number.isSafeInteger(r)).toBe(true);
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(Math.min(refund - fromEscrow, providerEarnings));
          // A full refund of a released payment takes back everything the provider earned from it.
          if (refund === remaining && fromEscrow === 0) expect(r).toBe(providerEarnings);
        },
      ),
    );
  });
});
