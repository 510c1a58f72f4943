import type { BrowserContext } from 'playwright-core';
import { CUSTOMER_PHONE, PROVIDER_PHONE, signIn } from '../lib/auth';
import type { Journey } from '../lib/journey';
import { log, shot } from '../lib/log';

/**
 * A customer signs in with the code from the dev inbox, searches "kal subah plumber" near Lucknow, opens
 * the first provider, books a free slot at a saved address and sees it in My bookings with its start code;
 * the demo provider signs in on a second phone (browser context) and accepts it in /pro.
 */
export const customerBooksJourney: Journey = {
  name: 'customer-books',
  title: 'customer searches in Hinglish and books; the provider accepts',
  async run({ base, newContext }) {
    const customer = await newContext();
    const bookingNumber = await customerBooks(customer, base);
    const provider = await newContext();
    await providerAccepts(provider, base, bookingNumber);
  },
};

export async function customerBooks(context: BrowserContext, base: string): Promise<string> {
  const page = await signIn(context, base, CUSTOMER_PHONE, { shots: { code: '01-login-code', inbox: '02-dev-inbox' } });
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
export async function providerAccepts(context: BrowserContext, base: string, bookingNumber: string): Promise<void> {
  const page = await signIn(context, base, PROVIDER_PHONE, { landing: '/pro' });
  await page.getByRole('heading', { name: 'New requests' }).waitFor();
  const card = page.locator(`[data-booking="${bookingNumber}"]`);
  await card.getByRole('button', { name: 'Accept' }).click();
  await card.getByText('Confirmed').waitFor();
  log(`provider accepted ${bookingNumber}`);
  await shot(page, '08-pro-dashboard');
  await page.close();
}
