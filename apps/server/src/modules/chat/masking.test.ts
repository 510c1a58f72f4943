import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK_TEXT, maskContacts } from './masking';

describe('maskContacts', () => {
  it.each([
    ['call me on 9876543210', 'call me on [contact hidden until booking is confirmed]'],
    ['+91 98765 43210 pe call karo', '[contact hidden until booking is confirmed] pe call karo'],
    ['mail ravi.k@gmail.com', 'mail [contact hidden until booking is confirmed]'],
    ['pay to ravi@okaxis please', 'pay to [contact hidden until booking is confirmed] please'],
    ['098765-43210', '[contact hidden until booking is confirmed]'],
  ])('hides contacts in %s', (input, expected) => {
    expect(maskContacts(input)).toEqual({ text: expected, masked: true });
  });

  it('leaves ordinary numbers, times and prices alone', () => {
    for (const s of ['I can come in 30 minutes', 'price is 499 rupees', 'come at 5:30', 'flat 1204, tower 3', 'pin 226001']) {
      expect(maskContacts(s)).toEqual({ text: s, masked: false });
    }
  });

  it('uses the reader language for the label', () => {
    expect(maskContacts('9876543210', 'hi').text).toBe(MASK_TEXT.hi);
  });

  it('never lets a ten-digit mobile number through, however it is spaced', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
        fc.constantFrom('', ' ', '-'),
        (first, rest, sep) => {
          const digits = [first, ...rest].join('');
          const spaced = `${digits.slice(0, 5)}${sep}${digits.slice(5)}`;
          const out = maskContacts(`my number ${spaced} ok`).text;
          expect(out.replace(/\D/g, '')).not.toContain(digits);
        },
      ),
    );
  });
});
