import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cancellationOutcome, canDispute, lateFee, noShowOutcome } from './cancellation-policy';

const policy = { freeUntilHours: 4, lateFeeBps: 2000, lateFeeMinPaise: 5000 };
const start = new Date('2026-12-01T10:00:00Z');
const hoursBefore = (h: number) => new Date(start.getTime() - h * 3_600_000);

describe('cancellation policy', () => {
  it('customer cancels a confirmed booking before the window: free', () => {
    const o = cancellationOutcome({
      by: 'CUSTOMER',
      status: 'CONFIRMED',
      now: hoursBefore(4.01),
      scheduledStart: start,
      pricePaise: 100_000,
      policy,
    });
    expect(o).toEqual({ feePaise: 0, feeTo: null, countsAgainstProvider: false, late: false });
  });

  it('customer cancels exactly at the window edge or later: late fee to the provider', () => {
    for (const h of [4, 2, 0.1, -1]) {
      const o = cancellationOutcome({
        by: 'CUSTOMER',
        status: 'CONFIRMED',
        now: hoursBefore(h),
        scheduledStart: start,
        pricePaise: 100_000,
        policy,
      });
      expect(o).toEqual({ feePaise: 20_000, feeTo: 'PROVIDER', countsAgainstProvider: false, late: true });
    }
  });

  it('the fee has a minimum and never exceeds the price', () => {
    expect(lateFee(policy, 10_000)).toBe(5000); // 20% = 2000 < minimum 5000
    expect(lateFee(policy, 3000)).toBe(3000); // minimum above the price → the price
    expect(lateFee({ ...policy, lateFeeBps: 0, lateFeeMinPaise: 0 }, 50_000)).toBe(0);
  });

  it('customer cancels a pending request: always free', () => {
    const o = cancellationOutcome({
      by: 'CUSTOMER',
      status: 'PENDING',
      now: hoursBefore(0.5),
      scheduledStart: start,
      pricePaise: 100_000,
      policy,
    });
    expect(o.feePaise).toBe(0);
  });

  it('provider cancels a confirmed booking: free for the customer, counts against the provider', () => {
    const o = cancellationOutcome({
      by: 'PROVIDER',
      status: 'CONFIRMED',
      now: hoursBefore(1),
      scheduledStart: start,
      pricePaise: 100_000,
      policy,
    });
    expect(o).toEqual({ feePaise: 0, feeTo: null, countsAgainstProvider: true, late: false });
  });

  it('admin and system cancellations are free and count against nobody', () => {
    for (const by of ['ADMIN', 'SYSTEM'] as const) {
      const o = cancellationOutcome({
        by,
        status: 'CONFIRMED',
        now: hoursBefore(1),
        scheduledStart: start,
        pricePaise: 100_000,
        policy,
      });
      expect(o).toEqual({ feePaise: 0, feeTo: null, countsAgainstProvider: false, late: false });
    }
  });

  it('property: the fee is 0 ≤ fee ≤ price and only charged inside the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: -48 * 60, max: 72 * 60 }),
        fc.record({
          freeUntilHours: fc.integer({ min: 0, max: 48 }),
          lateFeeBps: fc.integer({ min: 0, max: 10_000 }),
          lateFeeMinPaise: fc.integer({ min: 0, max: 100_000 }),
        }),
        (price, minutesBefore, p) => {
          const now = new Date(start.getTime() - minutesBefore * 60_000);
          const o = cancellationOutcome({
            by: 'CUSTOMER',
            status: 'CONFIRMED',
            now,
            scheduledStart: start,
            pricePaise: price,
            policy: p,
          });
          expect(o.feePaise).toBeGreaterThanOrEqual(0);
          expect(o.feePaise).toBeLessThanOrEqual(price);
          if (minutesBefore > p.freeUntilHours * 60) expect(o.feePaise).toBe(0);
        },
      ),
    );
  });
});

describe('no-show', () => {
  const base = { scheduledStart: start, graceMin: 30, pricePaise: 100_000, policy };
  it('cannot be reported before the grace period', () => {
    const o = noShowOutcome({ ...base, reportedBy: 'CUSTOMER', now: new Date(start.getTime() + 29 * 60_000) });
    expect(o).toEqual({ ok: false, earliest: new Date(start.getTime() + 30 * 60_000) });
  });
  it('customer reports the provider: counts against the provider, no fee', () => {
    const o = noShowOutcome({ ...base, reportedBy: 'CUSTOMER', now: new Date(start.getTime() + 30 * 60_000) });
    expect(o).toEqual({ ok: true, absent: 'PROVIDER', feePaise: 0, countsAgainstProvider: true });
  });
  it('provider reports the customer: the late fee is owed to the provider', () => {
    const o = noShowOutcome({ ...base, reportedBy: 'PROVIDER', now: new Date(start.getTime() + 60 * 60_000) });
    expect(o).toEqual({ ok: true, absent: 'CUSTOMER', feePaise: 20_000, countsAgainstProvider: false });
  });
});

describe('dispute window', () => {
  const completedAt = new Date('2026-12-01T12:00:00Z');
  it('in progress: always', () => {
    expect(canDispute({ status: 'IN_PROGRESS', completedAt: null, now: completedAt, windowHours: 48 })).toBe(true);
  });
  it('completed: within the window only', () => {
    const at = (h: number) => new Date(completedAt.getTime() + h * 3_600_000);
    expect(canDispute({ status: 'COMPLETED', completedAt, now: at(48), windowHours: 48 })).toBe(true);
    expect(canDispute({ status: 'COMPLETED', completedAt, now: at(48.01), windowHours: 48 })).toBe(false);
  });
  it('other statuses: never', () => {
    expect(canDispute({ status: 'CONFIRMED', completedAt: null, now: completedAt, windowHours: 48 })).toBe(false);
  });
});
