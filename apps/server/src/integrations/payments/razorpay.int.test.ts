import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRazorpayXPayouts } from '../payouts/razorpayx';
import { type RazorpayFake, startRazorpayFake } from './fakes/razorpay-fake';
import { createRazorpayGateway, RazorpayError } from './razorpay';
import { hmacSha256Hex } from './signature';

const creds = { keyId: 'rzp_test_abc', keySecret: 'key-secret-123', webhookSecret: 'whsec-456' };
let fake: RazorpayFake;
beforeAll(async () => {
  fake = await startRazorpayFake(creds);
});
afterAll(async () => {
  await fake?.close();
});

const gateway = () => createRazorpayGateway({ ...creds, baseUrl: fake.url });

describe('Razorpay adapter against the fake Razorpay API', () => {
  it('creates orders with basic auth, amount in paise, receipt and notes', async () => {
    const order = await gateway().createOrder({ amountPaise: 49_900, receipt: 'rcpt-1', notes: { bookingNumber: 'LP-1' } });
    expect(order).toMatchObject({
      amount: 49_900,
      currency: 'INR',
      checkout: { gateway: 'razorpay', keyId: creds.keyId, orderId: order.orderId },
    });
    const req = fake.requests.at(-1)!;
    expect(req).toMatchObject({
      method: 'POST',
      path: '/v1/orders',
      body: { amount: 49_900, currency: 'INR', receipt: 'rcpt-1', notes: { bookingNumber: 'LP-1' } },
    });
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${creds.keyId}:${creds.keySecret}`).toString('base64')}`);
  });

  it('surfaces Razorpay errors (bad credentials, bad amount)', async () => {
    const wrong = createRazorpayGateway({ ...creds, keySecret: 'nope', baseUrl: fake.url });
    await expect(wrong.createOrder({ amountPaise: 10_000, receipt: 'x' })).rejects.toMatchObject({ status: 401 });
    await expect(gateway().createOrder({ amountPaise: 50, receipt: 'x' })).rejects.toBeInstanceOf(RazorpayError);
  });

  it('verifies checkout signatures and webhooks exactly as Razorpay signs them; thousands of forgeries fail', async () => {
    const g = gateway();
    const order = await g.createOrder({ amountPaise: 10_000, receipt: 'sig' });
    const paid = fake.pay(order.orderId);
    expect(
      g.verifyPaymentSignature({
        orderId: order.orderId,
        paymentId: paid.checkout.razorpay_payment_id,
        signature: paid.checkout.razorpay_signature,
      }),
    ).toBe(true);
    const hook = paid.webhooks[0]!;
    expect(g.verifyWebhook(hook.rawBody, hook.signature)).toBe(true);
    expect(g.verifyWebhook(Buffer.from(hook.rawBody), hook.signature)).toBe(true);
    expect(g.parseWebhook(hook.rawBody, hook.eventId)).toMatchObject({
      eventId: hook.eventId,
      type: 'payment.captured',
      orderId: order.orderId,
      paymentId: paid.checkout.razorpay_payment_id,
      amountPaise: 10_000,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-f]{64}$/)), fc.string(), (sig, tamper) => {
        fc.pre(sig !== paid.checkout.razorpay_signature);
        expect(
          g.verifyPaymentSignature({ orderId: order.orderId, paymentId: paid.checkout.razorpay_payment_id, signature: sig }),
        ).toBe(false);
        expect(g.verifyWebhook(hook.rawBody + tamper.slice(0, 1 + (tamper.length % 3)) + 'x', hook.signature)).toBe(false);
        if (sig !== hook.signature) expect(g.verifyWebhook(hook.rawBody, sig)).toBe(false);
      }),
      { numRuns: 3000 },
    );
    // The signature is over the order id the SERVER stored: a different order id fails.
    expect(
      g.verifyPaymentSignature({
        orderId: 'order_other',
        paymentId: paid.checkout.razorpay_payment_id,
        signature: paid.checkout.razorpay_signature,
      }),
    ).toBe(false);
    expect(hmacSha256Hex(creds.webhookSecret, hook.rawBody)).toBe(hook.signature);
  });

  it('refunds (partial, then the rest; never more than captured)', async () => {
    const g = gateway();
    const order = await g.createOrder({ amountPaise: 30_000, receipt: 'refund' });
    const paid = fake.pay(order.orderId);
    const pid = paid.checkout.razorpay_payment_id;
    const first = await g.refund({ paymentId: pid, amountPaise: 10_000, idempotencyKey: 'refund-a-1' });
    expect(first).toMatchObject({ amountPaise: 10_000, status: 'PROCESSED' });
    expect(fake.requests.at(-1)).toMatchObject({
      path: `/v1/payments/${pid}/refund`,
      body: { amount: 10_000 },
      headers: { 'x-refund-idempotency': 'refund-a-1' },
    });
    await expect(g.refund({ paymentId: pid, amountPaise: 20_001, idempotencyKey: 'refund-b-1' })).rejects.toBeInstanceOf(
      RazorpayError,
    );
    expect((await g.refund({ paymentId: pid, amountPaise: 20_000, idempotencyKey: 'refund-c-1' })).refundId).toMatch(/^rfnd_/);
  });

  it('a refund retried with the same idempotency key is the same refund, never a second one', async () => {
    const g = gateway();
    const order = await g.createOrder({ amountPaise: 30_000, receipt: 'idem' });
    const pid = fake.pay(order.orderId).checkout.razorpay_payment_id;
    const once = await g.refund({ paymentId: pid, amountPaise: 30_000, idempotencyKey: 'refund-x-1' });
    // The response was lost, say: the same request again returns the same refund, and the payment is not refunded twice.
    expect(await g.refund({ paymentId: pid, amountPaise: 30_000, idempotencyKey: 'refund-x-1' })).toEqual(once);
    // Another request under that key is refused (Razorpay: BAD_REQUEST_ERROR).
    await expect(g.refund({ paymentId: pid, amountPaise: 10_000, idempotencyKey: 'refund-x-1' })).rejects.toMatchObject({
      status: 400,
    });
    // Nothing is left to refund: a new key is a new refund, and the payment is already refunded in full.
    await expect(g.refund({ paymentId: pid, amountPaise: 1, idempotencyKey: 'refund-x-2' })).rejects.toBeInstanceOf(
      RazorpayError,
    );
  });

  it('Route: transfers to a linked account on hold, then releases the hold', async () => {
    const g = gateway();
    const order = await g.createOrder({ amountPaise: 40_000, receipt: 'route' });
    const pid = fake.pay(order.orderId).checkout.razorpay_payment_id;
    const t = await g.transfer({ paymentId: pid, linkedAccountId: 'acc_provider1', amountPaise: 35_280, onHold: true });
    expect(t).toMatchObject({ onHold: true });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v1/payments/${pid}/transfers`,
      body: { transfers: [{ account: 'acc_provider1', amount: 35_280, currency: 'INR', on_hold: true }] },
    });
    expect(await g.releaseTransfer(t.transferId)).toEqual({ transferId: t.transferId, onHold: false });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'PATCH',
      path: `/v1/transfers/${t.transferId}`,
      body: { on_hold: false },
    });
  });
});

describe('RazorpayX payouts adapter against the fake', () => {
  const payouts = () => createRazorpayXPayouts({ ...creds, accountNumber: '2323230000000000', baseUrl: fake.url });

  it('sends a composite UPI payout with the idempotency header; a repeat returns the same payout', async () => {
    const input = {
      referenceId: '7d9f8a4e-1111-4222-8333-944455556666',
      amountPaise: 50_000,
      destination: { vpa: 'ramesh@okaxis', name: 'Ramesh' },
      narration: 'LocalPro payout',
    };
    const a = await payouts().createPayout(input);
    expect(a).toMatchObject({ state: 'PROCESSING' });
    const req = fake.requests.at(-1)!;
    expect(req.headers['x-payout-idempotency']).toBe(input.referenceId);
    expect(req.body).toMatchObject({
      account_number: '2323230000000000',
      amount: 50_000,
      currency: 'INR',
      mode: 'UPI',
      purpose: 'payout',
      reference_id: input.referenceId,
      fund_account: { account_type: 'vpa', vpa: { address: 'ramesh@okaxis' }, contact: { name: 'Ramesh', type: 'vendor' } },
    });
    const b = await payouts().createPayout(input);
    expect(b.vendorPayoutId).toBe(a.vendorPayoutId);
    const hook = fake.payoutWebhook(a.vendorPayoutId, 'processed');
    expect(payouts().verifyWebhook(hook.rawBody, hook.signature)).toBe(true);
    expect(payouts().verifyWebhook(hook.rawBody, hook.signature.replace(/.$/, '0'))).toBe(hook.signature.endsWith('0'));
    expect(payouts().parseWebhook(hook.rawBody, hook.eventId)).toMatchObject({
      vendorPayoutId: a.vendorPayoutId,
      state: 'PROCESSED',
      referenceId: input.referenceId,
    });
  });

  it('uses a registered fund account when there is one; no destination fails cleanly', async () => {
    await payouts().createPayout({
      referenceId: 'ref-fa-1',
      amountPaise: 60_000,
      destination: { fundAccountId: 'fa_123', name: 'X' },
      narration: 'n',
    });
    expect(fake.requests.at(-1)!.body).toMatchObject({ fund_account_id: 'fa_123', mode: 'IMPS' });
    expect(
      await payouts().createPayout({ referenceId: 'ref-none', amountPaise: 60_000, destination: { name: 'X' }, narration: 'n' }),
    ).toMatchObject({ state: 'FAILED' });
  });
});
