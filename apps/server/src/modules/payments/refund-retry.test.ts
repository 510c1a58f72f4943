import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { type RefundForRetry, refundIdempotencyKey, refundRetryAction, refundRetryable } from './refund-retry';

const base: RefundForRetry = {
  kind: 'ADMIN',
  amount: 10_000,
  status: 'FAILED',
  gatewayRefundId: 'rfnd_1',
};
const codeOf = (r: RefundForRetry) => {
  const a = refundRetryAction(r);
  return a instanceof AppError ? a.code : a;
};

describe('refundRetryAction', () => {
  it('decides every combination of status and gateway id', () => {
    const cases: [RefundForRetry['status'], string | null, string][] = [
      ['FAILED', 'rfnd_1', 'NEW_ATTEMPT'],
      ['FAILED', null, 'NEW_ATTEMPT'],
      ['PENDING', null, 'RESEND'],
      ['PENDING', 'rfnd_1', 'REFUND_IN_PROGRESS'],
      ['PROCESSED', 'rfnd_1', 'REFUND_ALREADY_PROCESSED'],
      ['PROCESSED', null, 'REFUND_ALREADY_PROCESSED'],
    ];
    for (const [status, gatewayRefundId, expected] of cases) {
      expect(codeOf({ ...base, status, gatewayRefundId }), `${status} ${gatewayRefundId}`).toBe(expected);
    }
  });

  it('never retries a transfer the platform pays by hand, or a refund of nothing', () => {
    for (const status of ['PENDING', 'FAILED', 'PROCESSED'] as const) {
      expect(codeOf({ ...base, status, gatewayRefundId: null, kind: 'DISPUTE_DIRECT' })).toBe('NOT_A_GATEWAY_REFUND');
      expect(codeOf({ ...base, status, gatewayRefundId: null, amount: 0 })).toBe('NOTHING_TO_REFUND');
    }
  });

  it('the console button matches the rule', () => {
    expect(refundRetryable(base)).toBe(true);
    expect(refundRetryable({ ...base, status: 'PROCESSED' })).toBe(false);
  });
});

describe('refundIdempotencyKey', () => {
  it('is a valid Razorpay key, different for every refund and attempt', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, b, n, m) => {
        expect(refundIdempotencyKey(a, n)).toMatch(/^[A-Za-z0-9_-]{10,}$/);
        expect(refundIdempotencyKey(a, n) === refundIdempotencyKey(b, m)).toBe(a === b && n === m);
      }),
    );
    expect(refundIdempotencyKey(randomUUID(), 1)).not.toBe(refundIdempotencyKey(randomUUID(), 1));
  });
});
