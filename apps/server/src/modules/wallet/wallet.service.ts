import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../http/auth';
import type { PayoutGateway, PayoutState } from '../../integrations/payouts/port';
import type { JobQueue } from '../../jobs/jobs';
import { AppError, businessRule, conflict, forbidden, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import type { Ledger } from '../ledger/ledger';
import type { Notifier } from '../notifications/notify';
import * as paymentsRepo from '../payments/payments.repository';
import type { PayoutRow } from './wallet.repository';
import * as repo from './wallet.repository';

export const MIN_WITHDRAWAL_PAISE = 50_000;
const DAY_MS = 86_400_000;

export interface WalletServiceDeps {
  db: Db;
  ledger: Ledger;
  payouts: PayoutGateway;
  jobs: JobQueue;
  notifier: Notifier;
  config: Config;
  logger: Logger;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export function payoutView(p: PayoutRow) {
  return {
    id: p.id,
    providerId: p.providerId,
    amount: p.amount,
    status: p.status,
    auto: p.auto,
    scheduledFor: p.scheduledFor.toISOString(),
    failureReason: p.failureReason,
    retryOf: p.retryOf,
    createdAt: p.createdAt.toISOString(),
    processedAt: iso(p.processedAt),
  };
}

/**
 * Provider wallets: balances come from the ledger; withdrawals lock the wallet account row so
 * concurrent requests can never overdraw; payouts go out T+2 through the payout port.
 */
export function createWalletService(deps: WalletServiceDeps) {
  const { db, ledger, jobs, notifier } = deps;

  const requireProvider = (actor: Actor) => {
    if (actor.role !== 'PROVIDER' || !actor.providerId) throw forbidden('Only providers have a wallet');
    return actor.providerId;
  };

  async function available(db_: Db | Tx, providerId: string) {
    return 0 - (await ledger.balance(db_, { wallet: providerId }));
  }

  async function getWallet(actor: Actor, opts: { cursor?: string; limit: number }) {
    const providerId = requireProvider(actor);
    const [avail, held, inTransit, lifetime, history, payee] = await Promise.all([
      available(db, providerId),
      ledger.heldInEscrow(db, { providerId }),
      repo.inTransitTotal(db, providerId),
      ledger.lifetimeEarnings(db, providerId),
      ledger.walletHistory(db, providerId, opts),
      repo.findPayee(db, providerId),
    ]);
    return {
      providerId,
      currency: 'INR' as const,
      available: avail,
      held,
      inTransit,
      lifetimeEarnings: lifetime,
      minimumWithdrawal: MIN_WITHDRAWAL_PAISE,
      autoPayout: payee?.autoPayout ?? false,
      history: {
        // Wallet entries are credit-negative; show money in as positive, money out as negative.
        items: history.items.map((h) => ({
          id: h.id,
          kind: h.kind,
          amount: -h.amount,
          bookingId: h.bookingId,
          createdAt: h.createdAt.toISOString(),
        })),
        nextCursor: history.nextCursor,
      },
    };
  }

  /** Moves `amount` from the wallet to payouts in transit and schedules the payout (T+PAYOUT_DELAY_DAYS). */
  async function withdrawLocked(
    tx: Tx,
    providerId: string,
    amount: number,
    opts: { auto: boolean; requestedByUserId: string | null; retryOf?: string },
  ) {
    await ledger.lockWallet(tx, providerId);
    const avail = await available(tx, providerId);
    if (amount < MIN_WITHDRAWAL_PAISE) {
      throw businessRule('BELOW_MINIMUM_WITHDRAWAL', 'The minimum withdrawal is ₹500', { minimum: MIN_WITHDRAWAL_PAISE });
    }
    if (amount > avail)
      throw businessRule('INSUFFICIENT_BALANCE', 'The amount is more than your available balance', { available: avail });
    const scheduledFor = new Date(Date.now() + deps.config.PAYOUT_DELAY_DAYS * DAY_MS);
    const payout = await repo.insertPayout(tx, {
      providerId,
      amount,
      auto: opts.auto,
      scheduledFor,
      vendor: deps.payouts.name,
      requestedByUserId: opts.requestedByUserId,
      retryOf: opts.retryOf ?? null,
    });
    await ledger.post(tx, {
      kind: 'WITHDRAWAL',
      reference: payout.id,
      lines: [
        { account: { wallet: providerId }, amount },
        { account: 'payouts_in_transit', amount: -amount },
      ],
    });
    await jobs.send(
      'payouts.process',
      { payoutId: payout.id },
      { tx, startAfter: scheduledFor, singletonKey: `payout:${payout.id}` },
    );
    return payout;
  }

  async function withdraw(actor: Actor, amount: number) {
    const providerId = requireProvider(actor);
    const payout = await db.transaction((tx) =>
      withdrawLocked(tx, providerId, amount, { auto: false, requestedByUserId: actor.userId }),
    );
    return payoutView(payout);
  }

  async function listWithdrawals(actor: Actor, limit: number) {
    const providerId = requireProvider(actor);
    return { items: (await repo.listPayouts(db, providerId, limit)).map(payoutView) };
  }

  async function setAutoPayout(actor: Actor, enabled: boolean) {
    const providerId = requireProvider(actor);
    await db.transaction((tx) => repo.setAutoPayout(tx, providerId, enabled));
    return { autoPayout: enabled };
  }

  /** Settles a payout with the vendor's verdict (payout row locked by the caller). */
  async function settleLocked(
    tx: Tx,
    payout: PayoutRow,
    state: PayoutState,
    info: { vendorPayoutId?: string; failureReason?: string | null },
  ) {
    if (payout.status === 'PROCESSED' || payout.status === 'FAILED') return payout;
    const payee = await repo.findPayee(tx, payout.providerId);
    if (state === 'PROCESSING') {
      return repo.updatePayout(tx, payout.id, {
        status: 'PROCESSING',
        vendorPayoutId: info.vendorPayoutId ?? payout.vendorPayoutId,
      });
    }
    if (state === 'PROCESSED') {
      await ledger.post(tx, {
        kind: 'PAYOUT_PROCESSED',
        reference: payout.id,
        lines: [
          { account: 'payouts_in_transit', amount: payout.amount },
          { account: 'gateway_clearing', amount: -payout.amount },
        ],
      });
    } else {
      // Failed: the money goes back to the wallet.
      await ledger.post(tx, {
        kind: 'PAYOUT_FAILED',
        reference: payout.id,
        lines: [
          { account: 'payouts_in_transit', amount: payout.amount },
          { account: { wallet: payout.providerId }, amount: -payout.amount },
        ],
      });
    }
    const updated = await repo.updatePayout(tx, payout.id, {
      status: state,
      vendorPayoutId: info.vendorPayoutId ?? payout.vendorPayoutId,
      failureReason: state === 'FAILED' ? (info.failureReason ?? 'The transfer failed') : null,
      processedAt: new Date(),
    });
    if (payee) {
      await notifier.notify(tx, {
        userId: payee.userId,
        type: state === 'PROCESSED' ? 'PAYOUT_PROCESSED' : 'PAYOUT_FAILED',
        data: { payoutId: payout.id, amountPaise: payout.amount, reason: updated.failureReason },
      });
    }
    return updated;
  }

  /** Job `payouts.process`: sends a REQUESTED payout to the vendor once (the row stays locked meanwhile). */
  async function processPayout(payoutId: string) {
    await db.transaction(async (tx) => {
      const payout = await repo.findPayout(tx, payoutId, true);
      if (payout?.status !== 'REQUESTED') return;
      const payee = await repo.findPayee(tx, payout.providerId);
      const result = await deps.payouts.createPayout({
        referenceId: payout.id,
        amountPaise: payout.amount,
        destination: { fundAccountId: payee?.bankPayoutRef, vpa: payee?.upiId, name: payee?.name ?? 'Provider' },
        narration: 'LocalPro payout',
      });
      await settleLocked(tx, payout, result.state, {
        vendorPayoutId: result.vendorPayoutId,
        failureReason: result.failureReason,
      });
    });
  }

  /** Job `payouts.auto_weekly`: withdraw the whole available balance of every auto-payout provider. */
  async function runAutoPayouts() {
    let created = 0;
    for (const providerId of await repo.autoPayoutProviderIds(db)) {
      try {
        await db.transaction(async (tx) => {
          await ledger.lockWallet(tx, providerId);
          const avail = await available(tx, providerId);
          if (avail < MIN_WITHDRAWAL_PAISE) return;
          await withdrawLocked(tx, providerId, avail, { auto: true, requestedByUserId: null });
          created++;
        });
      } catch (err) {
        deps.logger.warn({ err: (err as Error).message, providerId }, 'auto payout skipped');
      }
    }
    return created;
  }

  /** payout.* webhooks from the payout vendor (RazorpayX format). */
  async function handlePayoutWebhook(
    vendor: string,
    rawBody: Buffer | string,
    headers: { signature?: string; eventId?: string },
  ) {
    if (vendor !== deps.payouts.name) throw notFound('Webhook');
    if (!deps.payouts.verifyWebhook(rawBody, headers.signature)) {
      throw new AppError('INVALID_SIGNATURE', 'The webhook signature does not match', { status: 400 });
    }
    let event: ReturnType<PayoutGateway['parseWebhook']>;
    try {
      event = deps.payouts.parseWebhook(rawBody, headers.eventId);
    } catch {
      throw new AppError('BAD_REQUEST', 'Not a payout event');
    }
    if (!event) return { status: 'ignored' as const, outcome: 'IGNORED' };
    const ev = event;
    return db.transaction(async (tx) => {
      const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
      const recordId = await paymentsRepo.recordWebhookEvent(tx, {
        gateway: `payouts:${vendor}`,
        eventId: ev.eventId,
        type: `payout.${ev.state.toLowerCase()}`,
        payload: JSON.parse(text) as Record<string, unknown>,
      });
      if (!recordId) return { status: 'duplicate' as const, outcome: 'DUPLICATE' };
      const payout =
        (await repo.findPayoutByVendorId(tx, ev.vendorPayoutId, true)) ??
        (ev.referenceId && /^[0-9a-f-]{36}$/i.test(ev.referenceId) ? await repo.findPayout(tx, ev.referenceId, true) : null);
      const outcome = payout
        ? (await settleLocked(tx, payout, ev.state, { vendorPayoutId: ev.vendorPayoutId, failureReason: ev.failureReason }))
            .status
        : 'UNKNOWN_PAYOUT';
      await paymentsRepo.setWebhookOutcome(tx, recordId, outcome);
      return { status: 'processed' as const, outcome };
    });
  }

  /** Admin: retry a FAILED payout as a new withdrawal of the same amount (the money is back in the wallet). */
  async function adminRetryPayout(actor: Actor, payoutId: string, ip: string | null) {
    const payout = await db.transaction(async (tx) => {
      const failed = await repo.findPayout(tx, payoutId, true);
      if (!failed) throw notFound('Payout');
      if (failed.status !== 'FAILED') throw conflict('ILLEGAL_TRANSITION', 'Only a failed payout can be retried');
      if (await repo.findRetryOf(tx, failed.id)) throw conflict('ALREADY_RETRIED', 'This payout was already retried');
      const retry = await withdrawLocked(tx, failed.providerId, failed.amount, {
        auto: failed.auto,
        requestedByUserId: actor.userId,
        retryOf: failed.id,
      });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: 'payout.retry',
        objectType: 'payout',
        objectId: failed.id,
        after: { retryPayoutId: retry.id, amountPaise: retry.amount },
        ip,
      });
      return retry;
    });
    return payoutView(payout);
  }

  return {
    getWallet,
    withdraw,
    listWithdrawals,
    setAutoPayout,
    processPayout,
    runAutoPayouts,
    handlePayoutWebhook,
    adminRetryPayout,
  };
}
export type WalletService = ReturnType<typeof createWalletService>;
