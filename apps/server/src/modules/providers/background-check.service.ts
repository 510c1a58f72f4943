import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import type { AgencyResult, BackgroundCheckAgency, CheckOutcome } from '../../integrations/background-check/port';
import type { CheckoutParams, PaymentGateway } from '../../integrations/payments/port';
import { AppError, businessRule, notFound } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { recordAudit } from '../audit/audit.repository';
import type { Notifier } from '../notifications/notify';
import type { BackgroundCheckRow, ProvidersRepository } from './providers.repository';
import type { ProvidersService } from './providers.service';

/**
 * Optional background verification: the provider pays the category's fee through the payment gateway,
 * then the agency runs the check and reports asynchronously (sandbox: a delayed job; agency: webhook).
 */
export function createBackgroundCheckService(deps: {
  db: Db;
  repo: ProvidersRepository;
  providers: ProvidersService;
  gateway: PaymentGateway;
  agency: BackgroundCheckAgency;
  notifier: Notifier;
  events: EventBus;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const view = (c: BackgroundCheckRow | null, checkout: CheckoutParams | null = null) =>
    c ? { id: c.id, status: c.status, feePaise: c.feePaise, orderId: c.feePaymentRef, checkout, resultNote: c.resultNote } : null;

  async function getMine(actor: Actor) {
    const own = await deps.providers.findOwn(actor);
    const c = await deps.repo.latestBackgroundCheck(deps.db, own.profile.id);
    if (!c) throw notFound('Background check');
    return view(c)!;
  }

  /** Creates (or renews) the fee order; returns what the client needs to open the checkout. */
  async function requestCheck(actor: Actor) {
    const own = await deps.providers.findOwn(actor);
    const p = own.profile;
    if (!p.categoryId) throw businessRule('CATEGORY_REQUIRED', 'Choose your service category first: the fee depends on it');
    const category = await deps.repo.findCategory(deps.db, p.categoryId);
    if (!category) throw businessRule('CATEGORY_REQUIRED', 'Choose your service category first: the fee depends on it');
    const latest = await deps.repo.latestBackgroundCheck(deps.db, p.id);
    if (latest && (latest.status === 'IN_PROGRESS' || latest.status === 'PASSED')) {
      throw new AppError('BACKGROUND_CHECK_EXISTS', 'A background check is already running or passed', { status: 409 });
    }
    const fee = category.backgroundCheckFeePaise;
    const order = await deps.gateway.createOrder({
      amountPaise: fee,
      receipt: `bgc_${p.id.slice(0, 32)}`,
      notes: { purpose: 'background_check', providerId: p.id },
    });
    const row = await deps.db.transaction(async (tx) => {
      const r =
        latest?.status === 'FEE_PENDING'
          ? await deps.repo.updateBackgroundCheck(tx, latest.id, { feePaise: fee, feePaymentRef: order.orderId })
          : await deps.repo.insertBackgroundCheck(tx, {
              providerId: p.id,
              status: 'FEE_PENDING',
              feePaise: fee,
              feePaymentRef: order.orderId,
              vendor: deps.agency.vendor,
            });
      await deps.repo.update(tx, p.id, { backgroundStatus: 'FEE_PENDING' });
      return r;
    });
    return view(row, order.checkout)!;
  }

  /** The checkout callback: a valid gateway signature for OUR order id confirms the fee; the check starts. */
  async function confirmPayment(actor: Actor, input: { paymentId: string; signature: string }, ip?: string) {
    const own = await deps.providers.findOwn(actor);
    const p = own.profile;
    const row = await deps.db.transaction(async (tx) => {
      const c = await deps.repo.latestBackgroundCheck(tx, p.id, true);
      if (c?.status !== 'FEE_PENDING' || !c.feePaymentRef)
        throw businessRule('NO_FEE_PENDING', 'There is no background check fee to confirm');
      if (
        !deps.gateway.verifyPaymentSignature({ orderId: c.feePaymentRef, paymentId: input.paymentId, signature: input.signature })
      ) {
        throw businessRule('PAYMENT_NOT_VERIFIED', 'The payment could not be verified');
      }
      const { vendorReference } = await deps.agency.start(
        {
          checkId: c.id,
          name: own.name ?? p.businessName ?? '',
          dateOfBirth: p.dateOfBirth,
          address: p.address,
          phone: own.phone,
          aadhaarMasked: p.aadhaarMasked,
        },
        { tx },
      );
      const started = await deps.repo.updateBackgroundCheck(tx, c.id, {
        status: 'IN_PROGRESS',
        vendor: deps.agency.vendor,
        vendorReference,
        resultNote: null,
      });
      await deps.repo.update(tx, p.id, { backgroundStatus: 'IN_PROGRESS' });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: 'provider.background_check_started',
        objectType: 'background_check',
        objectId: c.id,
        before: { status: c.status },
        after: { status: 'IN_PROGRESS', feePaise: c.feePaise, orderId: c.feePaymentRef, paymentId: input.paymentId },
        ip: ip ?? null,
      });
      return started;
    });
    deps.events.emit('provider.updated', { providerId: p.id, userId: p.userId, status: p.status });
    return view(row)!;
  }

  /** Applies a result once (later deliveries of the same result are no-ops). */
  async function complete(
    by: { checkId: string } | { vendor: string; vendorReference: string },
    outcome: CheckOutcome,
    note: string | null,
  ) {
    const done = await deps.db.transaction(async (tx) => {
      const c = await deps.repo.lockBackgroundCheck(tx, 'checkId' in by ? { id: by.checkId } : by);
      if (!c) return null;
      if (c.status !== 'IN_PROGRESS') return null;
      const at = now();
      await deps.repo.updateBackgroundCheck(tx, c.id, { status: outcome, completedAt: at, resultNote: note });
      const profile = await deps.repo.update(tx, c.providerId, {
        backgroundStatus: outcome,
        backgroundVerified: outcome === 'PASSED',
        backgroundVerifiedAt: outcome === 'PASSED' ? at : null,
      });
      await recordAudit(tx, {
        actorUserId: null,
        action: 'provider.background_check_completed',
        objectType: 'background_check',
        objectId: c.id,
        before: { status: c.status },
        after: { status: outcome },
        reason: note,
      });
      await deps.notifier.notify(tx, {
        userId: profile.userId,
        type: outcome === 'PASSED' ? 'BACKGROUND_CHECK_PASSED' : 'BACKGROUND_CHECK_FAILED',
        data: { providerId: profile.id, checkId: c.id },
      });
      return profile;
    });
    if (done) deps.events.emit('provider.updated', { providerId: done.id, userId: done.userId, status: done.status });
    return done !== null;
  }

  /** A verified webhook from the configured agency. */
  async function handleWebhook(vendor: string, rawBody: Buffer, headers: Record<string, string | string[] | undefined>) {
    if (vendor !== deps.agency.vendor || vendor === 'sandbox') throw notFound('Webhook');
    let result: AgencyResult | null;
    try {
      result = deps.agency.parseWebhook(rawBody, headers);
    } catch {
      result = null;
    }
    if (!result) throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'The webhook signature is not valid', { status: 401 });
    await complete({ vendor, vendorReference: result.vendorReference }, result.outcome, result.note);
    return { received: true as const };
  }

  return { getMine, requestCheck, confirmPayment, complete, handleWebhook };
}
export type BackgroundCheckService = ReturnType<typeof createBackgroundCheckService>;
