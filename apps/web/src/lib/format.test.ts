import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, formatPaise, formatTime, istDate, nextIstDates } from './format';

describe('money', () => {
  it('shows paise as rupees with Indian digit grouping, paise only when there are any', () => {
    expect(formatPaise(12_345_600, 'en-IN')).toBe('₹1,23,456');
    expect(formatPaise(150, 'en-IN')).toBe('₹1.50');
    expect(formatPaise(0, 'en-IN')).toBe('₹0');
    expect(formatPaise(-49_900, 'en-IN')).toBe('-₹499');
    expect(formatPaise(12_345_600, 'hi-IN')).toContain('1,23,456');
  });
});

describe('times are Asia/Kolkata on every device', () => {
  it('an instant late in the UTC evening is already the next day in India', () => {
    const at = new Date('2026-03-31T19:00:00Z');
    expect(istDate(at)).toBe('2026-04-01');
    expect(formatTime(at.toISOString(), 'en-IN')).toMatch(/^12:30\s?am$/i);
    expect(nextIstDates(3, at)).toEqual(['2026-04-01', '2026-04-02', '2026-04-03']);
  });

  it('an IST calendar date is shown as that day', () => {
    expect(formatDay('2026-12-07', 'en-IN')).toMatch(/Mon.*7.*Dec/);
  });

  it('the IST date of any instant is its UTC date 5 h 30 min later (India has no daylight saving)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        expect(istDate(d)).toBe(new Date(d.getTime() + 330 * 60_000).toISOString().slice(0, 10));
      }),
    );
  });
});
