import { describe, expect, it } from 'vitest';
import { payableAmount, upiPayload } from './payable';

const b = (status: Parameters<typeof payableAmount>[0]['status'], extra: Partial<Parameters<typeof payableAmount>[0]> = {}) => ({
  status,
  quotedPrice: 49_900,
  finalPrice: null,
  cancellationFee: 0,
  ...extra,
});

describe('payableAmount', () => {
  it('uses the final price when set, else the quote', () => {
    expect(payableAmount(b('COMPLETED'), 'CASH')).toBe(49_900);
    expect(payableAmount(b('COMPLETED', { finalPrice: 60_000 }), 'UPI')).toBe(60_000);
  });
  it('in-app payment may be made from confirmation on; cash only once the job runs', () => {
    expect(payableAmount(b('CONFIRMED'), 'ONLINE')).toBe(49_900);
    expect(payableAmount(b('CONFIRMED'), 'CASH')).toBeNull();
    expect(payableAmount(b('PENDING'), 'ONLINE')).toBeNull();
    expect(payableAmount(b('REJECTED'), 'ONLINE')).toBeNull();
    expect(payableAmount(b('DISPUTED'), 'CASH')).toBeNull();
  });
  it('after a cancellation only the fee is payable, directly', () => {
    expect(payableAmount(b('CANCELLED', { cancellationFee: 10_000 }), 'CASH')).toBe(10_000);
    expect(payableAmount(b('NO_SHOW', { cancellationFee: 10_000 }), 'UPI')).toBe(10_000);
    expect(payableAmount(b('CANCELLED', { cancellationFee: 10_000 }), 'ONLINE')).toBeNull();
    expect(payableAmount(b('CANCELLED'), 'CASH')).toBeNull();
  });
});

describe('upiPayload', () => {
  it('builds the NPCI deep link with rupees to 2 decimals and the booking number as the note', () => {
    const p = upiPayload({ vpa: 'ramesh@okaxis', payeeName: 'रमेश Plumbing & Co', amountPaise: 49_905, note: 'LP-ABC123' });
    expect(p.startsWith('upi://pay?')).toBe(true);
    const q = new URL(p.replace('upi://pay', 'http://x/')).searchParams;
    expect(q.get('pa')).toBe('ramesh@okaxis');
    expect(q.get('pn')).toBe('रमेश Plumbing & Co');
    expect(q.get('am')).toBe('499.05');
    expect(q.get('cu')).toBe('INR');
    expect(q.get('tn')).toBe('LP-ABC123');
    expect(p).not.toContain('+');
  });
});
