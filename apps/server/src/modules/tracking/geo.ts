const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km. */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Road distance is longer than the straight line; 1.3 is a common detour factor for Indian cities.
 * ETA in whole minutes at the average city speed (at least 1 while still away).
 */
export function estimateEta(straightKm: number, avgSpeedKmh: number): { distanceKm: number; etaMin: number } {
  const roadKm = straightKm * 1.3;
  const etaMin = roadKm < 0.05 ? 0 : Math.max(1, Math.ceil((roadKm / avgSpeedKmh) * 60));
  return { distanceKm: Math.round(straightKm * 100) / 100, etaMin };
}
