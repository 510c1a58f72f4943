import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import {
  ADMIN_CHAT_ACCESS_DAYS_AFTER_RESOLUTION,
  adminMayReadChat,
  outcomeText,
  providerRecoveryFor,
  recoveryText,
  refundAmountFor,
  refundableOf,
} from './dispute-rules';

describe('refundableOf', () => {
  it('counts only money that was actually paid, minus earlier refunds', () => {
    expect(refundableOf(null)).toBe(0);
    expect(refundableOf({ method: 'ONLINE', status: 'PENDING', amount: 50_000, refundedAmount: 0 })).toBe(0);
    expect(refundableOf({ method: 'ONLINE', status: 'CAPTURED', amount: 50_000, refundedAmount: 0 })).toBe(50_000);
    expect(refundableOf({ method: 'ONLINE', status: 'PARTIALLY_REFUNDED', amount: 50_000, refundedAmount: 20_000 })).toBe(30_000);
    expect(refundableOf({ method: 'ONLINE', status: 'REFUNDED', amount: 50_000, refundedAmount: 50_000 })).toBe(0);
    // Cash counts once both sides confirmed it changed hands.
    expect(refundableOf({ method: 'CASH', status: 'PENDING', amount: 50_000, refundedAmount: 0 })).toBe(0);
    expect(refundableOf({ method: 'CASH', status: 'COMPLETED', amount: 50_000, refundedAmount: 0 })).toBe(50_000);
  });
});

describe('refundAmountFor', () => {
  it('full refunds everything refundable; rework and no action refund nothing', () => {
    expect(refundAmountFor('REFUND_FULL', 49_900)).toBe(49_900);
    expect(refundAmountFor('REWORK', 49_900)).toBe(0);
    expect(refundAmountFor('NO_ACTION', 0)).toBe(0);
  });

  it('refuses a refund when nothing was paid, and a "partial" refund that is not partial', () => {
    expect(refundAmountFor('REFUND_FULL', 0)).toMatchObject({ code: 'NOTHING_TO_REFUND', status: 422 });
    expect(refundAmountFor('REFUND_PARTIAL', 10_000, 10_000)).toMatchObject({
      code: 'REFUND_EXCEEDS_PAYMENT',
      details: { refundable: 10_000 },
    });
    expect(refundAmountFor('REFUND_PARTIAL', 10_000, 12_000)).toBeInstanceOf(AppError);
  });

  it('a partial refund below the refundable amount is returned as asked (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (refundable, f) => {
        const amount = Math.max(1, Math.min(refundable - 1, Math.floor(refundable * f)));
        expect(refundAmountFor('REFUND_PARTIAL', refundable, amount)).toBe(amount);
      }),
    );
  });
});

describe('adminMayReadChat', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

  it('while a dispute is open, and for the window after it was resolved, but not before any dispute', () => {
    expect(adminMayReadChat({ openDispute: true, lastResolvedAt: null, now })).toBe(true);
    expect(adminMayReadChat({ openDispute: false, lastResolvedAt: null, now })).toBe(false);
    expect(
      adminMayReadChat({ openDispute: false, lastResolvedAt: daysAgo(ADMIN_CHAT_ACCESS_DAYS_AFTER_RESOLUTION - 1), now }),
    ).toBe(true);
    expect(
      adminMayReadChat({ openDispute: false, lastResolvedAt: daysAgo(ADMIN_CHAT_ACCESS_DAYS_AFTER_RESOLUTION + 1), now }),
    ).toBe(false);
  });
});

describe('outcomeText', () => {
  it('says what happened in English and Hindi, with the amount in rupees', () => {
    expect(outcomeText('REFUND_PARTIAL', 15_000, null)).toEqual({
      en: 'A partial refund of ₹150.00 was issued.',
      hi: '₹150.00 का आंशिक रिफ़ंड जारी किया गया।',
    });
    expect(outcomeText('REWORK', 0, '27 Nov, 10:00 am').en).toBe('The professional will redo the job on 27 Nov, 10:00 am.');
    for (const r of ['REFUND_FULL', 'REFUND_PARTIAL', 'REWORK', 'NO_ACTION'] as const)
      expect(outcomeText(r, 100, null).hi).toMatch(/[\u0900-\u097F]/);
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

  it('tells the provider in both languages', () => {
    expect(recoveryText(88_200)).toEqual({
      en: '₹882.00 of it is recovered from your earnings.',
      hi: 'इसमें से ₹882.00 आपकी कमाई से वसूले जाएंगे।',
    });
  });
});
