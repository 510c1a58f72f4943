import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { financialYear, invoiceNumber } from './invoice-number';

describe('financialYear', () => {
  it('runs April to March in India time', () => {
    expect(financialYear(new Date('2026-04-01T00:00:00+05:30'))).toBe('2026-27');
    expect(financialYear(new Date('2026-03-31T23:59:59+05:30'))).toBe('2025-26');
    // 31 March 19:00 UTC is already 1 April in India.
    expect(financialYear(new Date('2026-03-31T19:00:00Z'))).toBe('2026-27');
    expect(financialYear(new Date('2099-12-31T12:00:00Z'))).toBe('2099-00');
  });
  it('property: the FY starts in the same or previous calendar year and spans one year', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2098-01-01'), noInvalidDate: true }), (d) => {
        const [a, b] = financialYear(d).split('-');
        const start = Number(a);
        expect(Number(b)).toBe((start + 1) % 100);
        const istYear = new Date(d.getTime() + 330 * 60_000).getUTCFullYear();
        expect([istYear, istYear - 1]).toContain(start);
      }),
    );
  });
});

describe('invoiceNumber', () => {
  it('pads the sequence to six digits', () => {
    expect(invoiceNumber('2026-27', 123)).toBe('LP/2026-27/000123');
    expect(invoiceNumber('2026-27', 1_234_567)).toBe('LP/2026-27/1234567');
    expect(() => invoiceNumber('2026-27', 0)).toThrow(RangeError);
  });
});
