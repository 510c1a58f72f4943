import { describe, expect, it } from 'vitest';
import { estimateEta } from './geo';

describe('estimateEta', () => {
  it('is 0 on arrival and grows with distance', () => {
    expect(estimateEta(0, 18).etaMin).toBe(0);
    expect(estimateEta(3, 18)).toEqual({ distanceKm: 3, etaMin: 13 });
    expect(estimateEta(10, 18).etaMin).toBeGreaterThan(estimateEta(3, 18).etaMin);
  });
});
