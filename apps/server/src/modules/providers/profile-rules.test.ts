import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  gstinCheckChar,
  isInsideIndia,
  isValidGstin,
  isValidVpa,
  maskAccountNumber,
  pricingIssues,
  timeOffIssues,
  workingHoursIssues,
} from './profile-rules';

describe('profile rules', () => {
  it('India bounds: Lucknow, Port Blair and Kavaratti are in; London and Karachi-west are out', () => {
    expect(isInsideIndia(26.85, 80.95)).toBe(true);
    expect(isInsideIndia(11.62, 92.73)).toBe(true);
    expect(isInsideIndia(10.57, 72.64)).toBe(true);
    expect(isInsideIndia(51.5, -0.12)).toBe(false);
    expect(isInsideIndia(24.86, 66.99)).toBe(false);
    expect(isInsideIndia(0, 0)).toBe(false);
  });

  it('UPI VPAs', () => {
    for (const ok of ['ramesh@okicici', 'ramesh.kumar-1@ybl', '9876543210@paytm']) expect(isValidVpa(ok)).toBe(true);
    for (const bad of ['ramesh', '@ybl', 'ramesh@', 'ram esh@ybl', 'r@1bank', '<script>@ybl'])
      expect(isValidVpa(bad)).toBe(false);
  });

  it('GSTIN format and check character', () => {
    expect(isValidGstin('27AAPFU0939F1ZV')).toBe(true);
    expect(isValidGstin('27AAPFU0939F1ZA')).toBe(false);
    expect(isValidGstin('00AAPFU0939F1ZV')).toBe(false);
    expect(isValidGstin('27AAPFU0939F1Z')).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 37 }), fc.stringMatching(/^[A-Z]{5}\d{4}[A-Z]$/), (state, pan) => {
        const body = `${String(state).padStart(2, '0')}${pan}1Z`;
        expect(isValidGstin(body + gstinCheckChar(body))).toBe(true);
      }),
    );
  });

  it('working hours: breaks inside hours, no overlaps, end after start', () => {
    const ok = {
      '1': [
        { start: '09:00', end: '13:00', breaks: [{ start: '11:00', end: '11:15' }] },
        { start: '14:00', end: '19:00' },
      ],
    };
    expect(workingHoursIssues(ok)).toEqual([]);
    expect(workingHoursIssues({ '1': [{ start: '10:00', end: '09:00' }] })[0]?.message).toMatch(/end after/);
    expect(
      workingHoursIssues({ '1': [{ start: '09:00', end: '12:00', breaks: [{ start: '11:30', end: '12:30' }] }] })[0]?.message,
    ).toMatch(/inside/);
    expect(
      workingHoursIssues({
        '1': [
          {
            start: '09:00',
            end: '12:00',
            breaks: [
              { start: '10:00', end: '10:30' },
              { start: '10:15', end: '10:45' },
            ],
          },
        ],
      })[0]?.message,
    ).toMatch(/Breaks must not overlap/);
    expect(
      workingHoursIssues({
        '2': [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '15:00' },
        ],
      })[0]?.message,
    ).toMatch(/must not overlap/);
  });

  it('time off must end after it starts and not lie in the past', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    expect(timeOffIssues([{ start: '2026-12-01T00:00:00+05:30', end: '2026-12-03T00:00:00+05:30' }], now)).toEqual([]);
    expect(timeOffIssues([{ start: '2026-12-03T00:00:00Z', end: '2026-12-01T00:00:00Z' }], now)).toHaveLength(1);
    expect(timeOffIssues([{ start: '2025-01-01T00:00:00Z', end: '2025-01-02T00:00:00Z' }], now)).toHaveLength(1);
  });

  it('pricing covers offered services only, one price each', () => {
    expect(pricingIssues([{ subCategoryId: 'a' }], ['a', 'b'])).toEqual([]);
    expect(pricingIssues([{ subCategoryId: 'x' }], ['a'])).toHaveLength(1);
    expect(pricingIssues([{ subCategoryId: 'a' }, { subCategoryId: 'a' }], ['a'])).toHaveLength(1);
  });

  it('masks bank accounts to the last four digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9,18}$/), (acct) => {
        const m = maskAccountNumber(acct);
        expect(m).toBe(`XXXXXX${acct.slice(-4)}`);
        expect(m).not.toContain(acct.slice(0, -4) || 'never');
      }),
    );
  });

  it('age in whole years', () => {
    expect(ageOn('2000-11-26', '2026-11-25')).toBe(25);
    expect(ageOn('2000-11-25', '2026-11-25')).toBe(26);
  });
});
