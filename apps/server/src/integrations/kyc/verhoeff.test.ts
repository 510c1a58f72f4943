import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidAadhaar, maskAadhaar, verhoeffCheckDigit, verhoeffValid } from './verhoeff';

describe('Verhoeff', () => {
  it('known values', () => {
    expect(verhoeffCheckDigit('236')).toBe('3');
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
    expect(verhoeffCheckDigit('12345')).toBe('1');
  });

  it('appending the check digit always validates; any single-digit change is caught', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.nat(10), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const full = body + verhoeffCheckDigit(body);
        expect(verhoeffValid(full)).toBe(true);
        const i = pos % 12;
        const changed = full.slice(0, i) + String((Number(full[i]) + delta) % 10) + full.slice(i + 1);
        expect(verhoeffValid(changed)).toBe(false);
      }),
    );
  });

  it('catches adjacent transpositions', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.nat(10), (body, pos) => {
        const full = body + verhoeffCheckDigit(body);
        const i = pos % 11;
        if (full[i] === full[i + 1]) return;
        const swapped = full.slice(0, i) + full[i + 1] + full[i] + full.slice(i + 2);
        expect(verhoeffValid(swapped)).toBe(false);
      }),
    );
  });

  it('Aadhaar: 12 digits, no leading 0/1, valid check digit; masked to the last four', () => {
    const body = '23456789012';
    const n = body + verhoeffCheckDigit(body);
    expect(isValidAadhaar(n)).toBe(true);
    expect(isValidAadhaar(`1${n.slice(1)}`)).toBe(false);
    expect(isValidAadhaar(n.slice(0, 11))).toBe(false);
    expect(isValidAadhaar(`${n.slice(0, 11)}${(Number(n[11]) + 1) % 10}`)).toBe(false);
    expect(maskAadhaar(n)).toBe(`XXXX-XXXX-${n.slice(-4)}`);
  });
});
