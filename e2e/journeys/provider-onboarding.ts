import { crc32, deflateSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { verhoeffCheckDigit } from '../../apps/server/src/integrations/kyc/verhoeff';
import { adminSession } from '../lib/admin-api';
import { codeFromInbox, PROVIDER_PHONE, signIn } from '../lib/auth';
import type { Journey } from '../lib/journey';
import { log, shot } from '../lib/log';

/**
 * Journey 3: a new provider signs up with a fresh phone number, completes every onboarding step in the
 * browser (basic info, business, service area by locality, prices, hours, photos, Aadhaar e-KYC with the
 * sandbox OTP from the dev inbox, background check paid in the sandbox checkout), submits, sees "Under
 * review"; the admin approves through the admin API (OTP + TOTP); the provider sees "Approved", the
 * dashboard opens, and the new provider is found by search and has a public profile.
 */
export const providerOnboardingJourney: Journey = {
  name: 'provider-onboarding',
  title: 'a new provider signs up, onboards with e-KYC, is approved by the admin and appears in search',
  async run({ base, newContext }) {
    const phone = `+9197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const businessName = `Verma Pipe Care ${Date.now().toString(36).slice(-4)}`;
    const provider = await newContext();
    const page = await signUpAsProvider(provider, base, phone);
    await onboard(provider, page, base, phone, businessName);

    const providerId = await adminApproves(base, phone);
    await seesApproved(page);
    await worksAJob(provider, page, base, providerId);
    await looksAround(page);
    const customer = await newContext();
    await appearsInSearch(customer, base, providerId, businessName);
    const demo = await newContext();
    await demoProviderWithdraws(demo, base);
  },
};

async function signUpAsProvider(context: BrowserContext, base: string, phone: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/pro`);
  await page.getByRole('link', { name: 'Sign up as a pro' }).click();
  await page.waitForURL(/\/login\?role=provider/);
  await page.getByLabel('Mobile number').fill(phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByLabel('6-digit code').waitFor();
  const code = await codeFromInbox(context, base, phone);
  await page.getByLabel('6-digit code').fill(code);
  // Coming from /pro, the new-account role choice is already "I offer services".
  if (!(await page.getByLabel('I offer services').isChecked()))
    throw new Error('the sign-up did not preselect the provider role');
  await shot(page, 'pro-01-signup-code');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/pro\/onboarding\?step=basic/, { timeout: 30_000 });
  log(`signed up as a new provider ${phone}; landed in onboarding`);
  return page;
}

const stepHeading = (page: Page, name: string) => page.getByRole('heading', { name, level: 2, exact: true });
const saveAndContinue = (page: Page) => page.getByRole('button', { name: 'Save and continue' }).click();

async function onboard(context: BrowserContext, page: Page, base: string, phone: string, businessName: string) {
  // 1. About you
  await stepHeading(page, 'About you').waitFor();
  await page.getByLabel('Full name').fill('Ramesh Verma');
  await page.getByLabel('Email (optional)').fill('ramesh.verma@example.com');
  await page.getByLabel('Date of birth').fill('1988-04-12');
  await shot(page, 'pro-02-onboarding-basic');
  await saveAndContinue(page);

  // 2. Business details
  await stepHeading(page, 'Business details').waitFor();
  await page.getByLabel('Business name').fill(businessName);
  await page
    .getByLabel('About your work (what customers should know)')
    .fill('Leaks, taps and bathroom fittings. 12 years in Lucknow.');
  await page.getByLabel('Category').selectOption({ label: 'Plumbing' });
  await page.getByLabel('Tap repair').check();
  await page.getByLabel('Pipe leak repair').check();
  await page.getByLabel('UPI ID (optional, for direct payments)').fill('rameshverma@okaxis');
  await shot(page, 'pro-03-onboarding-business');
  await saveAndContinue(page);

  // 3. Service area: base by locality (geocoded), radius, one more locality, a pincode
  await stepHeading(page, 'Service area').waitFor();
  const baseSearch = page.locator('.pro-locality').first();
  await baseSearch.getByLabel('Your locality').fill('Gomti Nagar');
  await baseSearch.getByRole('button', { name: 'Find' }).click();
  await baseSearch.getByRole('button', { name: 'Gomti Nagar, Lucknow', exact: true }).click();
  await page.getByTestId('base-location').waitFor();
  await page.getByLabel(/How far you travel/).fill('10');
  const more = page.locator('.pro-locality').nth(1);
  await more.getByLabel('Add a locality').fill('Hazratganj');
  await more.getByRole('button', { name: 'Find' }).click();
  await more.locator('.chip').first().click();
  await page.getByLabel('Pincodes you serve (optional)').fill('226010, 226001');
  await shot(page, 'pro-04-onboarding-area');
  await saveAndContinue(page);

  // 4. Prices in rupees (the API gets paise)
  await stepHeading(page, 'Services and prices').waitFor();
  await page.getByLabel('Price for Tap repair (₹)').fill('249');
  await page.getByLabel('Price for Pipe leak repair (₹)').fill('399.50');
  await shot(page, 'pro-05-onboarding-prices');
  await saveAndContinue(page);

  // 5. Working hours (Mon–Sat 9–6 preset; Saturday ends early)
  await stepHeading(page, 'Working hours').waitFor();
  const saturday = page.locator('fieldset[data-day="6"]');
  await saturday.getByLabel('To').fill('14:00');
  await shot(page, 'pro-06-onboarding-hours');
  await saveAndContinue(page);

  // 6. Photos and documents through the upload pipeline
  await stepHeading(page, 'Photos and documents').waitFor();
  await page
    .getByLabel('Choose a profile photo')
    .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png(240, 240, 0) });
  await page.getByRole('img', { name: 'Your profile photo' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Add work photos').setInputFiles({ name: 'work.png', mimeType: 'image/png', buffer: png(320, 200, 1) });
  await page.getByRole('img', { name: 'A photo of your work' }).waitFor({ timeout: 30_000 });
  await shot(page, 'pro-07-onboarding-photos');
  await page.getByRole('button', { name: 'Continue' }).click();

  // 7. Aadhaar e-KYC: OTP to the Aadhaar-linked mobile (sandbox: the provider's phone, in the dev inbox)
  await stepHeading(page, 'Aadhaar e-KYC').waitFor();
  const aadhaar = testAadhaar();
  await page.getByLabel('Aadhaar number (12 digits)').fill(aadhaar);
  await shot(page, 'pro-08-onboarding-kyc-number');
  await page.getByRole('button', { name: 'Send OTP' }).click();
  await page.getByLabel('Aadhaar OTP (6 digits)').waitFor();
  const otp = await aadhaarOtpFromInbox(context, base, phone);
  await page.getByLabel('Aadhaar OTP (6 digits)').fill(otp);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  const verified = page.getByText(/Aadhaar verified: XXXX-XXXX-\d{4}/);
  await verified.waitFor({ timeout: 30_000 });
  const html = await page.content();
  if (html.includes(aadhaar) || html.includes(aadhaar.replace(/(\d{4})(?=\d)/g, '$1 '))) {
    throw new Error('the full Aadhaar number is still on the page after verification');
  }
  log(`e-KYC: ${await verified.textContent()}`);
  await shot(page, 'pro-09-onboarding-kyc-verified');
  await page.getByRole('button', { name: 'Continue' }).click();

  // 8. Background check: the fee is paid in the sandbox checkout window
  await stepHeading(page, 'Background check').waitFor();
  await page.getByText(/^Fee: ₹/).waitFor();
  await shot(page, 'pro-10-onboarding-background');
  const [checkout] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Pay fee and start the check' }).click(),
  ]);
  await checkout.getByRole('button', { name: /Pay \(success\)/ }).click();
  await checkout.getByText(/Payment successful/).waitFor();
  await shot(checkout, 'pro-11-sandbox-checkout');
  await page.locator('.pro-bg-status[data-status="IN_PROGRESS"]').waitFor({ timeout: 30_000 });
  await checkout.close();
  log('background check fee paid; check in progress');
  await page.getByRole('button', { name: 'Continue' }).click();

  // 9. Checklist complete → submit → "Under review"
  await stepHeading(page, 'Submit for review').waitFor();
  const missing = await page.locator('.pro-checklist li.missing').count();
  if (missing > 0) throw new Error(`${missing} checklist items still missing before submit`);
  await shot(page, 'pro-12-onboarding-submit');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.waitForURL(/\/pro\/status/);
  await page.locator('.pro-status-label', { hasText: 'Under review' }).waitFor();
  await shot(page, 'pro-13-status-under-review');
  log('submitted for review');
}

/** The admin signs in through the API (OTP + TOTP) and approves the provider with this phone. */
async function adminApproves(base: string, phone: string): Promise<string> {
  const admin = await adminSession(base);
  const queue = await admin.request<{ items: { id: string; phone: string; checklist: { complete: boolean } }[] }>(
    '/admin/providers?status=PENDING_REVIEW&limit=100',
  );
  const mine = queue.items.find((p) => p.phone === phone);
  if (!mine) throw new Error(`${phone} is not in the admin review queue (${queue.items.length} waiting)`);
  if (!mine.checklist.complete) throw new Error('the admin sees an incomplete checklist');
  const changed = await admin.request<{ status: string }>(`/admin/providers/${mine.id}/approve`, {
    method: 'POST',
    json: { reason: 'Documents and e-KYC look good' },
  });
  if (changed.status !== 'APPROVED') throw new Error(`approve answered ${changed.status}`);
  log(`admin approved provider ${mine.id}`);
  return mine.id;
}

async function seesApproved(page: Page) {
  const approved = page.locator('.pro-status-label', { hasText: 'Approved' });
  // The decision arrives as a live notification; a reload is what a person would do otherwise.
  await approved.waitFor({ timeout: 15_000 }).catch(async () => {
    await page.reload();
    await approved.waitFor();
  });
  await shot(page, 'pro-14-status-approved');
  await page.getByRole('link', { name: 'Go to my jobs' }).click();
  await page.waitForURL(/\/pro$/);
  await page.getByRole('heading', { name: 'New requests' }).waitFor();
  await shot(page, 'pro-15-dashboard');
}

interface ApiCustomer {
  token: string;
  call: <T>(path: string, init?: { method?: string; json?: unknown }) => Promise<T>;
}

/** A fresh customer on another phone, signed in through the API (OTP from the dev outbox). */
async function apiCustomer(base: string): Promise<ApiCustomer> {
  const phone = `+9196${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const raw = async (path: string, init: { method?: string; json?: unknown; token?: string } = {}) => {
    const res = await fetch(`${base}/api${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  await raw('/auth/otp/request', { json: { phone } });
  let code: string | undefined;
  for (let i = 0; i < 60 && !code; i++) {
    const { items } = (await raw(`/dev/outbox?to=${encodeURIComponent(phone)}`)) as { items: { body: string }[] };
    code = items.map((m) => /(\d{6}) is your/.exec(m.body)?.[1]).find(Boolean);
    if (!code) await new Promise((r) => setTimeout(r, 300));
  }
  if (!code) throw new Error('no login code for the API customer');
  const pair = (await raw('/auth/otp/verify', { json: { phone, code, role: 'CUSTOMER' } })) as { accessToken: string };
  return {
    token: pair.accessToken,
    call: async <T>(path: string, init = {}) => (await raw(path, { ...init, token: pair.accessToken })) as T,
  };
}

/**
 * The new pro's first job on the dashboard: a customer books (through the API), the request shows with
 * its countdown, the pro accepts, taps "On my way" (live location from the browser), types a wrong start
 * code (clear error), then the customer's code, and completes the job.
 */
async function worksAJob(context: BrowserContext, page: Page, base: string, providerId: string) {
  const customer = await apiCustomer(base);
  const profile = await customer.call<{ services: { subCategoryId: string; name: string }[] }>(`/providers/${providerId}`);
  const tap = profile.services.find((s) => s.name === 'Tap repair');
  if (!tap) throw new Error('the new provider offers no Tap repair');
  let slot: string | undefined;
  for (let d = 1; d <= 8 && !slot; d++) {
    const date = new Date(Date.now() + 5.5 * 3_600_000 + d * 86_400_000).toISOString().slice(0, 10);
    const a = await customer.call<{ slots: { start: string }[] }>(
      `/providers/${providerId}/availability?date=${date}&subCategoryId=${tap.subCategoryId}`,
    );
    slot = a.slots[0]?.start;
  }
  if (!slot) throw new Error('no free slot for the new provider in the next 8 days');
  const booking = await customer.call<{ id: string; bookingNumber: string; startCode: string }>('/bookings', {
    json: {
      providerId,
      subCategoryId: tap.subCategoryId,
      scheduledStart: slot,
      serviceLocation: { address: '5/12 Vibhuti Khand, Gomti Nagar, Lucknow', lat: 26.8612, lng: 81.0046 },
    },
  });
  log(`a customer requested ${booking.bookingNumber} for ${slot}`);

  const card = page.locator(`[data-booking="${booking.bookingNumber}"]`);
  // The request arrives live (booking:updated); reload if the socket was slower than a person.
  await card.waitFor({ timeout: 10_000 }).catch(async () => {
    await page.reload();
    await card.waitFor();
  });
  const timer = card.getByRole('timer');
  await timer.waitFor();
  const before = Number(await timer.getAttribute('data-seconds-left'));
  await page.waitForTimeout(1_500);
  const after = Number(await timer.getAttribute('data-seconds-left'));
  if (!(before > 0 && after < before)) throw new Error(`the expiry countdown does not run (${before} → ${after})`);
  log(`countdown: ${await timer.textContent()}`);
  await shot(page, 'pro-16-dashboard-request');

  await card.getByRole('button', { name: 'Accept' }).click();
  await card.getByText('Confirmed').waitFor();
  await card.getByText(/^Scheduled for /).waitFor();

  await context.grantPermissions(['geolocation'], { origin: base });
  await context.setGeolocation({ latitude: 26.85, longitude: 81.0 });
  await card.getByRole('button', { name: 'On my way' }).click();
  await card.getByText(/1 updates sent|\d+ updates sent/).waitFor({ timeout: 20_000 });
  await shot(page, 'pro-17-dashboard-on-my-way');

  const wrong = booking.startCode === '0000' ? '1111' : '0000';
  await card.getByLabel("Customer's 4-digit code").fill(wrong);
  await card.getByRole('button', { name: 'Start job' }).click();
  await card.getByText('That code is not right.', { exact: false }).waitFor();
  await card.getByText(/tries left/).waitFor();
  await shot(page, 'pro-18-dashboard-wrong-code');
  await card.getByLabel("Customer's 4-digit code").fill(booking.startCode);
  await card.getByRole('button', { name: 'Start job' }).click();
  await card.getByText('In progress').waitFor();
  if (await card.getByText('Sharing your live location').isVisible()) throw new Error('location sharing did not stop at start');
  await card.getByRole('button', { name: 'Mark completed' }).click();
  await card.waitFor({ state: 'detached' }).catch(() => card.getByText('Completed').waitFor());
  const done = await customer.call<{ status: string }>(`/bookings/${booking.id}`);
  if (done.status !== 'COMPLETED') throw new Error(`the job ended ${done.status}`);
  log(`the new pro accepted, went on the way, started with the code and completed ${booking.bookingNumber}`);
}

async function looksAround(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Provider menu' });
  await nav.getByRole('link', { name: 'Earnings' }).click();
  await page.getByRole('heading', { name: 'Earnings', level: 1 }).waitFor();
  await page.getByTestId('available').waitFor();
  await shot(page, 'pro-19-earnings');
  await nav.getByRole('link', { name: 'Reviews' }).click();
  await page.getByTestId('reputation-score').waitFor();
  await shot(page, 'pro-20-reviews-reputation');
  await nav.getByRole('link', { name: 'Availability' }).click();
  await page.getByRole('heading', { name: 'Time off', exact: true }).waitFor();
  await page.getByLabel('From (India time)').fill('2030-01-10T09:00');
  await page.getByLabel('Until (India time)').fill('2030-01-12T18:00');
  await page.getByLabel('Reason (optional, only you see it)').fill('Family wedding');
  await page.getByRole('button', { name: 'Add time off' }).last().click();
  await page.locator('.pro-timeoff li', { hasText: 'Family wedding' }).waitFor();
  await shot(page, 'pro-21-availability');
}

/** Search by the new provider's service near their base finds them; the public profile opens. */
async function appearsInSearch(context: BrowserContext, base: string, providerId: string, businessName: string) {
  const gomtiNagar = { lat: 26.85, lng: 81 };
  let found = false;
  for (let attempt = 0; attempt < 15 && !found; attempt++) {
    let cursor: string | undefined;
    for (let pageNo = 0; pageNo < 20; pageNo++) {
      const res = await fetch(`${base}/api/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'tap repair', location: gomtiNagar, ...(cursor ? { cursor } : {}) }),
      });
      if (!res.ok) throw new Error(`search failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { results: { provider: { id: string } }[]; nextCursor: string | null };
      if (body.results.some((r) => r.provider.id === providerId)) {
        found = true;
        log(`search "tap repair" near Gomti Nagar finds the new provider (page ${pageNo + 1})`);
        break;
      }
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    if (!found) await new Promise((r) => setTimeout(r, 2_000));
  }
  if (!found) throw new Error('the approved provider does not appear in search');
  const page = await context.newPage();
  await page.goto(`${base}/providers/${providerId}`);
  await page.getByRole('heading', { name: businessName }).waitFor();
  await shot(page, 'pro-22-public-profile');
}

/** The demo provider (earnings from seeded jobs) withdraws ₹500 and downloads an invoice from Earnings. */
async function demoProviderWithdraws(context: BrowserContext, base: string) {
  // The demo pro's account is in Hindi; this browser has chosen English (the switch remembers it).
  await context.addInitScript(() => {
    if (!window.localStorage.getItem('lp.lang')) window.localStorage.setItem('lp.lang', 'en');
  });
  const page = await signIn(context, base, PROVIDER_PHONE, { landing: '/pro' });
  await page.getByRole('heading', { name: 'Payments to collect' }).waitFor();
  await shot(page, 'pro-23-demo-dashboard');
  await page.getByRole('navigation', { name: 'Provider menu' }).getByRole('link', { name: 'Earnings' }).click();
  const available = page.getByTestId('available');
  await available.waitFor();
  log(`demo provider: available ${await available.textContent()}`);
  await page.getByLabel('Amount (₹)').fill('500');
  await page.getByRole('button', { name: 'Request withdrawal' }).click();
  await page.getByText(/Withdrawal of ₹500 requested/).waitFor();
  await page.locator('.pro-ledger [data-status="REQUESTED"]').first().waitFor();
  await shot(page, 'pro-24-earnings-withdrawal');
  // Invoices exist for paid jobs; try the newest completed jobs until one downloads.
  const buttons = page.getByRole('button', { name: /^Download the invoice for booking / });
  let name: string | null = null;
  for (let i = 0; i < Math.min(5, await buttons.count()) && !name; i++) {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }).catch(() => null),
      buttons.nth(i).click(),
    ]);
    name = download?.suggestedFilename() ?? null;
  }
  if (!name || !/^invoice-.+\.pdf$/.test(name)) throw new Error(`no invoice downloaded (${name})`);
  log(`invoice downloaded: ${name}`);
  await page.close();
}

/** The sandbox e-KYC OTP, read in the dev inbox page like a developer would. */
async function aadhaarOtpFromInbox(context: BrowserContext, base: string, phone: string): Promise<string> {
  const inbox = await context.newPage();
  await inbox.goto(`${base}/dev/inbox?to=${encodeURIComponent(phone)}`);
  const item = inbox.locator('.outbox-item', { hasText: /is your Aadhaar verification OTP/ }).first();
  await item.waitFor({ timeout: 30_000 });
  const otp = /(\d{6}) is your Aadhaar/.exec((await item.textContent()) ?? '')?.[1];
  await inbox.close();
  if (!otp) throw new Error('no Aadhaar OTP in the dev inbox');
  return otp;
}

// ---- test data made here (no fixtures on disk) ----

/** A Verhoeff-valid 12-digit test number (the sandbox's 9999… range, never a real Aadhaar; not …0000). */
function testAadhaar(): string {
  for (;;) {
    const body = `9999${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const n = body + verhoeffCheckDigit(body);
    if (!n.endsWith('0000')) return n;
  }
}

/** A small RGB PNG (a coloured gradient), built with zlib only. */
function png(width: number, height: number, variant: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const o = row + 1 + x * 3;
      raw[o] = variant ? 40 : (x * 255) / width;
      raw[o + 1] = (y * 255) / height;
      raw[o + 2] = variant ? (x * 255) / width : 120;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
