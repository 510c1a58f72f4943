/** The customer's chosen place (from the browser or a geocoded locality), remembered in this browser. */
export interface Place {
  lat: number;
  lng: number;
  /** null when it came from the browser's location. */
  label: string | null;
}

const KEY = 'lp.place';

export function loadPlace(): Place | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<Place>;
    return typeof p.lat === 'number' && typeof p.lng === 'number' ? { lat: p.lat, lng: p.lng, label: p.label ?? null } : null;
  } catch {
    return null;
  }
}

export function savePlace(place: Place): void {
  window.localStorage.setItem(KEY, JSON.stringify(place));
}
