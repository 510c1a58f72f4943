import { describe, expect, it } from 'vitest';
import { decodeKeyset, encodeKeyset, istRange } from './admin-range';

describe('istRange', () => {
  // 20:00 UTC on 25 Nov is already 26 Nov in India.
  const now = new Date('2026-11-25T20:00:00Z');

  it('defaults to the 30 days ending today in India', () => {
    const r = istRange({}, now);
    expect(r.to).toBe('2026-11-26');
    expect(r.from).toBe('2026-10-28');
    expect(r.days).toHaveLength(30);
  });

  it('bounds the days at IST midnight (18:30 UTC the day before)', () => {
    const r = istRange({ from: '2026-11-01', to: '2026-11-02' }, now);
    expect(r.startUtc.toISOString()).toBe('2026-10-31T18:30:00.000Z');
    expect(r.endUtc.toISOString()).toBe('2026-11-02T18:30:00.000Z');
    expect(r.days).toEqual(['2026-11-01', '2026-11-02']);
  });

  it('one day is a range of one', () => {
    expect(istRange({ from: '2026-02-28', to: '2026-02-28' }, now).days).toEqual(['2026-02-28']);
  });

  it('refuses reversed, impossible and too long ranges with a machine code', () => {
    expect(() => istRange({ from: '2026-11-05', to: '2026-11-01' }, now)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE_RANGE', status: 400 }),
    );
    expect(() => istRange({ from: '2026-02-30', to: '2026-03-01' }, now)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE_RANGE' }),
    );
    expect(() => istRange({ from: '2024-01-01', to: '2026-01-01' }, now)).toThrow(/at most 366/);
  });
});

describe('keyset cursor', () => {
  it('round-trips and rejects tampering', () => {
    const k = { at: '2026-11-25T10:00:00.000Z', id: '6f1c1a53-1d4e-4a57-9a2b-3f6a9b0c1d2e' };
    expect(decodeKeyset(encodeKeyset(k))).toEqual(k);
    expect(decodeKeyset(undefined)).toBeUndefined();
    expect(() => decodeKeyset('bm9wZQ')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
