export interface LatLng {
  lat: number;
  lng: number;
}

/** The mean Earth radius (IUGG), for distances we compute ourselves. */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;
/**
 * The sphere of PostgreSQL's earthdistance (earth() = 6378168 m). Distances that must agree with a SQL
 * earth_distance filter (search's radius checks) are measured on it.
 */
export const EARTHDISTANCE_RADIUS_KM = 6378.168;

const RAD = Math.PI / 180;

/** Great-circle distance in km (haversine) on a sphere of `radiusKm`. */
export function haversineKm(a: LatLng, b: LatLng, radiusKm = EARTH_MEAN_RADIUS_KM): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * radiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}
