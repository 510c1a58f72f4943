import type { Config } from '../../config';
import { createGoogleGeocoder } from './google';
import { createGazetteerGeocoder } from './local';
import { createMapplsGeocoder } from './mapmyindia';
import type { Geocoder } from './port';

/** The geocoder chosen by config: the offline gazetteer unless a vendor is configured. */
export function createGeocoder(config: Config): Geocoder {
  if (config.MAPS_PROVIDER === 'google') {
    if (!config.GOOGLE_MAPS_API_KEY) throw new Error('MAPS_PROVIDER=google needs GOOGLE_MAPS_API_KEY');
    return createGoogleGeocoder({
      apiKey: config.GOOGLE_MAPS_API_KEY,
      baseUrl: config.GOOGLE_MAPS_BASE_URL,
      timeoutMs: config.MAPS_TIMEOUT_MS,
    });
  }
  if (config.MAPS_PROVIDER === 'mapmyindia') {
    if (!config.MAPPLS_ACCESS_TOKEN || !config.MAPPLS_REST_KEY) {
      throw new Error('MAPS_PROVIDER=mapmyindia needs MAPPLS_ACCESS_TOKEN and MAPPLS_REST_KEY');
    }
    return createMapplsGeocoder({
      accessToken: config.MAPPLS_ACCESS_TOKEN,
      restKey: config.MAPPLS_REST_KEY,
      atlasUrl: config.MAPPLS_ATLAS_URL,
      apisUrl: config.MAPPLS_APIS_URL,
      timeoutMs: config.MAPS_TIMEOUT_MS,
    });
  }
  return createGazetteerGeocoder();
}
