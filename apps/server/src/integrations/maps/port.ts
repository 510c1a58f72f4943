/** A place a geocoder found. `city` is the city or district the place belongs to. */
export interface GeoPlace {
  lat: number;
  lng: number;
  label: string;
  city: string;
  pincode?: string;
}

/** Geocoding port: offline gazetteer by default; Google Geocoding or MapmyIndia (Mappls) when configured. */
export interface Geocoder {
  readonly name: string;
  /** Best matches first; an empty list when nothing matched. */
  geocode(text: string): Promise<GeoPlace[]>;
  /** The nearest known place, or null when none is near. */
  reverse(lat: number, lng: number): Promise<GeoPlace | null>;
}

/** India's bounding box (mainland and islands), used to refuse coordinates elsewhere. */
export const INDIA_BOUNDS = { minLat: 6.5, maxLat: 37.6, minLng: 68.0, maxLng: 97.5 } as const;

export function isInIndia(lat: number, lng: number): boolean {
  return lat >= INDIA_BOUNDS.minLat && lat <= INDIA_BOUNDS.maxLat && lng >= INDIA_BOUNDS.minLng && lng <= INDIA_BOUNDS.maxLng;
}
