import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { hi } from '../../apps/web/src/i18n/hi';
import { CUSTOMER_PHONE, PROVIDER_PHONE, signIn } from '../lib/auth';
import { expectRead, openChatFromBooking, sendMessage } from '../lib/chat';
import type { Journey } from '../lib/journey';
import { log, shot } from '../lib/log';

/**
 * The customer's whole booking in the browser, paid in cash: a Hinglish search, the demo plumber booked,
 * the pro (second phone) accepts in /pro; the customer's booking page follows live (status, phone, start
 * code); they chat (she in English, he in Hindi; read ticks), the pro starts with the code and completes; the customer records the cash, the pro confirms
 * receipt, the customer reviews with the five ratings and a photo and sees the pro's rating change.
 */
export const customerCashJourney: Journey = {
  name: 'customer-cash',
  title: 'Hinglish search → book → pro accepts, starts with the code, completes → cash → review → rating changes',
  async run({ base, newContext }) {
    const customer = await newContext();
    const page = await signIn(customer, base, CUSTOMER_PHONE);
    const booked = await searchAndBook(page, { query: 'kal subah plumber chahiye', firstDay: 2, shotPrefix: 'cash' });
    const detail = await openBookingDetail(page, booked.bookingNumber);
    await shot(page, 'cash-03-booking-pending');

    const pro = await signIn(await newContext(), base, PROVIDER_PHONE, { landing: '/pro' });
    // The pro cannot make that time and offers another; the customer's page shows it and she accepts.
    const proposed = await proProposesAnotherTime(pro, booked.bookingNumber);
    await page.getByText(/^The pro proposed a new time: /).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Accept new time' }).click();
    await page.getByText(/^The pro proposed a new time: /).waitFor({ state: 'detached' });
    log(`customer accepted the pro's time ${proposed}`);
    await shot(page, 'cash-03a-new-time-accepted');
    await proAccepts(pro, booked.bookingNumber);
    await expectStatus(page, 'Confirmed');
    // Once confirmed the customer sees the pro's phone number.
    await page.getByRole('link', { name: /^Call \+91/ }).waitFor();
    const code = (await page.getByTestId('start-code').textContent())?.trim() ?? '';
    if (!/^\d{4}$/.test(code)) throw new Error(`no start code on the booking page: "${code}"`);
    await shot(page, 'cash-04-booking-confirmed');

    // Chat about the job, each in their own language (the pro's account is in Hindi).
    await openChatFromBooking(page, booked.bookingNumber);
    await sendMessage(page, 'The tap is leaking');
    await openChatFromBooking(pro, booked.bookingNumber);
    // Shown translated or as written with a translation toggle (the chat screen's choice): either way it arrived.
    await pro.locator('.chat-msg.theirs', { hasText: /The tap is leaking|नल टपक रहा है/ }).waitFor();
    await sendMessage(pro, 'मैं 30 मिनट में आऊंगा');
    await page.locator('.chat-msg.theirs', { hasText: /I will come in 30 minutes|मैं 30 मिनट में आऊंगा/ }).waitFor();
    log('customer and pro exchanged messages');
    await expectRead(page, 'The tap is leaking');
    await shot(page, 'cash-04b-chat');
    await page.goto(`${base}/bookings/${detail.bookingId}`);
    await pro.goto(`${base}/pro`);

    await proStartsAndCompletes(pro, booked.bookingNumber, code);
    await expectStatus(page, 'Completed');
    await page.getByText('The job is done. Pay and review').waitFor();

    // The UPI option: the pro's upi://pay link drawn as a QR code, and a button that opens a UPI app.
    const payment = page.locator('section.payment');
    await payment.getByLabel('UPI', { exact: true }).check();
    const qr = payment.getByTestId('upi-qr');
    await qr.locator('svg').waitFor();
    const upi = (await qr.getAttribute('data-payload')) ?? '';
    if (!/^upi:\/\/pay\?pa=[^&]+(@|%40)[^&]+&pn=.+&am=\d+\.\d{2}&cu=INR/.test(upi))
      throw new Error(`not a UPI payment link: ${upi}`);
    const open = await payment.getByRole('link', { name: 'Open UPI app' }).getAttribute('href');
    if (open !== upi) throw new Error(`the UPI app button opens ${open}, not ${upi}`);
    log(`UPI QR for ${upi}`);
    await shot(page, 'cash-05a-upi-qr');

    // Cash: the customer records it; the pro confirms receipt; the customer's page shows it paid.
    await payment.getByLabel('Cash', { exact: true }).check();
    await payment.getByRole('button', { name: /^I paid .* in cash$/ }).click();
    await page.getByTestId('payment-awaiting-pro').waitFor();
    await shot(page, 'cash-05-cash-recorded');
    await proConfirmsCashReceipt(pro, booked.bookingNumber);
    await page.locator('[data-testid="payment-receipt"][data-payment-status="COMPLETED"]').waitFor({ timeout: 40_000 });
    log(`cash payment completed: ${(await page.getByTestId('payment-receipt').textContent())?.slice(0, 100)}`);

    await reviewWithPhoto(page, booked.ratingBefore);
    await shot(page, 'cash-06-reviewed');
    await expectRatingChanged(page, booked.providerPath, booked.ratingBefore);
    await shot(page, 'cash-07-profile-after-review');
  },
};

export type Lang = 'en' | 'hi';
const dict = { en, hi } as Record<Lang, Record<string, string>>;
/** A UI string as the app shows it in `lang` (placeholders left as they are). */
export const text = (lang: Lang, key: keyof typeof en) => dict[lang][key]!;

export interface Booked {
  bookingNumber: string;
  /** /providers/<id> of the booked pro. */
  providerPath: string;
  /** The pro's rating line on the profile before anything in this journey, e.g. "4.8 ★ (120)". */
  ratingBefore: string;
}

/**
 * Searches near Lucknow, opens "Sharma Plumbing Works" (the demo plumber) and books the first free slot
 * from `firstDay` days ahead on (journeys share the demo plumber's calendar, so each starts on its own day
 * and moves on when the day is full). The default address of the demo customer is used.
 */
export async function searchAndBook(
  page: Page,
  opts: { query: string; firstDay: number; shotPrefix: string; lang?: Lang },
): Promise<Booked> {
  const lang = opts.lang ?? 'en';
  const tx = (k: keyof typeof en) => text(lang, k);
  await page.getByLabel(tx('home.query')).fill(opts.query);
  await page.getByLabel(tx('home.locality')).fill('Lucknow');
  await page.getByRole('button', { name: tx('home.findLocality'), exact: true }).click();
  const place = page.getByTestId('place');
  const choice = page.locator('.chip').first();
  await Promise.race([place.waitFor(), choice.waitFor()]);
  if (!(await place.isVisible())) await choice.click();
  await place.waitFor();
  await page.getByRole('button', { name: tx('home.search'), exact: true }).click();
  const result = page.locator('article.result', { hasText: 'Sharma Plumbing Works' }).first();
  await result.waitFor({ timeout: 30_000 });
  const understood = await page.getByText(tx('home.understood').replace(' {what}', '')).textContent();
  log(`search "${opts.query}": ${understood}`);
  await shot(page, `${opts.shotPrefix}-01-search`);
  await result.getByRole('link', { name: tx('result.view') }).click();
  await page.waitForURL(/\/providers\//);
  const providerPath = new URL(page.url()).pathname;
  await page.getByRole('heading', { name: tx('book.title') }).waitFor();
  const ratingBefore = ((await page.getByTestId('rating').textContent()) ?? '').trim();

  const days = page.locator('fieldset', { hasText: tx('book.date') }).locator('.chip');
  let booked = false;
  const slots = page.getByTestId('slots').locator('.chip');
  const none = page.getByText(tx('book.noSlots'));
  for (let i = opts.firstDay; i < (await days.count()) && !booked; i += 1) {
    if ((await days.nth(i).getAttribute('aria-pressed')) !== 'true') {
      // The old day's times go away when the new day's are asked for; wait for that answer.
      const answer = page.waitForResponse((r) => r.url().includes('/availability?') && r.url().includes(`date=${istDay(i)}`));
      await days.nth(i).click();
      await answer;
    }
    await slots.first().or(none).waitFor();
    if (await none.isVisible()) continue;
    await slots.first().click();
    booked = true;
  }
  if (!booked) throw new Error(`no free slot from day ${opts.firstDay} on`);
  await page.locator('input[name="address"]').first().waitFor();
  await page.getByRole('button', { name: tx('book.submit') }).click();
  const success = page.locator('.success');
  await success.waitFor({ timeout: 45_000 }).catch(async (err: unknown) => {
    await shot(page, `${opts.shotPrefix}-failed-booking`);
    throw new Error(`booking failed: ${(await page.locator('.error').allTextContents()).join(' | ') || String(err)}`);
  });
  const bookingNumber = /LP-[A-Z0-9]{3}-[A-Z0-9]{3}/.exec((await success.textContent()) ?? '')?.[0];
  if (!bookingNumber) throw new Error(`no booking number in: ${await success.textContent()}`);
  log(`booked ${bookingNumber} with ${providerPath} (rating before: ${ratingBefore})`);
  await shot(page, `${opts.shotPrefix}-02-booked`);
  return { bookingNumber, providerPath, ratingBefore };
}

/** The IST calendar date `n` days from now (the booking form's day chips start today). */
const istDay = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + n * 86_400_000),
  );

/** From My bookings, the card's "View details" → /bookings/<id>. */
export async function openBookingDetail(page: Page, bookingNumber: string, lang: Lang = 'en'): Promise<{ bookingId: string }> {
  await page
    .getByRole('link', { name: text(lang, 'nav.bookings') })
    .first()
    .click();
  await page.waitForURL(/\/bookings$/);
  const card = page.locator(`li[data-booking="${bookingNumber}"]`);
  await card.getByRole('link', { name: new RegExp(`#${bookingNumber}$`) }).click();
  await page.waitForURL(/\/bookings\/[0-9a-f-]{36}$/);
  await page.locator(`article[data-booking="${bookingNumber}"]`).waitFor();
  const bookingId = new URL(page.url()).pathname.split('/').pop()!;
  return { bookingId };
}

/** Waits (live updates or the safety poll) for the booking page's status pill. */
export async function expectStatus(page: Page, status: string): Promise<void> {
  await page
    .getByTestId('booking-status')
    .filter({ hasText: new RegExp(`^${status}$`) })
    .waitFor({ timeout: 40_000 })
    .catch(async (err: unknown) => {
      await shot(page, 'failed-booking-status');
      throw new Error(`booking status is "${await page.getByTestId('booking-status').textContent()}", wanted ${status}: ${err}`);
    });
  log(`customer sees: ${status}`);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A UI string in either language: the demo pro's account is in Hindi, so /pro may open in Hindi. */
export const either = (key: keyof typeof en) => new RegExp(`^(${escapeRegExp(en[key])}|${escapeRegExp(hi[key])})$`);

/** On /pro the pro offers the first free time from the day after tomorrow on, and sees it waiting. */
async function proProposesAnotherTime(pro: Page, bookingNumber: string): Promise<string> {
  const card = pro.locator(`[data-booking="${bookingNumber}"]`);
  await card.getByRole('button', { name: either('job.proposeTime') }).click({ timeout: 30_000 });
  const days = card.locator('fieldset').first().locator('.chip');
  const slots = card.getByTestId('reschedule-slots').locator('.chip');
  const none = card.getByText(either('book.noSlots'));
  for (let i = 2; i < (await days.count()); i += 1) {
    const answer = pro.waitForResponse((r) => r.url().includes('/availability?') && r.url().includes(`date=${istDay(i)}`));
    await days.nth(i).click();
    await answer;
    await slots.first().or(none).waitFor();
    if (await none.isVisible()) continue;
    const time = ((await slots.first().textContent()) ?? '').trim();
    await slots.first().click();
    await card.getByRole('button', { name: /^Propose |का प्रस्ताव दें$/ }).click();
    await card.getByText(/^You proposed |^आपने .* का प्रस्ताव दिया है/).waitFor();
    log(`pro proposed ${time} instead`);
    return time;
  }
  throw new Error('the pro has no free time to offer in the next week');
}

export async function proAccepts(pro: Page, bookingNumber: string): Promise<void> {
  const card = pro.locator(`[data-booking="${bookingNumber}"]`);
  await card.getByRole('button', { name: either('pro.accept') }).click({ timeout: 30_000 });
  await card.getByText(either('status.CONFIRMED')).first().waitFor();
  log(`pro accepted ${bookingNumber}`);
}

/** The pro enters the customer's code (the job need not be today) and marks the job completed. */
export async function proStartsAndCompletes(pro: Page, bookingNumber: string, code: string): Promise<void> {
  const card = pro.locator(`[data-booking="${bookingNumber}"]`);
  await card.getByLabel(either('pro.startCode')).fill(code);
  await card.getByRole('button', { name: either('pro.start') }).click();
  await card.getByText(either('status.IN_PROGRESS')).first().waitFor();
  log('pro started the job with the code');
  await shot(pro, 'pro-job-started');
  await card.getByRole('button', { name: either('pro.complete') }).click();
  // The card shows "completed" or leaves the list of open jobs: either way its Complete button is gone.
  await card.getByRole('button', { name: either('pro.complete') }).waitFor({ state: 'detached' });
  log('pro completed the job');
}

/** The pro confirms the cash the customer reported, under "Payments to collect" on /pro. */
async function proConfirmsCashReceipt(pro: Page, bookingNumber: string): Promise<void> {
  await pro.reload();
  const card = pro.locator(`li[data-booking="${bookingNumber}"]`);
  await card.locator('.pro-collect[data-payment="PENDING"]').waitFor({ timeout: 30_000 });
  await shot(pro, 'pro-collect-cash');
  await card.getByRole('button', { name: either('collect.confirm') }).click();
  // Settled payments leave the list.
  await card.waitFor({ state: 'detached' });
  log('pro confirmed the cash receipt in /pro');
}

const countOf = (rating: string) => Number(/\((\d+)\)/.exec(rating)?.[1] ?? 0);

/** Overall + the four dimensions, a comment and one photo; the review is published at once. */
export async function reviewWithPhoto(page: Page, ratingBefore: string, withPhoto = true): Promise<void> {
  const form = page.getByTestId('review-form');
  await form.waitFor();
  for (const [dimension, stars] of [
    ['overall', 5],
    ['quality', 5],
    ['punctuality', 4],
    ['professionalism', 5],
    ['value', 4],
  ] as const) {
    await form.locator(`fieldset[data-dimension="${dimension}"]`).getByLabel(`${stars} stars`).check();
  }
  await form.getByLabel('Tell others about the job').fill('Fixed the leaking tap in twenty minutes and left the kitchen clean.');
  if (withPhoto) {
    const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 200, height: 150 }, type: 'png' });
    await form.getByLabel(/^Photos of the work/).setInputFiles({ name: 'tap.png', mimeType: 'image/png', buffer: photo });
    await form.getByRole('button', { name: 'Remove photo 1' }).waitFor({ timeout: 30_000 });
  }
  await form.getByRole('button', { name: 'Post review' }).click();
  await page.locator('[data-testid="review-outcome"][data-moderation="PUBLISHED"]').waitFor();
  const now = (await page.getByTestId('provider-rating').textContent()) ?? '';
  log(`review published; the booking page says: ${now} (before: ${ratingBefore})`);
  const count = Number(/\((\d+)/.exec(now)?.[1] ?? -1);
  if (count !== countOf(ratingBefore) + 1) throw new Error(`the rating count did not go up by one: ${ratingBefore} → ${now}`);
}

/** The pro's public profile shows one more rating than before the journey. */
export async function expectRatingChanged(page: Page, providerPath: string, ratingBefore: string): Promise<void> {
  await page.getByRole('link', { name: 'See the pro’s profile' }).click();
  await page.waitForURL(new RegExp(`${providerPath}$`));
  const after = ((await page.getByTestId('rating').textContent()) ?? '').trim();
  if (countOf(after) !== countOf(ratingBefore) + 1) throw new Error(`profile rating ${ratingBefore} → ${after}`);
  log(`profile rating ${ratingBefore} → ${after}; ${await page.getByTestId('reputation').textContent()}`);
}
