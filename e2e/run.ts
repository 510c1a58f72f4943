/**
 * Browser journeys against the real `npm start` (API + web app on one port) on a fresh data directory,
 * driven by playwright-core in Debian's Chromium. `npm run e2e` runs them all in order; `npm run e2e --
 * <name> …` runs only the named ones. Each journey gets fresh browser contexts (one per person).
 * Screenshots go to e2e/screenshots/ (ignored by git). Exits non-zero on the first failed journey.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { adminJourney } from './journeys/admin';
import { chatLiveJourney } from './journeys/chat-live';
import { customerCashJourney } from './journeys/customer-cash';
import { customerInAppJourney } from './journeys/customer-inapp';
import { customerRazorpayJourney } from './journeys/customer-razorpay';
import { hindiJourney } from './journeys/hindi';
import { hindiHomeJourney } from './journeys/hindi-home';
import { providerOnboardingJourney } from './journeys/provider-onboarding';
import { sameOriginJourney } from './journeys/same-origin';
import type { Journey, JourneyContext } from './lib/journey';
import { elapsed, log, shot, shots } from './lib/log';
import { freePort, startServer, stopServer } from './lib/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** In the order they run: later journeys may rely on data earlier ones made only if they say so. */
const journeys: Journey[] = [
  sameOriginJourney,
  customerCashJourney,
  customerInAppJourney,
  // Runs a second server of its own, configured for Razorpay (against a local fake of it).
  customerRazorpayJourney,
  hindiHomeJourney,
  adminJourney,
  // A new provider onboards; the admin approves it through the API (after the admin journey's queue).
  providerOnboardingJourney,
  // Sets the demo provider to Hindi for its chat and restores the language at the end.
  chatLiveJourney,
  // Last: it saves Hindi on the demo customer's account while it runs (and switches back at the end).
  hindiJourney,
];

/** On a failure, every page still open is saved as failed-<journey>-<n>.png, so the cause can be seen. */
async function screenshotOpenPages(contexts: BrowserContext[], journey: string): Promise<void> {
  const pages = contexts.flatMap((c) => c.pages());
  for (const [i, page] of pages.entries()) {
    await shot(page, `failed-${journey}-${i + 1}`).catch(() => undefined);
    log(`  page ${i + 1} was at ${page.url()}`);
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = only.filter((n) => !journeys.some((j) => j.name === n));
  if (unknown.length) throw new Error(`unknown journey ${unknown.join(', ')}; known: ${journeys.map((j) => j.name).join(', ')}`);
  const selected = only.length ? journeys.filter((j) => only.includes(j.name)) : journeys;
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core`);
  mkdirSync(shots, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'localpro-e2e-data-'));
  const port = await freePort();
  const server = startServer(port, dataDir);
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  try {
    const base = await server.ready;
    log(`server ready at ${base}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const ctx: JourneyContext = {
      base,
      browser,
      async newContext(options = {}) {
        if (!browser) throw new Error('browser closed');
        const context = await browser.newContext({
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 1,
          locale: options.locale ?? 'en-IN',
          timezoneId: 'Asia/Kolkata',
        });
        context.setDefaultTimeout(20_000);
        contexts.push(context);
        return context;
      },
    };
    for (const journey of selected) {
      log(`journey ${journey.name}: ${journey.title}`);
      const t0 = Date.now();
      await journey.run(ctx).catch(async (err: unknown) => {
        await screenshotOpenPages(contexts, journey.name);
        throw err;
      });
      log(`journey ${journey.name} passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
    }
    log(`all ${selected.length} journeys passed`);
  } finally {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close().catch(() => undefined);
    await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[e2e ${elapsed()}] FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
