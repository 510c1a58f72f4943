import { AppError } from '../../lib/errors';
import type { Geocoder, GeoPlace } from './port';

interface GoogleComponent {
  long_name: string;
  short_name: string;
  types: string[];
}
interface GoogleResult {
  formatted_address: string;
  geometry: { location: { lat: number; lng: number } };
  address_components: GoogleComponent[];
}
interface GoogleResponse {
  status: string;
  results: GoogleResult[];
  error_message?: string;
}

function toPlace(r: GoogleResult): GeoPlace {
  const comp = (type: string) => r.address_components.find((c) => c.types.includes(type))?.long_name;
  const pincode = comp('postal_code');
  return {
    lat: r.geometry.location.lat,
    lng: r.geometry.location.lng,
    label: r.formatted_address,
    city: comp('locality') ?? comp('administrative_area_level_2') ?? comp('administrative_area_level_1') ?? '',
    ...(pincode ? { pincode } : {}),
  };
}

/** Google Geocoding API (GET /maps/api/geocode/json), restricted to India. */
export function createGoogleGeocoder(opts: { apiKey: string; baseUrl: string; timeoutMs: number }): Geocoder {
  async function call(params: Record<string, string>): Promise<GeoPlace[]> {
    const url = new URL('/maps/api/geocode/json', opts.baseUrl);
    for (const [k, v] of Object.entries({ ...params, key: opts.apiKey, region: 'in', language: 'en' }))
      url.searchParams.set(k, v);
    let body: GoogleResponse;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
      body = (await res.json()) as GoogleResponse;
    } catch (err) {
      throw new AppError('VENDOR_UNAVAILABLE', 'The maps service is not reachable', { cause: err });
    }
    if (body.status === 'ZERO_RESULTS') return [];
    if (body.status !== 'OK') throw new AppError('VENDOR_UNAVAILABLE', `The maps service refused the request (${body.status})`);
    return body.results.map(toPlace);
  }
  return {
    name: 'google',
    geocode: (text) => call({ address: text, components: 'country:IN' }),
    async reverse(lat, lng) {
      return (await call({ latlng: `${lat},${lng}` }))[0] ?? null;
    },
  };
}
