import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRazorpayFake } from '../../apps/server/src/integrations/payments/fakes/razorpay-fake';
import { CUSTOMER_PHONE, PROVIDER_PHONE, signIn } from '../lib/auth';
import type { Journey } from '../lib/journey';
import { log, shot } from '../lib/log';
import { freePort, startServer, stopServer } from '../lib/server';
import { expectStatus, openBookingDetail, proAccepts, searchAndBook } from './customer-cash';

const creds = { keyId: 'rzp_test_e2e', keySecret: 'e2e-key-secret', webhookSecret: 'e2e-webhook-secret' };

/**
 * The platform configured for Razorpay (its own server on a fresh data directory, talking to a local
 * fake of Razorpay's API that also serves a stand-in for Standard Checkout's checkout.js): the booking
 * page loads the checkout script, opens `new Razorpay({ key, order_id, … })`, a failed payment says so
 * and offers the checkout again, and a successful one is verified by the server and held in escrow.
 */
export const customerRazorpayJourney: Journey = {
  name: 'customer-razorpay',
  title: 'PAYMENT_GATEWAY=razorpay: Standard Checkout (checkout.js) → failed attempt → paid → verified → in escrow',
  async run({ newContext }) {
    const fake = await startRazorpayFake(creds);
    const dataDir = mkdtempSync(join(tmpdir(), 'localpro-e2e-razorpay-'));
    const server = startServer(await freePort(), dataDir, {
      PAYMENT_GATEWAY: 'razorpay',
      RAZORPAY_KEY_ID: creds.keyId,
      RAZORPAY_KEY_SECRET: creds.keySecret,
      RAZORPAY_WEBHOOK_SECRET: creds.webhookSecret,
      RAZORPAY_BASE_URL: fake.url,
      RAZORPAY_CHECKOUT_URL: `${fake.url}/v1/checkout.js`,
    });
    try {
      const base = await server.ready;
      log(`a second server, on Razorpay (fake at ${fake.url}), is ready at ${base}`);
      const customer = await newContext();
      const page = await signIn(customer, base, CUSTOMER_PHONE);
      const booked = await searchAndBook(page, { query: 'plumber near me', firstDay: 2, shotPrefix: 'rzp' });
      await openBookingDetail(page, booked.bookingNumber);
      const pro = await signIn(await newContext(), base, PROVIDER_PHONE, { landing: '/pro' });
      await proAccepts(pro, booked.bookingNumber);
      await expectStatus(page, 'Confirmed');

      const payment = page.locator('section.payment');
      await payment.getByLabel('In the app', { exact: true }).check();
      await payment.getByRole('button', { name: /^Pay .* now$/ }).click();
      const checkout = page.getByRole('dialog', { name: 'Razorpay Checkout (test)' });
      await checkout.waitFor({ timeout: 30_000 });
      // The page fills in the payer's phone, so Razorpay does not ask for it again.
      await checkout.getByText(`Contact: ${CUSTOMER_PHONE}`).waitFor();
      const order = fake.requests.find((r) => r.method === 'POST' && r.path === '/v1/orders');
      if (!order) throw new Error('the server did not create a Razorpay order');
      log(`Razorpay order created for ${order.body.amount} paise; checkout.js opened it`);
      await shot(page, 'rzp-03-checkout');

      await checkout.getByRole('button', { name: 'Fail the payment (test)' }).click();
      await payment.getByText('The payment did not go through').waitFor();
      log('a failed payment is reported, and the checkout can be opened again');
      await payment.getByRole('button', { name: 'Open the checkout again' }).click();
      await checkout.getByRole('button', { name: 'Pay with UPI (test)' }).click();
      const receipt = page.locator('[data-testid="payment-receipt"][data-payment-status="CAPTURED"]');
      await receipt.waitFor({ timeout: 30_000 });
      log(`verified by the server: ${(await receipt.textContent())?.trim()}`);
      await shot(page, 'rzp-04-captured');
    } finally {
      await stopServer(server.child);
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
