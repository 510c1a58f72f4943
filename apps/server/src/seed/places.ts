/** Real localities of the three launch cities, with approximate centre coordinates and pincodes. */
export interface Locality {
  name: string;
  lat: number;
  lng: number;
  pincode: string;
}

export interface City {
  name: string;
  /** Share of seeded providers (and customers) in this city. */
  weight: number;
  /** Extra languages spoken here besides Hindi and English. */
  localLanguages: readonly string[];
  localities: readonly Locality[];
}

const l = (name: string, lat: number, lng: number, pincode: string): Locality => ({ name, lat, lng, pincode });

export const cities: readonly City[] = [
  {
    name: 'Lucknow',
    weight: 95,
    localLanguages: ['ur'],
    localities: [
      l('Hazratganj', 26.8506, 80.9466, '226001'),
      l('Gomti Nagar', 26.856, 81.006, '226010'),
      l('Gomti Nagar Extension', 26.803, 81.017, '226010'),
      l('Indira Nagar', 26.879, 80.999, '226016'),
      l('Aliganj', 26.894, 80.94, '226024'),
      l('Aminabad', 26.847, 80.929, '226018'),
      l('Alambagh', 26.812, 80.902, '226005'),
      l('Mahanagar', 26.872, 80.956, '226006'),
      l('Chowk', 26.87, 80.91, '226003'),
      l('Jankipuram', 26.926, 80.942, '226021'),
      l('Rajajipuram', 26.846, 80.885, '226017'),
      l('Vikas Nagar', 26.893, 80.969, '226022'),
      l('Ashiyana', 26.788, 80.923, '226012'),
    ],
  },
  {
    name: 'Delhi NCR',
    weight: 90,
    localLanguages: ['pa'],
    localities: [
      l('Connaught Place', 28.6315, 77.2167, '110001'),
      l('Karol Bagh', 28.6519, 77.1909, '110005'),
      l('Lajpat Nagar', 28.5677, 77.2433, '110024'),
      l('Saket', 28.5245, 77.2066, '110017'),
      l('Dwarka', 28.5921, 77.046, '110075'),
      l('Rohini', 28.7383, 77.0822, '110085'),
      l('Janakpuri', 28.6219, 77.0878, '110058'),
      l('Mayur Vihar', 28.609, 77.293, '110091'),
      l('Vasant Kunj', 28.52, 77.157, '110070'),
      l('Noida Sector 62', 28.627, 77.365, '201309'),
      l('Noida Sector 18', 28.57, 77.326, '201301'),
      l('DLF Phase 3, Gurugram', 28.494, 77.095, '122002'),
      l('Sector 56, Gurugram', 28.423, 77.1, '122011'),
      l('Indirapuram, Ghaziabad', 28.641, 77.371, '201014'),
    ],
  },
  {
    name: 'Bengaluru',
    weight: 75,
    localLanguages: ['kn', 'ta'],
    localities: [
      l('Koramangala', 12.9352, 77.6245, '560034'),
      l('Indiranagar', 12.9719, 77.6412, '560038'),
      l('HSR Layout', 12.9116, 77.6474, '560102'),
      l('Whitefield', 12.9698, 77.75, '560066'),
      l('Jayanagar', 12.9308, 77.5838, '560011'),
      l('Malleshwaram', 13.0035, 77.571, '560003'),
      l('BTM Layout', 12.9166, 77.6101, '560076'),
      l('Electronic City', 12.8452, 77.6602, '560100'),
      l('Marathahalli', 12.9591, 77.6974, '560037'),
      l('Banashankari', 12.9255, 77.5468, '560070'),
      l('Hebbal', 13.0358, 77.597, '560024'),
      l('JP Nagar', 12.9063, 77.5857, '560078'),
    ],
  },
];

/** A point up to `maxKm` from `base`, drawn with `r` in [0,1) twice. */
export function jitter(base: { lat: number; lng: number }, maxKm: number, r1: number, r2: number) {
  const dist = Math.sqrt(r1) * maxKm;
  const angle = r2 * 2 * Math.PI;
  const dLat = (dist * Math.cos(angle)) / 111.32;
  const dLng = (dist * Math.sin(angle)) / (111.32 * Math.cos((base.lat * Math.PI) / 180));
  return { lat: Number((base.lat + dLat).toFixed(6)), lng: Number((base.lng + dLng).toFixed(6)) };
}

export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6371;
  const dLat = ((b.lat - a.lat) * Math.PI) / 180;
  const dLng = ((b.lng - a.lng) * Math.PI) / 180;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos((a.lat * Math.PI) / 180) * Math.cos((b.lat * Math.PI) / 180) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(s));
}
