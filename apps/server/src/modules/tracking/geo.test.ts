import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateEta, haversineKm } from './geo';

describe('haversineKm', () => {
  it('measures Hazratganj to Charbagh (Lucknow) at about 3.6 km', () => {
    const d = haversineKm({ lat: 26.8506, lng: 80.9466 }, { lat: 26.8318, lng: 80.9189 });
    expect(d).toBeGreaterThan(3.3);
    expect(d).toBeLessThan(3.6);
  });
  it('is symmetric and zero for the same point', () => {
    const pt = fc.record({ lat: fc.double({ min: 8, max: 35, noNaN: true }), lng: fc.double({ min: 68, max: 97, noNaN: true }) });
    fc.assert(
      fc.property(pt, pt, (a, b) => {
        expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
        expect(haversineKm(a, a)).toBe(0);
      }),
    );
  });
});

describe('estimateEta', () => {
  it('is 0 on arrival and grows with distance', () => {
    expect(estimateEta(0, 18).etaMin).toBe(0);
    expect(estimateEta(3, 18)).toEqual({ distanceKm: 3, etaMin: 13 });
    expect(estimateEta(10, 18).etaMin).toBeGreaterThan(estimateEta(3, 18).etaMin);
  });
});
