import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { hi } from '../../apps/web/src/i18n/hi';
import { CUSTOMER_PHONE, signIn } from '../lib/auth';
import type { Journey } from '../lib/journey';
import { log, shot } from '../lib/log';
import { openBookingDetail, searchAndBook } from './customer-cash';

/**
 * The Hindi UI end to end for one journey: the customer switches to हिन्दी, searches "कल सुबह प्लंबर",
 * books the demo plumber for tomorrow and follows the booking in My bookings and on its page — every
 * screen in Hindi, with no English UI text left over. Runs last: switching the language also saves it
 * on the account (it is switched back at the end).
 */
export const hindiJourney: Journey = {
  name: 'hindi',
  title: 'Hindi UI: switch to हिन्दी, search "कल सुबह प्लंबर", book, My bookings and the booking page in Hindi',
  async run({ base, newContext }) {
    const context = await newContext({ locale: 'hi-IN' });
    const page = await signIn(context, base, CUSTOMER_PHONE);
    await page.getByRole('button', { name: 'Switch the language to Hindi' }).click();
    await page.getByRole('heading', { name: hi['home.title'] }).waitFor();
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'hi') throw new Error('html lang is not hi');
    await expectNoEnglish(page, 'home');

    const booked = await searchAndBook(page, { query: 'कल सुबह प्लंबर', firstDay: 1, shotPrefix: 'hindi', lang: 'hi' });
    await expectNoEnglish(page, 'provider page after booking');

    await page.getByRole('link', { name: hi['nav.bookings'] }).first().click();
    await page.getByRole('heading', { name: hi['bookings.title'] }).waitFor();
    const card = page.locator(`li[data-booking="${booked.bookingNumber}"]`);
    await card.getByText(hi['status.PENDING']).waitFor();
    await card.getByText(hi['bookings.startCodeHint']).waitFor();
    await expectNoEnglish(page, 'My bookings');
    await shot(page, 'hindi-03-my-bookings');

    await openBookingDetail(page, booked.bookingNumber, 'hi');
    await page.getByTestId('booking-status').filter({ hasText: hi['status.PENDING'] }).waitFor();
    await page.getByRole('heading', { name: hi['booking.startCode'] }).waitFor();
    await page.getByRole('heading', { name: hi['booking.timeline'] }).waitFor();
    await page.getByText(hi['event.REQUESTED']).waitFor();
    await expectNoEnglish(page, 'booking page');
    await shot(page, 'hindi-04-booking-page');

    // Back to English, for the account's saved language too.
    await page.getByRole('button', { name: hi['lang.switchLabel'] }).click();
    await page.getByRole('heading', { name: en['booking.startCode'] }).waitFor();
    log('Hindi journey: home, search, profile, booking, My bookings and the booking page all in Hindi');
  },
};

/**
 * Fails when any English UI string (a message whose Hindi differs) shows in the page's main content,
 * and when the content has no Devanagari at all. Data (names, addresses, service names) is not UI text.
 */
async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const shown = (await page.locator('main').textContent()) ?? '';
  if (!/[\u0900-\u097F]/.test(shown)) throw new Error(`${where}: no Hindi text at all`);
  const words = (part: string) => new RegExp(`(^|[^\\p{L}])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
  const leftovers = Object.entries(en)
    // Customer screens: the admin console's and the pro area's own strings are not expected here.
    .filter(([key, value]) => !/^(admin|onb|pro[A-Z.-]|dash|job)/.test(key) && hi[key as keyof typeof hi] !== value)
    // Whole messages, and the static pieces of templated ones ("Start code: {code}" → "Start code:") when
    // they are at least two words (a lone word between placeholders may well be in the data).
    .flatMap(([, value]) => {
      const parts = value.split(/\{\w+\}/).map((part) => part.trim());
      return parts.length === 1 ? parts : parts.filter((part) => /\p{L}+\s+\p{L}+/u.test(part));
    })
    .filter((part) => part.length >= 5 && /[a-z]{3}/i.test(part) && words(part).test(shown));
  if (leftovers.length) {
    await shot(page, `failed-hindi-${where.replace(/\W+/g, '-')}`);
    throw new Error(`${where}: English UI text in the Hindi UI: ${[...new Set(leftovers)].join(' | ')}`);
  }
  log(`${where}: Hindi only`);
}
