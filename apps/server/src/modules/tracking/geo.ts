/**
 * Road distance is longer than the straight line; 1.3 is a common detour factor for Indian cities.
 * ETA in whole minutes at the average city speed (at least 1 while still away).
 */
export function estimateEta(straightKm: number, avgSpeedKmh: number): { distanceKm: number; etaMin: number } {
  const roadKm = straightKm * 1.3;
  const etaMin = roadKm < 0.05 ? 0 : Math.max(1, Math.ceil((roadKm / avgSpeedKmh) * 60));
  return { distanceKm: Math.round(straightKm * 100) / 100, etaMin };
}
