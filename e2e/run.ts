/**
 * Browser journeys against the real `npm start` (API + web app on one port) on a fresh data directory,
 * driven by playwright-core in Debian's Chromium. Run with `npm run e2e`; screenshots go to
 * e2e/screenshots/ (ignored by git). Exits non-zero on the first failed step.
 *
 * Journey 1 (customer, English): sign in as the demo customer with the code from the dev outbox, search
 * "kal subah plumber" near Lucknow, open the first provider, book a free slot at a saved address, see it
 * in My bookings with its start code; the demo provider signs in and accepts it in /pro.
 * Journey 2: the home page in Hindi (language switch, Devanagari font loaded).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(root, 'e2e', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CUSTOMER_PHONE = '+919000000001';
const PROVIDER_PHONE = '+919000000101';
/** The sign-in SMS, in the account's language (English + Hindi, or Hindi only). */
const LOGIN_CODE = /(\d{6}) (is your|आपका)/;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg: string) => console.log(`[e2e ${elapsed()}] ${msg}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** `npm start` in its own process group on a fresh DATA_DIR (embedded PGlite, in-memory rate limits). */
function startServer(port: number, dataDir: string): { child: ChildProcess; ready: Promise<string> } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'development',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.PUBLIC_URL;
  env.LOG_LEVEL = 'warn';
  const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready after 300 s:\n${output.slice(-3000)}`)), 300_000);
    const onData = (buf: Buffer) => {
      output += buf.toString();
      const m = /is running at (\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
  return { child, ready };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const force = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(force);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  log(`screenshot ${name}.png`);
}

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

async function signIn(context: BrowserContext, base: string, phone: string, landing = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('Mobile number').fill(phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByLabel('6-digit code').waitFor();
  if (landing === '/') await shot(page, '01-login-code');

  // Read the code the way a developer would: in the dev inbox page.
  const inbox = await context.newPage();
  await inbox.goto(`${base}/dev/inbox?to=${encodeURIComponent(phone)}`);
  const first = inbox.locator('.outbox-item', { hasText: LOGIN_CODE }).first();
  // The inbox refreshes itself every few seconds.
  await first.waitFor({ timeout: 30_000 }).catch(async (err: unknown) => {
    await shot(inbox, 'failed-dev-inbox');
    const api = await fetch(`${base}/api/dev/outbox?to=${encodeURIComponent(phone)}`).then((r) => r.text());
    throw new Error(`no login code in the dev inbox for ${phone}: ${String(err)}\nAPI says: ${api.slice(0, 1500)}`);
  });
  if (landing === '/') await shot(inbox, '02-dev-inbox');
  const message = (await first.textContent()) ?? '';
  const code = LOGIN_CODE.exec(message)?.[1];
  if (!code) throw new Error(`no 6-digit code in the dev inbox message: ${message}`);
  await inbox.close();

  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${base}${landing}`);
  log(`signed in as ${phone}`);
  return page;
}

async function customerBooks(context: BrowserContext, base: string): Promise<string> {
  const page = await signIn(context, base, CUSTOMER_PHONE);
  await page.getByLabel('Describe the job').fill('kal subah plumber');
  await page.getByLabel('Or type your locality').fill('Lucknow');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const place = page.getByTestId('place');
  const choice = page.locator('.chip').first();
  await Promise.race([place.waitFor(), choice.waitFor()]);
  if (!(await place.isVisible())) await choice.click();
  await place.waitFor();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const firstResult = page.locator('article.result').first();
  await firstResult.waitFor({ timeout: 30_000 });
  const count = await page.locator('article.result').count();
  const understood = await page.getByText('We understood:').textContent();
  log(`search: ${count} results; ${understood}`);
  if (!/plumb|tap|pipe|drain/i.test(understood ?? '')) throw new Error(`search did not understand a plumbing job: ${understood}`);
  await firstResult.getByText('Why this pro').click();
  await shot(page, '03-search-results');

  await firstResult.getByRole('link', { name: 'View and book' }).click();
  await page.waitForURL(/\/providers\//);
  await page.getByRole('heading', { name: 'Book a slot' }).waitFor();
  const name = await page.locator('h1').textContent();
  log(`provider page: ${name}`);

  // "kal" opens the form on tomorrow; take the first day from there with a free slot.
  const days = page.locator('fieldset', { hasText: 'Day' }).locator('.chip');
  if ((await days.nth(1).getAttribute('aria-pressed')) !== 'true') throw new Error('the booking form did not open on tomorrow');
  let booked = false;
  for (let i = 1; i < (await days.count()) && !booked; i += 1) {
    if (i > 1) await days.nth(i).click();
    const slots = page.getByTestId('slots').locator('.chip');
    const none = page.getByText('No free times on this day');
    await Promise.race([slots.first().waitFor(), none.waitFor()]);
    if (await none.isVisible()) continue;
    await slots.first().click();
    booked = true;
  }
  if (!booked) throw new Error('no free slot in the next 7 days');
  // The demo customer has saved addresses; the default one is chosen.
  await page.locator('input[name="address"]').first().waitFor();
  await shot(page, '04-provider-booking');
  await page.getByRole('button', { name: 'Request booking' }).click();
  const success = page.locator('.success');
  await success.waitFor({ timeout: 45_000 }).catch(async (err: unknown) => {
    await shot(page, 'failed-booking');
    const shown = await page.locator('.error').allTextContents();
    throw new Error(`booking did not succeed: ${shown.join(' | ') || String(err)}`);
  });
  const text = (await success.textContent()) ?? '';
  const bookingNumber = /Booking (\S+) requested/.exec(text)?.[1];
  if (!bookingNumber) throw new Error(`no booking number in: ${text}`);
  log(`booked: ${text.slice(0, 120)}`);
  await shot(page, '05-booked');

  await page.getByRole('link', { name: 'My bookings' }).first().click();
  await page.waitForURL(/\/bookings/);
  const card = page.locator(`[data-booking="${bookingNumber}"]`);
  await card.waitFor();
  if (!(await card.getByText('Waiting for the pro').isVisible()))
    throw new Error('the new booking is not PENDING in My bookings');
  const startCode = /Start code: (\d{4})/.exec((await card.textContent()) ?? '')?.[1];
  if (!startCode) throw new Error('no start code on the booking');
  await shot(page, '06-my-bookings');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${base}/`);
  await page.close();
  return bookingNumber;
}

/** The demo provider (Sharma Plumbing Works, the top result above) accepts the new request in /pro. */
async function providerAccepts(context: BrowserContext, base: string, bookingNumber: string): Promise<void> {
  const page = await signIn(context, base, PROVIDER_PHONE, '/pro');
  await page.getByRole('heading', { name: 'New requests' }).waitFor();
  const card = page.locator(`[data-booking="${bookingNumber}"]`);
  await card.getByRole('button', { name: 'Accept' }).click();
  await card.getByText('Confirmed').waitFor();
  log(`provider accepted ${bookingNumber}`);
  await shot(page, '08-pro-dashboard');
  await page.close();
}

async function hindiHome(context: BrowserContext, base: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Switch the language to Hindi' }).click();
  await page.getByRole('heading', { name: 'आपको क्या काम करवाना है?' }).waitFor();
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== 'hi') throw new Error(`html lang is ${lang}`);
  await page.evaluate(() => document.fonts.ready);
  const fontLoaded = await page.evaluate(() => document.fonts.check('16px "Noto Sans Devanagari"', 'आपको'));
  if (!fontLoaded) throw new Error('the bundled Noto Sans Devanagari font did not load');
  await page.getByLabel('काम बताइए').fill('कल सुबह प्लंबर');
  await shot(page, '07-home-hindi');
  // The choice is remembered across a reload.
  await page.reload();
  await page.getByRole('heading', { name: 'आपको क्या काम करवाना है?' }).waitFor();
  log('Hindi home page: texts, lang="hi", Devanagari font loaded, choice remembered');
  await page.close();
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core`);
  mkdirSync(shots, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'localpro-e2e-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'localpro-e2e-chromium-'));
  const port = await freePort();
  const server = startServer(port, dataDir);
  let context: BrowserContext | null = null;
  try {
    const base = await server.ready;
    log(`server ready at ${base}`);
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      locale: 'en-IN',
      timezoneId: 'Asia/Kolkata',
    });
    context.setDefaultTimeout(20_000);
    await sameOrigin(base);
    const bookingNumber = await customerBooks(context, base);
    await providerAccepts(context, base, bookingNumber);
    await hindiHome(context, base);
    log('all journeys passed');
  } finally {
    await context?.close().catch(() => undefined);
    await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[e2e ${elapsed()}] FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
