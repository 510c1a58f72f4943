import { and, type Column, count, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor, RawQuery } from '../../db/client';
import { bookings } from '../bookings/bookings.tables';
import { payments, payouts, refunds } from '../payments/payments.tables';
import { providerProfiles } from '../providers/providers.tables';
import { customerProfiles, users } from '../users/users.tables';

const providerUsers = alias(users, 'provider_users');
const retries = alias(payouts, 'retries');
const keyOf = (col: Column) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const before = (at: Column, id: Column, k?: { at: string; id: string }) =>
  k ? or(lt(at, sql`${k.at}::timestamptz`), and(eq(at, sql`${k.at}::timestamptz`), lt(id, k.id))) : undefined;

export function createAdminMoneyRepository(query: RawQuery) {
  return {
    async listPayments(
      db: Executor,
      f: {
        status?: string;
        method?: string;
        refundStatus?: 'PENDING' | 'FAILED';
        startUtc?: Date;
        endUtc?: Date;
        before?: { at: string; id: string };
        limit: number;
      },
    ) {
      return db
        .select({
          payment: payments,
          key: keyOf(payments.createdAt),
          bookingNumber: bookings.bookingNumber,
          customerName: users.name,
          providerName: sql<string | null>`coalesce(${providerProfiles.businessName}, ${providerUsers.name})`,
        })
        .from(payments)
        .innerJoin(bookings, eq(bookings.id, payments.bookingId))
        .innerJoin(customerProfiles, eq(customerProfiles.id, bookings.customerId))
        .innerJoin(users, eq(users.id, customerProfiles.userId))
        .innerJoin(providerProfiles, eq(providerProfiles.id, bookings.providerId))
        .innerJoin(providerUsers, eq(providerUsers.id, providerProfiles.userId))
        .where(
          and(
            f.status ? eq(payments.status, f.status as never) : undefined,
            f.method ? eq(payments.method, f.method as never) : undefined,
            f.refundStatus
              ? inArray(payments.id, db.select({ id: refunds.paymentId }).from(refunds).where(eq(refunds.status, f.refundStatus)))
              : undefined,
            f.startUtc ? gte(payments.createdAt, f.startUtc) : undefined,
            f.endUtc ? lt(payments.createdAt, f.endUtc) : undefined,
            before(payments.createdAt, payments.id, f.before),
          ),
        )
        .orderBy(desc(payments.createdAt), desc(payments.id))
        .limit(f.limit + 1);
    },

    async refundsFor(db: Executor, paymentIds: string[]) {
      if (!paymentIds.length) return [];
      return db.select().from(refunds).where(inArray(refunds.paymentId, paymentIds)).orderBy(refunds.createdAt);
    },

    async listPayouts(db: Executor, f: { status?: string; before?: { at: string; id: string }; limit: number }) {
      return db
        .select({
          payout: payouts,
          key: keyOf(payouts.createdAt),
          providerName: users.name,
          businessName: providerProfiles.businessName,
          retriedBy: retries.id,
        })
        .from(payouts)
        .innerJoin(providerProfiles, eq(providerProfiles.id, payouts.providerId))
        .innerJoin(users, eq(users.id, providerProfiles.userId))
        .leftJoin(retries, eq(retries.retryOf, payouts.id))
        .where(and(f.status ? eq(payouts.status, f.status as never) : undefined, before(payouts.createdAt, payouts.id, f.before)))
        .orderBy(desc(payouts.createdAt), desc(payouts.id))
        .limit(f.limit + 1);
    },

    async payoutCounts(db: Executor) {
      return db.select({ status: payouts.status, n: count() }).from(payouts).groupBy(payouts.status);
    },

    /** Platform revenue, GST and refunds expense per IST day from the ledger (credits negative). */
    async revenue(range: { startUtc: Date; endUtc: Date }) {
      const r = await query<{ d: string | null; commission: string; gst: string; refunds: string }>(
        `select to_char(e.created_at at time zone 'Asia/Kolkata', 'YYYY-MM-DD') as d,
           coalesce(-sum(e.amount) filter (where a.code = 'platform_revenue'), 0)::bigint as commission,
           coalesce(-sum(e.amount) filter (where a.code = 'gst_payable'), 0)::bigint as gst,
           coalesce(sum(e.amount) filter (where a.code = 'refunds_expense'), 0)::bigint as refunds
         from ledger_entries e join ledger_accounts a on a.id = e.account_id
         where a.code in ('platform_revenue', 'gst_payable', 'refunds_expense') and e.created_at >= $1 and e.created_at < $2
         group by grouping sets ((1), ())`,
        [range.startUtc.toISOString(), range.endUtc.toISOString()],
      );
      return r.rows;
    },
  };
}
