import { eq, like } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/http/auth';
import { buildRazorpayWebhook } from '../src/integrations/payments/razorpay-format';
import type { SandboxGateway } from '../src/integrations/payments/sandbox';
import { ledgerAccounts, ledgerEntries, ledgerTransactions, payments } from '../src/modules/payments/payments.tables';
import { providerProfiles } from '../src/modules/providers/providers.tables';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { createUser, type TestUser } from './factories/index';
import { createPaymentScenario, setBookingStatus } from './factories/payments';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => {
  await t?.close();
});

const actorOf = (u: TestUser): Actor => ({
  userId: u.id,
  role: u.role,
  sessionId: u.sessionId,
  phone: u.phone,
  language: 'en',
  customerId: u.customerId,
  providerId: u.providerId,
  secondFactor: u.role === 'ADMIN',
});

type Op =
  | { k: 'pay'; b: number }
  | { k: 'failAttempt'; b: number }
  | { k: 'dupCapture'; b: number }
  | { k: 'confirm'; b: number }
  | { k: 'cancel'; b: number; feePct: number }
  | { k: 'adminRefund'; b: number; pct: number }
  | { k: 'withdraw'; amount: number }
  | { k: 'runPayouts' };

const BOOKINGS = 3;
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('pay' as const), b: fc.nat(BOOKINGS - 1) }),
  fc.record({ k: fc.constant('failAttempt' as const), b: fc.nat(BOOKINGS - 1) }),
  fc.record({ k: fc.constant('dupCapture' as const), b: fc.nat(BOOKINGS - 1) }),
  fc.record({ k: fc.constant('confirm' as const), b: fc.nat(BOOKINGS - 1) }),
  fc.record({ k: fc.constant('cancel' as const), b: fc.nat(BOOKINGS - 1), feePct: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ k: fc.constant('adminRefund' as const), b: fc.nat(BOOKINGS - 1), pct: fc.integer({ min: 1, max: 110 }) }),
  fc.record({ k: fc.constant('withdraw' as const), amount: fc.integer({ min: 40_000, max: 200_000 }) }),
  fc.constant({ k: 'runPayouts' as const }),
);

describe('ledger invariants over random sequences of payments, refunds, fees and withdrawals', () => {
  it('always balances to zero, never leaves a wallet negative, and held + released + refunded = captured', async () => {
    const admin = actorOf(await createUser(t.c, { role: 'ADMIN' }));
    const sandbox = t.c.sandboxGateway as SandboxGateway;
    let run = 0;
    const succeeded: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 3, maxLength: 12 }),
        fc.integer({ min: 800, max: 1500 }),
        fc.boolean(),
        async (ops, feeBps, payoutFails) => {
          run++;
          // One provider with three bookings (fresh customers), prices 1 000–3 000 rupees plus odd paise.
          const first = await createPaymentScenario(t.c, {
            status: 'CONFIRMED',
            quotedPrice: 100_001 + run,
            platformFeeBps: feeBps,
            upiId: payoutFails ? 'fail@upi' : 'ok@upi',
          });
          const scenarios = [first];
          for (let i = 1; i < BOOKINGS; i++) {
            const s = await createPaymentScenario(t.c, { status: 'CONFIRMED', quotedPrice: 100_001 + i * 99_999 });
            // Move the booking to the first scenario's provider so one wallet collects everything.
            await t.c.db.execute(
              `update bookings set provider_id = '${first.providerId}', category_id = '${first.category.category.id}', sub_category_id = '${first.category.subCategories[0]!.id}' where id = '${s.booking.id}'` as never,
            );
            scenarios.push({ ...s, providerId: first.providerId, provider: first.provider });
          }
          const provider = actorOf(first.provider);
          const orders: (string | null)[] = scenarios.map(() => null);
          for (const op of ops) {
            try {
              if (op.k === 'withdraw') await t.c.wallet.withdraw(provider, op.amount);
              else if (op.k === 'runPayouts')
                await (t.c.jobs as unknown as { drain(o: { includeDelayed: boolean }): Promise<number> }).drain({
                  includeDelayed: true,
                });
              else {
                const s = scenarios[op.b]!;
                const customer = actorOf(s.customer);
                if (op.k === 'pay') {
                  const intent = await t.c.payments.createIntent(customer, s.booking.id);
                  orders[op.b] = intent.orderId;
                  const sim = sandbox.simulatePayment({
                    orderId: intent.orderId,
                    amountPaise: intent.amount,
                    outcome: 'success',
                  });
                  await t.c.payments.verifyCheckout(customer, {
                    orderId: intent.orderId,
                    paymentId: sim.paymentId,
                    signature: sim.signature!,
                  });
                } else if (op.k === 'failAttempt' || op.k === 'dupCapture') {
                  const orderId = orders[op.b];
                  if (!orderId) continue;
                  const [p] = await t.c.db.select().from(payments).where(eq(payments.gatewayOrderId, orderId));
                  const entity = {
                    id: `pay_${op.k}_${Math.random().toString(36).slice(2)}`,
                    amount: p!.amount,
                    order_id: orderId,
                    status: op.k === 'dupCapture' ? 'captured' : 'failed',
                  };
                  const w = sandbox.signWebhook(
                    buildRazorpayWebhook(op.k === 'dupCapture' ? 'payment.captured' : 'payment.failed', { payment: entity }),
                  );
                  await t.c.payments.handleWebhook('sandbox', w.rawBody, { signature: w.signature, eventId: w.eventId });
                } else if (op.k === 'confirm') {
                  await setBookingStatus(t.c, s.booking.id, 'COMPLETED', { customerConfirmed: true });
                  await t.c.db.transaction((tx) => t.c.payments.releaseEscrowForBooking(tx, s.booking.id));
                } else if (op.k === 'cancel') {
                  await setBookingStatus(t.c, s.booking.id, 'CANCELLED', {
                    cancellationFee: Math.floor((s.booking.quotedPrice * op.feePct) / 100),
                  });
                  await t.c.payments.refundCancelledBooking(s.booking.id);
                } else if (op.k === 'adminRefund') {
                  const [p] = await t.c.db.select().from(payments).where(eq(payments.bookingId, s.booking.id));
                  if (!p) continue;
                  await t.c.payments.adminRefund(
                    admin,
                    p.id,
                    { amountPaise: Math.max(1, Math.floor((p.amount * op.pct) / 100)), reason: 'property test' },
                    null,
                  );
                }
              }
              succeeded[op.k] = (succeeded[op.k] ?? 0) + 1;
            } catch (err) {
              // Refusals are fine (422/409/403): they must leave everything consistent, which the checks below prove.
              const status = (err as { status?: number }).status;
              if (!status || status >= 500) throw err;
            }
          }
          await (t.c.jobs as unknown as { drain(o: { includeDelayed: boolean }): Promise<number> }).drain({
            includeDelayed: true,
          });

          // 1. The whole ledger balances, and so does every transaction.
          const check = await t.c.ledger.check(t.c.db);
          expect(check).toMatchObject({ ok: true, totalSum: 0 });
          // 2. No wallet is negative (a wallet is a liability: its balance is ≤ 0).
          const wallets = await t.c.db
            .select({ code: ledgerAccounts.code, id: ledgerAccounts.id })
            .from(ledgerAccounts)
            .where(like(ledgerAccounts.code, 'provider_wallet:%'));
          for (const w of wallets) {
            const bal = await t.c.ledger.balance(t.c.db, { wallet: w.code.slice('provider_wallet:'.length) });
            expect(bal).toBeLessThanOrEqual(0);
          }
          // 3. Per payment: held + released + refunded (from escrow) = captured; and the row agrees with the ledger.
          for (const s of scenarios) {
            const [p] = await t.c.db.select().from(payments).where(eq(payments.bookingId, s.booking.id));
            const rows = await t.c.db
              .select({ kind: ledgerTransactions.kind, amount: ledgerEntries.amount, code: ledgerAccounts.code })
              .from(ledgerEntries)
              .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
              .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
              .where(eq(ledgerTransactions.bookingId, s.booking.id));
            const escrow = rows.filter((r) => r.code === 'escrow');
            const sum = (kinds: string[]) => escrow.filter((r) => kinds.includes(r.kind)).reduce((a, r) => a + r.amount, 0);
            const captured = 0 - sum(['CAPTURE']);
            const released = sum(['ESCROW_RELEASE', 'CANCELLATION_FEE']);
            const refunded = sum(['REFUND']);
            const held = await t.c.ledger.heldInEscrow(t.c.db, { bookingId: s.booking.id });
            expect(held).toBeGreaterThanOrEqual(0);
            expect(held + released + refunded).toBe(captured);
            expect(escrow.every((r) => ['CAPTURE', 'ESCROW_RELEASE', 'CANCELLATION_FEE', 'REFUND'].includes(r.kind))).toBe(true);
            if (p && p.method === 'ONLINE' && p.transactionId) {
              expect(captured).toBe(p.amount);
              expect(p.refundedAmount).toBeLessThanOrEqual(p.amount);
              if (p.releasedAt) expect(held).toBe(0);
            } else {
              expect(captured).toBe(0);
            }
          }
          // 4. The provider's wallet equals earnings minus withdrawals that did not bounce.
          const wallet = await t.c.wallet.getWallet(provider, { limit: 1 });
          expect(wallet.available).toBeGreaterThanOrEqual(0);
          const [prov] = await t.c.db
            .select({ upi: providerProfiles.upiId })
            .from(providerProfiles)
            .where(eq(providerProfiles.id, first.providerId));
          if (prov?.upi === 'fail@upi') expect(wallet.inTransit).toBe(0);
        },
      ),
      { numRuns: 10 },
    );
    // The sequences really moved money (not only refusals).
    expect(succeeded.pay ?? 0).toBeGreaterThan(0);
    expect((succeeded.confirm ?? 0) + (succeeded.cancel ?? 0) + (succeeded.adminRefund ?? 0)).toBeGreaterThan(0);
  }, 300_000);
});
