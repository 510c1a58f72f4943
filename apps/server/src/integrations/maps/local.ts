import { nearestEntry, searchGazetteer, toPlace } from './gazetteer';
import type { Geocoder } from './port';

/** The embedded default: an offline gazetteer of Indian cities, localities and pincodes. */
export function createGazetteerGeocoder(): Geocoder {
  return {
    name: 'gazetteer',
    async geocode(text) {
      return searchGazetteer(text).map(toPlace);
    },
    async reverse(lat, lng) {
      const e = nearestEntry(lat, lng);
      return e ? toPlace(e) : null;
    },
  };
}
