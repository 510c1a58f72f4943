import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import {
  ADMIN_CHAT_ACCESS_DAYS_AFTER_RESOLUTION,
  adminMayReadChat,
  outcomeText,
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

describe('recoveryText', () => {
  it('tells the provider in both languages', () => {
    expect(recoveryText(88_200)).toEqual({
      en: '₹882.00 of it is recovered from your earnings.',
      hi: 'इसमें से ₹882.00 आपकी कमाई से वसूले जाएंगे।',
    });
  });
});
