import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultChannels, effectiveChannels, NOTIFICATION_TYPES, quietHoursEnd } from './preferences';

const ist = (s: string) => new Date(`${s}+05:30`);

describe('quietHoursEnd (India time)', () => {
  it('defers to the end of overnight quiet hours, across midnight', () => {
    expect(quietHoursEnd(ist('2026-11-25T23:30:00'), '22:00', '07:00')).toEqual(ist('2026-11-26T07:00:00'));
    expect(quietHoursEnd(ist('2026-11-26T03:10:00'), '22:00', '07:00')).toEqual(ist('2026-11-26T07:00:00'));
  });
  it('is null outside quiet hours and at the exact end', () => {
    expect(quietHoursEnd(ist('2026-11-26T07:00:00'), '22:00', '07:00')).toBeNull();
    expect(quietHoursEnd(ist('2026-11-26T15:00:00'), '22:00', '07:00')).toBeNull();
    expect(quietHoursEnd(ist('2026-11-26T15:00:00'), null, null)).toBeNull();
  });
  it('handles a same-day window', () => {
    expect(quietHoursEnd(ist('2026-11-26T13:30:00'), '13:00', '14:00')).toEqual(ist('2026-11-26T14:00:00'));
  });
  it('always ends in the future, within 24 hours, at the end minute', () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
        hhmm,
        hhmm,
        (now, s, e) => {
          const end = quietHoursEnd(now, s, e);
          if (!end) return;
          expect(end.getTime()).toBeGreaterThan(now.getTime());
          expect(end.getTime() - now.getTime()).toBeLessThanOrEqual(86_400_000);
          expect(new Date(end.getTime() + 330 * 60_000).toISOString().slice(11, 16)).toBe(e);
        },
      ),
    );
  });
});

describe('channel preferences', () => {
  it('keeps in-app on by default for every type and lets the SMS master switch win', () => {
    for (const t of NOTIFICATION_TYPES) expect(defaultChannels(t).inApp).toBe(true);
    const stored = { channels: { BOOKING_CONFIRMED: { sms: true, push: false } }, smsEnabled: false };
    expect(effectiveChannels('BOOKING_CONFIRMED', stored)).toEqual({ inApp: true, push: false, sms: false, email: true });
  });
});
