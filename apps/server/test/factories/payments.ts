import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Container } from '../../src/container';
import { bookings } from '../../src/modules/bookings/bookings.tables';
import { providerProfiles } from '../../src/modules/providers/providers.tables';
import { createApprovedProvider, createCategory, createUser, type TestUser } from './index';

type BookingStatus = (typeof bookings.$inferInsert)['status'];

let slotSeq = 0;

/** A booking inserted directly (the bookings API is built in parallel), in any state, with a disjoint slot. */
export async function insertBooking(
  c: Container,
  opts: {
    customer: TestUser;
    providerId: string;
    category: Awaited<ReturnType<typeof createCategory>>;
    status?: BookingStatus;
    quotedPrice?: number;
    finalPrice?: number | null;
    cancellationFee?: number;
    customerConfirmed?: boolean;
  },
) {
  slotSeq++;
  const start = new Date(Date.UTC(2030, 0, 1) + (process.pid % 1000) * 86_400_000 * 30 + slotSeq * 3 * 3_600_000);
  const end = new Date(start.getTime() + 3_600_000);
  const status = opts.status ?? 'COMPLETED';
  const [row] = await c.db
    .insert(bookings)
    .values({
      bookingNumber: `LP-${randomUUID().slice(0, 8).toUpperCase()}`,
      customerId: opts.customer.customerId!,
      providerId: opts.providerId,
      categoryId: opts.category.category.id,
      subCategoryId: opts.category.subCategories[0]!.id,
      serviceType: 'Repair',
      serviceLocation: { address: '12 हज़रतगंज, Lucknow', lat: 26.85, lng: 80.94 },
      serviceLat: 26.85,
      serviceLng: 80.94,
      scheduledStart: start,
      scheduledEnd: end,
      slot: `[${start.toISOString()},${end.toISOString()})`,
      status,
      quotedPrice: opts.quotedPrice ?? 49_900,
      finalPrice: opts.finalPrice ?? null,
      cancellationFee: opts.cancellationFee ?? 0,
      startCode: '1234',
      completedAt: status === 'COMPLETED' ? end : null,
      customerConfirmedAt: opts.customerConfirmed ? new Date() : null,
      cancelledAt: status === 'CANCELLED' ? new Date() : null,
    })
    .returning();
  return row!;
}

/** A customer, an approved provider (UPI id set) and a booking between them. */
export async function createPaymentScenario(
  c: Container,
  opts: {
    status?: BookingStatus;
    quotedPrice?: number;
    finalPrice?: number | null;
    cancellationFee?: number;
    customerConfirmed?: boolean;
    platformFeeBps?: number;
    providerName?: string;
    upiId?: string | null;
    gstin?: string | null;
  } = {},
) {
  const category = await createCategory(c.db, { platformFeeBps: opts.platformFeeBps ?? 1000 });
  const provider = await createApprovedProvider(c, { category, businessName: opts.providerName });
  await c.db
    .update(providerProfiles)
    .set({ upiId: opts.upiId === undefined ? 'ramesh@okaxis' : opts.upiId, gstin: opts.gstin ?? null })
    .where(eq(providerProfiles.id, provider.providerId));
  const customer = await createUser(c, { role: 'CUSTOMER', name: 'सुनीता शर्मा' });
  const booking = await insertBooking(c, { ...opts, customer, providerId: provider.providerId, category });
  return { customer, provider: provider.user, providerId: provider.providerId, category, booking };
}

/** Sets a booking's status (and confirmation) directly, as the bookings module would. */
export async function setBookingStatus(
  c: Container,
  bookingId: string,
  status: BookingStatus,
  extra: { customerConfirmed?: boolean; cancellationFee?: number } = {},
) {
  await c.db
    .update(bookings)
    .set({
      status,
      ...(extra.customerConfirmed ? { customerConfirmedAt: new Date(), completedAt: new Date() } : {}),
      ...(extra.cancellationFee !== undefined ? { cancellationFee: extra.cancellationFee } : {}),
    })
    .where(eq(bookings.id, bookingId));
}

/** Credits a provider's wallet through the ledger as a released escrow would (test setup for withdrawals). */
export async function fundWallet(c: Container, providerId: string, amount: number) {
  await c.db.transaction((tx) =>
    c.ledger.post(tx, {
      kind: 'ESCROW_RELEASE',
      reference: `test-fund-${randomUUID()}`,
      lines: [
        { account: 'escrow', amount },
        { account: { wallet: providerId }, amount: -amount },
      ],
    }),
  );
  // Keep the ledger balanced as a whole: the escrow debit is matched by a capture.
  await c.db.transaction((tx) =>
    c.ledger.post(tx, {
      kind: 'CAPTURE',
      reference: `test-fund-${randomUUID()}`,
      lines: [
        { account: 'gateway_clearing', amount },
        { account: 'escrow', amount: -amount },
      ],
    }),
  );
}
