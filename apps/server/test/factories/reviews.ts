import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Container } from '../../src/container';
import { numericCode } from '../../src/lib/ids';
import { bookings } from '../../src/modules/bookings/bookings.tables';
import { createApprovedProvider, type createCategory, createUser, type TestUser } from './index';

type Category = Awaited<ReturnType<typeof createCategory>>;
type BookingStatus = (typeof bookings.$inferInsert)['status'];

let n = 0;

/**
 * A booking inserted directly in any state (for reviews and reputation inputs), respecting the
 * table's constraints: slot = [scheduledStart, scheduledEnd), unique bookingNumber, 4-digit start code.
 */
export async function createBookingRow(
  c: Container,
  opts: {
    customerId: string;
    providerId: string;
    category: Category;
    status?: BookingStatus;
    /** Defaults to 2 hours ago for COMPLETED bookings. */
    completedAt?: Date | null;
    confirmed?: boolean;
    cancelledBy?: 'CUSTOMER' | 'PROVIDER' | 'ADMIN' | 'SYSTEM';
    noShowParty?: 'CUSTOMER' | 'PROVIDER';
    responseTimeSec?: number | null;
  },
) {
  n++;
  const status = opts.status ?? 'COMPLETED';
  // Far in the past and distinct per call so no two rows of one provider overlap.
  const start = new Date(Date.UTC(2020, 0, 1) + n * 3 * 3_600_000 + (process.pid % 1000) * 86_400_000 * 7);
  const end = new Date(start.getTime() + 3_600_000);
  const completedAt =
    opts.completedAt !== undefined ? opts.completedAt : status === 'COMPLETED' ? new Date(Date.now() - 7_200_000) : null;
  const confirmed = opts.confirmed ?? ['CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'NO_SHOW', 'DISPUTED'].includes(status!);
  const [row] = await c.db
    .insert(bookings)
    .values({
      bookingNumber: `LPT-${randomUUID().slice(0, 8).toUpperCase()}`,
      customerId: opts.customerId,
      providerId: opts.providerId,
      categoryId: opts.category.category.id,
      subCategoryId: opts.category.subCategories[0]!.id,
      serviceType: 'Repair',
      serviceLocation: { address: '12 Hazratganj, Lucknow', lat: 26.85, lng: 80.94 },
      serviceLat: 26.85,
      serviceLng: 80.94,
      scheduledStart: start,
      scheduledEnd: end,
      slot: `[${start.toISOString()},${end.toISOString()})`,
      status,
      quotedPrice: 49_900,
      startCode: numericCode(4),
      confirmedAt: confirmed ? start : null,
      startedAt: status === 'COMPLETED' ? start : null,
      completedAt,
      cancelledBy: opts.cancelledBy ?? null,
      cancelledAt: status === 'CANCELLED' ? start : null,
      noShowParty: opts.noShowParty ?? null,
      responseTimeSec: opts.responseTimeSec ?? null,
    })
    .returning();
  return row!;
}

export interface ReviewScenario {
  provider: TestUser;
  providerId: string;
  customer: TestUser;
  category: Category;
  bookingId: string;
}

/** An approved provider, a customer (with a name) and one COMPLETED booking between them. */
export async function createReviewScenario(
  c: Container,
  opts: { completedAt?: Date; customerName?: string } = {},
): Promise<ReviewScenario> {
  const { user: provider, providerId, category } = await createApprovedProvider(c);
  const customer = await createUser(c, { role: 'CUSTOMER', name: opts.customerName ?? 'Rahul Kumar Sharma' });
  const booking = await createBookingRow(c, {
    customerId: customer.customerId!,
    providerId,
    category,
    completedAt: opts.completedAt,
  });
  return { provider, providerId, customer, category, bookingId: booking.id };
}

/** Another COMPLETED booking for `customer` with the scenario's provider. */
export async function createCompletedBooking(c: Container, s: ReviewScenario, customer: TestUser = s.customer) {
  return createBookingRow(c, { customerId: customer.customerId!, providerId: s.providerId, category: s.category });
}

/** A small real JPEG. */
export function jpeg(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 160, b: 90 } } })
    .jpeg()
    .toBuffer();
}

/** multipart/form-data with one "file" part, for app.inject. */
export function fileUpload(file: Buffer, contentType = 'image/jpeg') {
  const boundary = `----lpreview${randomUUID().slice(0, 8)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
