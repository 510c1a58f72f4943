import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTHDISTANCE_RADIUS_KM, haversineKm } from './geo';

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
  it('scales with the sphere: on earthdistance’s sphere (search’s radius checks) it is 0.11 % longer', () => {
    const [a, b] = [
      { lat: 26.8506, lng: 80.9466 },
      { lat: 28.6139, lng: 77.209 },
    ];
    expect(haversineKm(a, b, EARTHDISTANCE_RADIUS_KM) / haversineKm(a, b)).toBeCloseTo(6378.168 / 6371.0088, 12);
  });
});
