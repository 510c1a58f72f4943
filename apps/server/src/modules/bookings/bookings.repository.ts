import { and, asc, count, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { conflict } from '../../lib/errors';
import { categories, subCategories } from '../catalog/catalog.tables';
import { providerProfiles } from '../providers/providers.tables';
import { customerAddresses, customerProfiles, users } from '../users/users.tables';
import { ACTIVE_STATUSES, type BookingStatus, type Party } from './booking-state';
import { bookingEvents, bookings, rescheduleProposals } from './bookings.tables';

export type BookingRow = typeof bookings.$inferSelect;
export type BookingInsert = typeof bookings.$inferInsert;
export type BookingEventRow = typeof bookingEvents.$inferSelect;
export type ProposalRow = typeof rescheduleProposals.$inferSelect;

/** The PostgreSQL SQLSTATE of an error, looking through Drizzle's wrapper. */
export function sqlState(err: unknown): { code?: string; constraint?: string } {
  let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined;
  for (let i = 0; e && i < 4; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
    }
    e = e.cause as typeof e;
  }
  return {};
}

export const slotTaken = () =>
  conflict('BOOKING_SLOT_TAKEN', 'This time slot has just been booked; please pick another one', undefined);

/** `[start,end)` as a tstzrange literal. */
export const rangeLiteral = (start: Date, end: Date) => `[${start.toISOString()},${end.toISOString()})`;

/** Maps the exclusion constraint (23P01) to 409 BOOKING_SLOT_TAKEN. */
async function guardSlot<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (sqlState(err).code === '23P01') throw slotTaken();
    throw err;
  }
}

export function createBookingsRepository() {
  return {
    async findProvider(ex: Executor, providerId: string) {
      const [row] = await ex
        .select({
          id: providerProfiles.id,
          userId: providerProfiles.userId,
          status: providerProfiles.status,
          isActive: providerProfiles.isActive,
          businessName: providerProfiles.businessName,
          baseLat: providerProfiles.baseLat,
          baseLng: providerProfiles.baseLng,
          serviceRadiusKm: providerProfiles.serviceRadiusKm,
          pricing: providerProfiles.pricing,
          workingHours: providerProfiles.workingHours,
          timeOff: providerProfiles.timeOff,
          subCategoryIds: providerProfiles.subCategoryIds,
        })
        .from(providerProfiles)
        .where(eq(providerProfiles.id, providerId));
      return row ?? null;
    },

    async findSubCategory(ex: Executor, id: string) {
      const [row] = await ex
        .select({
          id: subCategories.id,
          name: subCategories.name,
          isActive: subCategories.isActive,
          defaultDurationMin: subCategories.defaultDurationMin,
          categoryId: categories.id,
          cancellationPolicy: categories.cancellationPolicy,
        })
        .from(subCategories)
        .innerJoin(categories, eq(categories.id, subCategories.categoryId))
        .where(eq(subCategories.id, id));
      return row ?? null;
    },

    async findCustomerAddress(ex: Executor, customerId: string, addressId: string) {
      const [row] = await ex
        .select()
        .from(customerAddresses)
        .where(and(eq(customerAddresses.id, addressId), eq(customerAddresses.customerId, customerId)));
      return row ?? null;
    },

    /** Active bookings of a provider whose slot overlaps [from, to), optionally without one booking. */
    async activeBookingsBetween(ex: Executor, providerId: string, from: Date, to: Date, excludeId?: string) {
      return ex
        .select({
          id: bookings.id,
          scheduledStart: bookings.scheduledStart,
          scheduledEnd: bookings.scheduledEnd,
          travelBufferMin: bookings.travelBufferMin,
          serviceLat: bookings.serviceLat,
          serviceLng: bookings.serviceLng,
        })
        .from(bookings)
        .where(
          and(
            eq(bookings.providerId, providerId),
            inArray(bookings.status, [...ACTIVE_STATUSES]),
            sql`${bookings.slot} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`,
            excludeId ? sql`${bookings.id} <> ${excludeId}` : undefined,
          ),
        );
    },

    /** Serialises one customer's booking requests (the PENDING cap must hold under concurrency). */
    async lockCustomer(tx: Tx, customerId: string): Promise<void> {
      await tx
        .select({ id: customerProfiles.id })
        .from(customerProfiles)
        .where(eq(customerProfiles.id, customerId))
        .for('update');
    },

    async countPending(ex: Executor, customerId: string): Promise<number> {
      const [row] = await ex
        .select({ n: count() })
        .from(bookings)
        .where(and(eq(bookings.customerId, customerId), eq(bookings.status, 'PENDING')));
      return row?.n ?? 0;
    },

    async insert(tx: Tx, values: Omit<BookingInsert, 'slot'> & { slotEnd: Date }): Promise<BookingRow> {
      const { slotEnd, ...rest } = values;
      return guardSlot(async () => {
        const [row] = await tx
          .insert(bookings)
          .values({ ...rest, slot: rangeLiteral(values.scheduledStart, slotEnd) })
          .returning();
        return row!;
      });
    },

    async lock(tx: Tx, id: string): Promise<BookingRow | null> {
      const [row] = await tx.select().from(bookings).where(eq(bookings.id, id)).for('update');
      return row ?? null;
    },

    async find(ex: Executor, id: string): Promise<BookingRow | null> {
      const [row] = await ex.select().from(bookings).where(eq(bookings.id, id));
      return row ?? null;
    },

    /** Conditional update: only when the status is still `expected`. Returns null when another writer won. */
    async update(tx: Tx, id: string, expected: BookingStatus, patch: Partial<BookingInsert>): Promise<BookingRow | null> {
      const [row] = await tx
        .update(bookings)
        .set(patch)
        .where(and(eq(bookings.id, id), eq(bookings.status, expected)))
        .returning();
      return row ?? null;
    },

    async moveSlot(tx: Tx, id: string, start: Date, end: Date, bufferMin: number): Promise<BookingRow> {
      return guardSlot(async () => {
        const [row] = await tx
          .update(bookings)
          .set({
            scheduledStart: start,
            scheduledEnd: end,
            travelBufferMin: bufferMin,
            slot: rangeLiteral(start, new Date(end.getTime() + bufferMin * 60_000)),
          })
          .where(eq(bookings.id, id))
          .returning();
        return row!;
      });
    },

    async insertEvent(
      tx: Tx,
      e: {
        bookingId: string;
        type: string;
        fromStatus: BookingStatus | null;
        toStatus: BookingStatus | null;
        actorUserId: string | null;
        actorRole: 'CUSTOMER' | 'PROVIDER' | 'ADMIN' | null;
        reason?: string | null;
        data?: Record<string, unknown>;
      },
    ): Promise<void> {
      await tx.insert(bookingEvents).values({ ...e, reason: e.reason ?? null, data: e.data ?? {} });
    },

    async listEvents(ex: Executor, bookingId: string): Promise<BookingEventRow[]> {
      return ex
        .select()
        .from(bookingEvents)
        .where(eq(bookingEvents.bookingId, bookingId))
        .orderBy(asc(bookingEvents.createdAt), asc(bookingEvents.id));
    },

    async parties(ex: Executor, booking: Pick<BookingRow, 'customerId' | 'providerId'>) {
      const [c] = await ex
        .select({ userId: customerProfiles.userId, name: users.name, phone: users.phone })
        .from(customerProfiles)
        .innerJoin(users, eq(users.id, customerProfiles.userId))
        .where(eq(customerProfiles.id, booking.customerId));
      const [p] = await ex
        .select({
          userId: providerProfiles.userId,
          businessName: providerProfiles.businessName,
          name: users.name,
          phone: users.phone,
        })
        .from(providerProfiles)
        .innerJoin(users, eq(users.id, providerProfiles.userId))
        .where(eq(providerProfiles.id, booking.providerId));
      return {
        customerUserId: c!.userId,
        customerName: c!.name ?? 'A customer',
        providerUserId: p!.userId,
        providerName: p!.businessName ?? p!.name ?? 'Your provider',
        customerPhone: c!.phone,
        providerPhone: p!.phone,
      };
    },

    async openProposal(ex: Executor, bookingId: string): Promise<ProposalRow | null> {
      const [row] = await ex
        .select()
        .from(rescheduleProposals)
        .where(and(eq(rescheduleProposals.bookingId, bookingId), eq(rescheduleProposals.status, 'OPEN')));
      return row ?? null;
    },

    async openProposals(ex: Executor, bookingIds: string[]): Promise<ProposalRow[]> {
      if (bookingIds.length === 0) return [];
      return ex
        .select()
        .from(rescheduleProposals)
        .where(and(inArray(rescheduleProposals.bookingId, bookingIds), eq(rescheduleProposals.status, 'OPEN')));
    },

    async insertProposal(tx: Tx, p: { bookingId: string; proposedByUserId: string; proposedStart: Date; proposedEnd: Date }) {
      const [row] = await tx.insert(rescheduleProposals).values(p).returning();
      return row!;
    },

    async closeProposal(tx: Tx, id: string, status: 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN', at: Date): Promise<void> {
      await tx.update(rescheduleProposals).set({ status, decidedAt: at }).where(eq(rescheduleProposals.id, id));
    },

    /**
     * Provider counters on provider_profiles (the brief puts booking statistics there; only this
     * module writes these columns): request/accept/completion counts and provider cancellations.
     */
    async bumpProvider(
      tx: Tx,
      providerId: string,
      inc: Partial<Record<'totalJobs' | 'acceptedJobs' | 'completedJobs' | 'providerCancellations', number>>,
    ): Promise<void> {
      const set: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(inc) as [keyof typeof inc, number][]) {
        set[k] = sql`${providerProfiles[k]} + ${v}`;
      }
      if (Object.keys(set).length) await tx.update(providerProfiles).set(set).where(eq(providerProfiles.id, providerId));
    },

    /** provider_profiles.responseTime = the average responseTimeSec over every answered request. */
    async refreshResponseTime(tx: Tx, providerId: string): Promise<void> {
      await tx
        .update(providerProfiles)
        .set({
          responseTime: sql`(select round(avg(${bookings.responseTimeSec}))::int from ${bookings} where ${bookings.providerId} = ${providerId} and ${bookings.responseTimeSec} is not null)`,
        })
        .where(eq(providerProfiles.id, providerId));
    },

    async list(
      ex: Executor,
      q: {
        customerId?: string;
        providerId?: string;
        status?: BookingStatus;
        after?: { createdAt: Date; id: string };
        limit: number;
      },
    ): Promise<BookingRow[]> {
      return ex
        .select()
        .from(bookings)
        .where(
          and(
            q.customerId ? eq(bookings.customerId, q.customerId) : undefined,
            q.providerId ? eq(bookings.providerId, q.providerId) : undefined,
            q.status ? eq(bookings.status, q.status) : undefined,
            q.after
              ? or(
                  sql`date_trunc('milliseconds', ${bookings.createdAt}) < ${q.after.createdAt.toISOString()}::timestamptz`,
                  and(
                    sql`date_trunc('milliseconds', ${bookings.createdAt}) = ${q.after.createdAt.toISOString()}::timestamptz`,
                    lt(bookings.id, q.after.id),
                  ),
                )
              : undefined,
          ),
        )
        .orderBy(sql`date_trunc('milliseconds', ${bookings.createdAt}) desc`, sql`${bookings.id} desc`)
        .limit(q.limit);
    },

    /** PENDING bookings created before `before` (a safety net for missed expiry jobs). */
    async stalePending(ex: Executor, before: Date, limit: number) {
      return ex
        .select({ id: bookings.id })
        .from(bookings)
        .where(and(eq(bookings.status, 'PENDING'), lt(bookings.createdAt, before)))
        .limit(limit);
    },

    async completedUnconfirmed(ex: Executor, before: Date, limit: number) {
      return ex
        .select({ id: bookings.id })
        .from(bookings)
        .where(
          and(eq(bookings.status, 'COMPLETED'), sql`${bookings.customerConfirmedAt} is null`, lt(bookings.completedAt, before)),
        )
        .limit(limit);
    },
  };
}
export type BookingsRepository = ReturnType<typeof createBookingsRepository>;

export function partyRole(p: Party): 'CUSTOMER' | 'PROVIDER' | 'ADMIN' | null {
  return p === 'SYSTEM' ? null : p;
}

export const bookingNumberTaken = (err: unknown) => {
  const s = sqlState(err);
  return s.code === '23505' && (s.constraint === 'bookings_number_uq' || s.constraint === undefined);
};
