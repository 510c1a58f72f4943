import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor, RawQuery } from '../../db/client';
import { bookingEvents, bookings } from '../bookings/bookings.tables';
import { chatRooms } from '../chat/chat.tables';
import { disputeResolutions } from '../disputes/disputes.tables';
import {
  ledgerAccounts,
  ledgerEntries,
  ledgerTransactions,
  paymentAttempts,
  payments,
  refunds,
} from '../payments/payments.tables';
import { providerProfiles } from '../providers/providers.tables';
import { reviews } from '../reviews/reviews.tables';
import { customerProfiles, users } from '../users/users.tables';

export interface BookingSearch {
  status?: string;
  startUtc?: Date;
  endUtc?: Date;
  /** Exact E.164 phone of either party. */
  phone?: string;
  /** Booking number (exact or LIKE pattern) or a party's name fragment. */
  text?: { exact: string; numberLike: string; nameLike: string };
  before?: { at: string; id: string };
  limit: number;
}

export interface BookingSearchRow {
  id: string;
  booking_number: string;
  status: string;
  service_type: string;
  scheduled_start: Date | string;
  created_at: Date | string;
  created_at_key: string;
  quoted_price: string | number;
  final_price: string | number | null;
  city: string | null;
  customer_user_id: string;
  customer_id: string;
  customer_name: string | null;
  customer_phone: string;
  provider_user_id: string;
  provider_id: string;
  provider_name: string | null;
  provider_phone: string;
  business_name: string | null;
}

/** Both parties of a booking with the columns admins see. */
export const PARTIES_SQL = `
  join customer_profiles cp on cp.id = b.customer_id join users cu on cu.id = cp.user_id
  join provider_profiles p on p.id = b.provider_id join users pu on pu.id = p.user_id`;
export const PARTY_COLUMNS = `
  p.city, cu.id as customer_user_id, cp.id as customer_id, cu.name as customer_name, cu.phone as customer_phone,
  pu.id as provider_user_id, p.id as provider_id, pu.name as provider_name, pu.phone as provider_phone, p.business_name`;

const providerUsers = alias(users, 'provider_users');

export function createAdminBookingsRepository(query: RawQuery) {
  return {
    /** Newest first; one row more than `limit` tells the caller there is another page. */
    async search(s: BookingSearch): Promise<BookingSearchRow[]> {
      const r = await query<BookingSearchRow>(
        `select b.id, b.booking_number, b.status::text as status, b.service_type, b.scheduled_start, b.created_at,
           to_char(b.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at_key,
           b.quoted_price, b.final_price, ${PARTY_COLUMNS}
         from bookings b ${PARTIES_SQL}
         where ($1::text is null or b.status::text = $1)
           and ($2::timestamptz is null or b.created_at >= $2)
           and ($3::timestamptz is null or b.created_at < $3)
           and ($4::text is null or cu.phone = $4 or pu.phone = $4)
           and ($5::text is null or b.booking_number = $5 or b.booking_number like $6
                or cu.name ilike $7 or pu.name ilike $7 or p.business_name ilike $7)
           and ($8::timestamptz is null or (b.created_at, b.id) < ($8::timestamptz, $9::uuid))
         order by b.created_at desc, b.id desc
         limit $10`,
        [
          s.status ?? null,
          s.startUtc?.toISOString() ?? null,
          s.endUtc?.toISOString() ?? null,
          s.phone ?? null,
          s.text?.exact ?? null,
          s.text?.numberLike ?? null,
          s.text?.nameLike ?? null,
          s.before?.at ?? null,
          s.before?.id ?? null,
          s.limit + 1,
        ],
      );
      return r.rows;
    },

    async findBooking(db: Executor, id: string) {
      const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
      return row ?? null;
    },

    async parties(db: Executor, b: { customerId: string; providerId: string }) {
      const [row] = await db
        .select({
          customerUserId: users.id,
          customerName: users.name,
          customerPhone: users.phone,
          providerUserId: providerUsers.id,
          providerName: providerUsers.name,
          providerPhone: providerUsers.phone,
          businessName: providerProfiles.businessName,
          city: providerProfiles.city,
        })
        .from(customerProfiles)
        .innerJoin(users, eq(users.id, customerProfiles.userId))
        .innerJoin(providerProfiles, eq(providerProfiles.id, b.providerId))
        .innerJoin(providerUsers, eq(providerUsers.id, providerProfiles.userId))
        .where(eq(customerProfiles.id, b.customerId));
      return row!;
    },

    /** Every event of the booking, oldest first, with the actor's name. */
    async timeline(db: Executor, bookingId: string) {
      return db
        .select({ ev: bookingEvents, actorName: users.name })
        .from(bookingEvents)
        .leftJoin(users, eq(users.id, bookingEvents.actorUserId))
        .where(eq(bookingEvents.bookingId, bookingId))
        .orderBy(asc(bookingEvents.createdAt), asc(bookingEvents.id));
    },

    async payments(db: Executor, bookingId: string) {
      const rows = await db.select().from(payments).where(eq(payments.bookingId, bookingId)).orderBy(desc(payments.createdAt));
      const ids = rows.map((p) => p.id);
      const [attempts, refundRows] = ids.length
        ? await Promise.all([
            db
              .select()
              .from(paymentAttempts)
              .where(inArray(paymentAttempts.paymentId, ids))
              .orderBy(asc(paymentAttempts.createdAt)),
            db.select().from(refunds).where(inArray(refunds.paymentId, ids)).orderBy(asc(refunds.createdAt)),
          ])
        : [[], []];
      return rows.map((p) => ({
        payment: p,
        attempts: attempts.filter((a) => a.paymentId === p.id),
        refunds: refundRows.filter((r) => r.paymentId === p.id),
      }));
    },

    /** The booking's ledger postings with their lines (account codes), oldest first. */
    async ledger(db: Executor, bookingId: string) {
      return db
        .select({
          id: ledgerTransactions.id,
          kind: ledgerTransactions.kind,
          memo: ledgerTransactions.memo,
          createdAt: ledgerTransactions.createdAt,
          account: ledgerAccounts.code,
          amount: ledgerEntries.amount,
        })
        .from(ledgerTransactions)
        .innerJoin(ledgerEntries, eq(ledgerEntries.transactionId, ledgerTransactions.id))
        .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
        .where(eq(ledgerTransactions.bookingId, bookingId))
        .orderBy(asc(ledgerTransactions.createdAt), asc(ledgerTransactions.id), asc(ledgerEntries.amount));
    },

    async review(db: Executor, bookingId: string) {
      const [row] = await db
        .select({ review: reviews, reviewerName: users.name })
        .from(reviews)
        .innerJoin(customerProfiles, eq(customerProfiles.id, reviews.customerId))
        .innerJoin(users, eq(users.id, customerProfiles.userId))
        .where(eq(reviews.bookingId, bookingId));
      return row ?? null;
    },

    async resolutions(db: Executor, bookingId: string) {
      return db
        .select({ r: disputeResolutions, resolverName: users.name })
        .from(disputeResolutions)
        .innerJoin(users, eq(users.id, disputeResolutions.resolvedByUserId))
        .where(eq(disputeResolutions.bookingId, bookingId))
        .orderBy(desc(disputeResolutions.createdAt));
    },

    async chatRoomId(db: Executor, b: { customerId: string; providerId: string }): Promise<string | null> {
      const [row] = await db
        .select({ id: chatRooms.id })
        .from(chatRooms)
        .where(and(eq(chatRooms.customerId, b.customerId), eq(chatRooms.providerId, b.providerId)));
      return row?.id ?? null;
    },
  };
}
export type AdminBookingsRepository = ReturnType<typeof createAdminBookingsRepository>;
