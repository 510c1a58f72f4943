import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resendCooldownSec } from './otp-rules';

describe('resend cooldown', () => {
  it('starts at 30 seconds and grows with every send', () => {
    expect([1, 2, 3, 4].map(resendCooldownSec)).toEqual([30, 60, 120, 240]);
  });
  it('never shrinks and stays bounded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
        expect(resendCooldownSec(n + 1)).toBeGreaterThanOrEqual(resendCooldownSec(n));
        expect(resendCooldownSec(n)).toBeLessThanOrEqual(900);
      }),
    );
  });
});
