import { afterAll, describe, expect, it } from 'vitest';
import { startFakeGoogleGeocoding, startFakeMappls } from '../../../test/fakes/maps';
import { createGoogleGeocoder } from './google';
import { createGazetteerGeocoder } from './local';
import { createMapplsGeocoder } from './mapmyindia';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closers) await c();
});

describe('Google Geocoding adapter (against a local fake of the wire format)', () => {
  it('geocodes with the key, reads postal code and locality, and reverse-geocodes', async () => {
    const fake = startFakeGoogleGeocoding({ apiKey: 'g-key' });
    const s = await fake.server;
    closers.push(s.close);
    const g = createGoogleGeocoder({ apiKey: 'g-key', baseUrl: s.url, timeoutMs: 2000 });
    const [place] = await g.geocode('Gomti Nagar Lucknow');
    expect(place).toEqual({
      lat: 26.8564,
      lng: 81.0052,
      label: 'Gomti Nagar, Lucknow, Uttar Pradesh 226010, India',
      city: 'Lucknow',
      pincode: '226010',
    });
    expect(fake.seen[0]!.searchParams.get('components')).toBe('country:IN');
    expect(await g.geocode('nowhere at all')).toEqual([]);
    expect((await g.reverse(26.85, 81))?.city).toBe('Lucknow');
    expect(fake.seen.at(-1)!.searchParams.get('latlng')).toBe('26.85,81');
  });
  it('a refused key is a vendor error, not an empty answer', async () => {
    const fake = startFakeGoogleGeocoding({ apiKey: 'right' });
    const s = await fake.server;
    closers.push(s.close);
    const g = createGoogleGeocoder({ apiKey: 'wrong', baseUrl: s.url, timeoutMs: 2000 });
    await expect(g.geocode('Gomti Nagar')).rejects.toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
  });
});

describe('MapmyIndia (Mappls) adapter (against a local fake)', () => {
  it('geocodes with the bearer token and reverse-geocodes with the REST key', async () => {
    const s = await startFakeMappls({ token: 'tok', restKey: 'rk' });
    closers.push(s.close);
    const m = createMapplsGeocoder({ accessToken: 'tok', restKey: 'rk', atlasUrl: s.url, apisUrl: s.url, timeoutMs: 2000 });
    expect(await m.geocode('Koramangala, Bengaluru')).toEqual([
      { lat: 12.9352, lng: 77.6245, label: 'Koramangala, Bengaluru, Karnataka, 560034', city: 'Bengaluru', pincode: '560034' },
    ]);
    expect(await m.geocode('nothing')).toEqual([]);
    expect(await m.reverse(26.8506, 80.9466)).toEqual({
      lat: 26.8506,
      lng: 80.9466,
      label: 'Hazratganj, Lucknow, Uttar Pradesh, 226001',
      city: 'Lucknow',
      pincode: '226001',
    });
    const bad = createMapplsGeocoder({ accessToken: 'nope', restKey: 'rk', atlasUrl: s.url, apisUrl: s.url, timeoutMs: 2000 });
    await expect(bad.geocode('Koramangala')).rejects.toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
  });
});

describe('offline gazetteer', () => {
  it('knows at least 150 places across the launch cities, with Hindi names and pincodes', async () => {
    const { gazetteer } = await import('./gazetteer');
    expect(gazetteer.length).toBeGreaterThanOrEqual(150);
    const cities = new Set(gazetteer.map((e) => e.city));
    for (const c of [
      'Lucknow',
      'Delhi',
      'Noida',
      'Gurugram',
      'Ghaziabad',
      'Faridabad',
      'Bengaluru',
      'Mumbai',
      'Pune',
      'Hyderabad',
      'Chennai',
      'Kolkata',
      'Jaipur',
    ]) {
      expect(cities).toContain(c);
    }
    for (const e of gazetteer) {
      expect(e.lat).toBeGreaterThan(8);
      expect(e.lat).toBeLessThan(32);
      expect(e.lng).toBeGreaterThan(68);
      expect(e.lng).toBeLessThan(97);
    }
    const g = createGazetteerGeocoder();
    expect((await g.geocode('gurgaon'))[0]?.city).toBe('Gurugram');
    expect((await g.geocode('मुंबई'))[0]?.label).toBe('Mumbai');
    expect((await g.geocode('malviya nagar jaipur'))[0]?.label).toBe('Malviya Nagar Jaipur, Jaipur');
    expect((await g.reverse(19.1364, 72.8296))?.label).toBe('Andheri West, Mumbai');
    expect(await g.reverse(20.0, 60.0)).toBeNull();
  });
});
