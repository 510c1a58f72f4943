import type { Db, RawQuery } from '../../db/client';
import { paymentView, refundView } from '../payments/payment-view';
import { createAdminMoneyRepository } from './admin-money.repository';
import { decodeKeyset, encodeKeyset, istRange } from './admin-range';

const PAYOUT_STATUSES = ['REQUESTED', 'PROCESSING', 'PROCESSED', 'FAILED'] as const;

/** Payments, payouts and platform revenue for the admin console. Read-only. */
export function createAdminMoneyService(deps: { db: Db; query: RawQuery; now?: () => Date }) {
  const { db } = deps;
  const repo = createAdminMoneyRepository(deps.query);
  const now = deps.now ?? (() => new Date());

  return {
    async listPayments(q: {
      status?: string;
      method?: string;
      refundStatus?: 'PENDING' | 'FAILED';
      from?: string;
      to?: string;
      cursor?: string;
      limit: number;
    }) {
      const range = q.from || q.to ? istRange({ from: q.from ?? q.to, to: q.to ?? q.from }, now(), { maxDays: 3660 }) : null;
      const rows = await repo.listPayments(db, {
        status: q.status,
        method: q.method,
        refundStatus: q.refundStatus,
        startUtc: range?.startUtc,
        endUtc: range?.endUtc,
        before: decodeKeyset(q.cursor),
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      const refunds = await repo.refundsFor(
        db,
        page.map((r) => r.payment.id),
      );
      const last = page.at(-1);
      return {
        items: page.map((r) => ({
          ...paymentView(r.payment),
          bookingNumber: r.bookingNumber,
          customerName: r.customerName,
          providerName: r.providerName,
          refunds: refunds.filter((x) => x.paymentId === r.payment.id).map(refundView),
        })),
        nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.key, id: last.payment.id }) : null,
      };
    },

    async listPayouts(q: { status?: string; cursor?: string; limit: number }) {
      const [rows, counts] = await Promise.all([
        repo.listPayouts(db, { status: q.status, before: decodeKeyset(q.cursor), limit: q.limit }),
        repo.payoutCounts(db),
      ]);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map(({ payout: p, providerName, businessName, retriedBy }) => ({
          id: p.id,
          providerId: p.providerId,
          amount: p.amount,
          status: p.status,
          auto: p.auto,
          scheduledFor: p.scheduledFor.toISOString(),
          failureReason: p.failureReason,
          retryOf: p.retryOf,
          createdAt: p.createdAt.toISOString(),
          processedAt: p.processedAt ? p.processedAt.toISOString() : null,
          providerName,
          businessName,
          vendor: p.vendor,
          retryable: p.status === 'FAILED' && retriedBy == null,
        })),
        nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.key, id: last.payout.id }) : null,
        counts: Object.fromEntries(PAYOUT_STATUSES.map((s) => [s, Number(counts.find((c) => c.status === s)?.n ?? 0)])) as Record<
          (typeof PAYOUT_STATUSES)[number],
          number
        >,
      };
    },

    async revenue(q: { from?: string; to?: string }) {
      const range = istRange(q, now());
      const rows = await repo.revenue(range);
      const view = (r?: { commission: string; gst: string; refunds: string }) => {
        const commissionPaise = Number(r?.commission ?? 0);
        const refundsExpensePaise = Number(r?.refunds ?? 0);
        return {
          commissionPaise,
          gstPaise: Number(r?.gst ?? 0),
          refundsExpensePaise,
          netRevenuePaise: commissionPaise - refundsExpensePaise,
        };
      };
      return {
        from: range.from,
        to: range.to,
        timeZone: 'Asia/Kolkata' as const,
        days: range.days.map((date) => ({ date, ...view(rows.find((r) => r.d === date)) })),
        totals: view(rows.find((r) => r.d === null)),
      };
    },
  };
}
export type AdminMoneyService = ReturnType<typeof createAdminMoneyService>;
