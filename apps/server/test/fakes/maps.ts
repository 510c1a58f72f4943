import { sendJson, startFakeServer } from './http';

/** Google Geocoding API fake: GET /maps/api/geocode/json with key, address|latlng; OK / ZERO_RESULTS / REQUEST_DENIED. */
export function startFakeGoogleGeocoding(opts: { apiKey: string }) {
  const seen: URL[] = [];
  const server = startFakeServer((req, _body, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    seen.push(url);
    if (req.method !== 'GET' || url.pathname !== '/maps/api/geocode/json') return sendJson(res, 404, {});
    if (url.searchParams.get('key') !== opts.apiKey) {
      return sendJson(res, 200, { status: 'REQUEST_DENIED', results: [], error_message: 'The provided API key is invalid.' });
    }
    const address = url.searchParams.get('address');
    const latlng = url.searchParams.get('latlng');
    if ((address && /gomti/i.test(address)) || latlng) {
      return sendJson(res, 200, {
        status: 'OK',
        results: [
          {
            formatted_address: 'Gomti Nagar, Lucknow, Uttar Pradesh 226010, India',
            geometry: { location: { lat: 26.8564, lng: 81.0052 }, location_type: 'APPROXIMATE' },
            address_components: [
              { long_name: 'Gomti Nagar', short_name: 'Gomti Nagar', types: ['sublocality_level_1', 'sublocality', 'political'] },
              { long_name: 'Lucknow', short_name: 'Lucknow', types: ['locality', 'political'] },
              { long_name: 'Uttar Pradesh', short_name: 'UP', types: ['administrative_area_level_1', 'political'] },
              { long_name: 'India', short_name: 'IN', types: ['country', 'political'] },
              { long_name: '226010', short_name: '226010', types: ['postal_code'] },
            ],
            place_id: 'fake-place',
            types: ['sublocality_level_1', 'sublocality', 'political'],
          },
        ],
      });
    }
    return sendJson(res, 200, { status: 'ZERO_RESULTS', results: [] });
  });
  return { server, seen };
}

/** Mappls fake: atlas geocode (bearer token, copResults) and REST-key reverse geocode (results[]). */
export function startFakeMappls(opts: { token: string; restKey: string }) {
  return startFakeServer((req, _body, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/api/places/geocode') {
      if (req.headers.authorization !== `bearer ${opts.token}`) return sendJson(res, 401, { error: 'invalid_token' });
      const address = url.searchParams.get('address') ?? '';
      if (!/koramangala/i.test(address)) return sendJson(res, 200, { copResults: [] });
      return sendJson(res, 200, {
        copResults: {
          houseNumber: '',
          houseName: '',
          poi: '',
          street: '',
          subSubLocality: '',
          subLocality: '',
          locality: 'Koramangala',
          village: '',
          subDistrict: '',
          district: 'Bangalore District',
          city: 'Bengaluru',
          state: 'Karnataka',
          pincode: '560034',
          formattedAddress: 'Koramangala, Bengaluru, Karnataka, 560034',
          eLoc: 'ABC123',
          latitude: 12.9352,
          longitude: 77.6245,
          geocodeLevel: 'locality',
          confidenceScore: 0.9,
        },
      });
    }
    const rev = /^\/advancedmaps\/v1\/([^/]+)\/rev_geocode$/.exec(url.pathname);
    if (rev) {
      if (rev[1] !== opts.restKey) return sendJson(res, 403, { responseCode: 403, error: 'Invalid key' });
      return sendJson(res, 200, {
        responseCode: 200,
        version: '240.0',
        results: [
          {
            formatted_address: 'Hazratganj, Lucknow, Uttar Pradesh, 226001',
            locality: 'Hazratganj',
            city: 'Lucknow',
            district: 'Lucknow District',
            state: 'Uttar Pradesh',
            pincode: '226001',
            lat: url.searchParams.get('lat'),
            lng: url.searchParams.get('lng'),
          },
        ],
      });
    }
    return sendJson(res, 404, {});
  });
}
