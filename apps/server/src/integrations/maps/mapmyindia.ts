import { AppError } from '../../lib/errors';
import type { Geocoder, GeoPlace } from './port';

/** Mappls (MapmyIndia) geocode result fields we use. */
interface MapplsAddress {
  formattedAddress?: string;
  formatted_address?: string;
  locality?: string;
  subLocality?: string;
  city?: string;
  district?: string;
  pincode?: string;
  latitude?: number | string;
  longitude?: number | string;
  lat?: number | string;
  lng?: number | string;
}

function toPlace(a: MapplsAddress): GeoPlace | null {
  const lat = Number(a.latitude ?? a.lat);
  const lng = Number(a.longitude ?? a.lng);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  return {
    lat,
    lng,
    label: a.formattedAddress ?? a.formatted_address ?? [a.locality, a.city].filter(Boolean).join(', '),
    city: a.city || a.district || '',
    ...(a.pincode ? { pincode: a.pincode } : {}),
  };
}

/**
 * Mappls: Geocoding (GET {atlas}/api/places/geocode?address=, `Authorization: bearer <token>`,
 * answer `copResults`) and Reverse Geocoding (GET {apis}/advancedmaps/v1/{restKey}/rev_geocode?lat=&lng=).
 */
export function createMapplsGeocoder(opts: {
  accessToken: string;
  restKey: string;
  atlasUrl: string;
  apisUrl: string;
  timeoutMs: number;
}): Geocoder {
  async function get<T>(url: URL, headers: Record<string, string>): Promise<T | null> {
    try {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(opts.timeoutMs) });
      if (res.status === 204 || res.status === 404) return null;
      if (!res.ok) throw new Error(`status ${res.status}`);
      return (await res.json()) as T;
    } catch (err) {
      throw new AppError('VENDOR_UNAVAILABLE', 'The maps service is not reachable', { cause: err });
    }
  }
  return {
    name: 'mapmyindia',
    async geocode(text) {
      const url = new URL('/api/places/geocode', opts.atlasUrl);
      url.searchParams.set('address', text);
      url.searchParams.set('region', 'IND');
      const body = await get<{ copResults?: MapplsAddress | MapplsAddress[] }>(url, {
        authorization: `bearer ${opts.accessToken}`,
      });
      const list = body?.copResults ? (Array.isArray(body.copResults) ? body.copResults : [body.copResults]) : [];
      return list.map(toPlace).filter((p): p is GeoPlace => p !== null);
    },
    async reverse(lat, lng) {
      const url = new URL(`/advancedmaps/v1/${encodeURIComponent(opts.restKey)}/rev_geocode`, opts.apisUrl);
      url.searchParams.set('lat', String(lat));
      url.searchParams.set('lng', String(lng));
      const body = await get<{ responseCode?: number; results?: MapplsAddress[] }>(url, {});
      const first = body?.results?.[0];
      return first ? toPlace({ ...first, lat: first.lat ?? lat, lng: first.lng ?? lng }) : null;
    },
  };
}
