import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeIndianPhone, requireIndianPhone } from './phone';

describe('normalizeIndianPhone', () => {
  it.each([
    '9876543210',
    '09876543210',
    '+91 98765 43210',
    '+91-98765-43210',
    '919876543210',
    '+919876543210',
    ' 98765-43210 ',
    '(+91) 98765 43210',
  ])('accepts %s', (input) => {
    expect(normalizeIndianPhone(input)).toBe('+919876543210');
  });

  it.each([
    '',
    '12345',
    '5876543210', // starts with 5
    '+1 987 654 3210',
    '+44 98765 43210',
    '98765432101', // 11 digits without a leading 0
    '+9198765432100',
    '9876543210abc',
    '98765+43210',
    '0091-98765-4321',
    '1'.repeat(40),
  ])('refuses %s', (input) => {
    expect(normalizeIndianPhone(input)).toBeNull();
  });

  it('answers 400 INVALID_PHONE for a bad number', () => {
    expect(() => requireIndianPhone('12345')).toThrowError(expect.objectContaining({ code: 'INVALID_PHONE', status: 400 }));
  });

  it('normalises every valid mobile the same way however it is written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 9 }), fc.stringMatching(/^\d{9}$/), (first, rest) => {
        const n = `${first}${rest}`;
        const expected = `+91${n}`;
        for (const form of [
          n,
          `0${n}`,
          `91${n}`,
          `+91${n}`,
          `+91 ${n.slice(0, 5)} ${n.slice(5)}`,
          `+91-${n.slice(0, 5)}-${n.slice(5)}`,
        ]) {
          expect(normalizeIndianPhone(form)).toBe(expected);
        }
        expect(normalizeIndianPhone(expected)).toBe(expected); // idempotent
      }),
    );
  });
});
