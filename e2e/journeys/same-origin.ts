import type { Journey } from '../lib/journey';
import { log } from '../lib/log';

export const sameOriginJourney: Journey = {
  name: 'same-origin',
  title: 'API and web app on one origin; PWA manifest and icon',
  async run({ base }) {
    await sameOrigin(base);
  },
};

/** The API and the web app answer on one origin: /api stays JSON (404s too), everything else is Next. */
async function sameOrigin(base: string): Promise<void> {
  const missing = await fetch(`${base}/api/no-such-route`);
  const body = (await missing.json()) as { error?: { code?: string } };
  if (missing.status !== 404 || !body.error?.code) throw new Error(`/api 404 is not the API's JSON error: ${missing.status}`);
  const manifest = await fetch(`${base}/manifest.webmanifest`);
  if (!manifest.ok || !((await manifest.json()) as { icons?: unknown[] }).icons?.length) throw new Error('no PWA manifest');
  const icon = await fetch(`${base}/icons/icon-192.png`);
  if (icon.headers.get('content-type') !== 'image/png') throw new Error('no PWA icon');
  log('same origin: /api JSON 404, manifest and icon served');
}
