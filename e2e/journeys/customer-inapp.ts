import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { CUSTOMER_PHONE, PROVIDER_PHONE, signIn } from '../lib/auth';
import type { Journey } from '../lib/journey';
import { log, shot } from '../lib/log';
import {
  either,
  expectRatingChanged,
  expectStatus,
  openBookingDetail,
  proAccepts,
  proStartsAndCompletes,
  reviewWithPhoto,
  searchAndBook,
} from './customer-cash';

/**
 * The same booking paid in the app: after the job the customer pays through the sandbox gateway's
 * checkout page (a popup, as a real gateway's would be), the page shows the payment held in escrow,
 * the customer confirms the job (the money is released to the pro), downloads the invoice (a real
 * PDF), reviews, and sees the pro's rating change.
 */
export const customerInAppJourney: Journey = {
  name: 'customer-inapp',
  title: 'book → pro accepts, starts, completes → in-app sandbox checkout → escrow released → invoice PDF → review',
  async run({ base, newContext }) {
    const customer = await newContext();
    const page = await signIn(customer, base, CUSTOMER_PHONE);
    const booked = await searchAndBook(page, { query: 'plumber near me', firstDay: 3, shotPrefix: 'inapp' });
    await openBookingDetail(page, booked.bookingNumber);

    const pro = await signIn(await newContext(), base, PROVIDER_PHONE, { landing: '/pro' });
    await proAccepts(pro, booked.bookingNumber);
    await expectStatus(page, 'Confirmed');
    await proOnMyWay(pro, page, base, booked.bookingNumber);
    const code = (await page.getByTestId('start-code').textContent())?.trim() ?? '';
    await proStartsAndCompletes(pro, booked.bookingNumber, code);
    await expectStatus(page, 'Completed');

    // In-app: the gateway's checkout opens in a popup; paying there posts the result back to this page.
    const payment = page.locator('section.payment');
    await payment.getByLabel('In the app', { exact: true }).check();
    await shot(page, 'inapp-03-pay-options');
    const [checkout] = await Promise.all([
      customer.waitForEvent('page'),
      payment.getByRole('button', { name: /^Pay .* now$/ }).click(),
    ]);
    await checkout.waitForLoadState();
    await checkout.getByText('Test mode').waitFor();
    await shot(checkout, 'inapp-04-sandbox-checkout');
    await checkout.getByRole('button', { name: /^Pay \(success\)/ }).click();
    await checkout.getByText('Payment successful').waitFor();
    log('paid on the sandbox checkout page');
    const receipt = page.locator('[data-testid="payment-receipt"][data-payment-status="CAPTURED"]');
    await receipt.waitFor({ timeout: 30_000 });
    log(`customer sees: ${await receipt.textContent()}`);
    await checkout.close();
    await shot(page, 'inapp-05-payment-captured');

    // Confirming the job releases the escrow to the pro.
    await page.getByRole('button', { name: 'Confirm the job is done' }).click();
    await page.locator('[data-testid="payment-receipt"][data-payment-status="COMPLETED"]').waitFor({ timeout: 30_000 });
    await page.getByText('passed to the pro').waitFor();
    log('escrow released after the customer confirmed the job');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download invoice (PDF)' }).click(),
    ]);
    const file = await download.path();
    const bytes = await readFile(file);
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new Error(`the invoice is not a PDF: ${bytes.subarray(0, 16)}`);
    log(`invoice ${download.suggestedFilename()} downloaded: ${bytes.length} bytes of PDF`);
    await shot(page, 'inapp-06-paid-confirmed');

    await reviewWithPhoto(page, booked.ratingBefore, false);
    await expectRatingChanged(page, booked.providerPath, booked.ratingBefore);
    await shot(page, 'inapp-07-profile-after-review');
  },
};

/**
 * "On my way": the pro's phone shares its position (the browser's geolocation, moved a little every few
 * seconds as a phone on a scooter would be) and the customer's booking page shows the distance and ETA.
 */
async function proOnMyWay(pro: Page, customer: Page, base: string, bookingNumber: string): Promise<void> {
  await pro.context().grantPermissions(['geolocation'], { origin: base });
  let lat = 26.82;
  await pro.context().setGeolocation({ latitude: lat, longitude: 80.94 });
  await pro
    .locator(`[data-booking="${bookingNumber}"]`)
    .getByRole('button', { name: either('job.onMyWay') })
    .click();
  const tracking = customer.getByTestId('tracking');
  await tracking.waitFor({ timeout: 30_000 });
  const away = tracking.getByText(/km away/);
  for (let i = 0; i < 12 && !(await away.isVisible()); i += 1) {
    lat += 0.002;
    await pro.context().setGeolocation({ latitude: lat, longitude: 80.94 });
    await away.waitFor({ timeout: 3_000 }).catch(() => undefined);
  }
  await away.waitFor({ timeout: 5_000 });
  log(`customer sees the pro on the way: ${(await tracking.locator('.tracking-eta').textContent())?.trim()}`);
  await shot(customer, 'inapp-02b-tracking');
  // Reopening the page shows the last point at once (GET /bookings/:id/location), not "waiting".
  await customer.reload();
  await customer
    .getByTestId('tracking')
    .getByText(/km away/)
    .waitFor({ timeout: 10_000 });
  log('after a reload the customer still sees where the pro is');
}
