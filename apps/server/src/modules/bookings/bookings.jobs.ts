import type { JobQueue } from '../../jobs/jobs';
import { BOOKING_JOBS, type BookingService } from './bookings.service';

/**
 * Booking jobs: `bookings.expire` (sent at creation, startAfter = created + BOOKING_RESPONSE_TIMEOUT_MIN),
 * `bookings.auto_confirm` (sent at completion, startAfter = completed + BOOKING_AUTO_CONFIRM_HOURS) and
 * a 5-minute `bookings.sweep` safety net. Handlers are idempotent and no-ops until due.
 */
export function registerBookingJobs(c: { jobs: JobQueue; bookings: BookingService }): void {
  c.jobs.work<{ bookingId: string }>(BOOKING_JOBS.expire, async (data) => {
    await c.bookings.expireIfUnanswered(data.bookingId);
  });
  c.jobs.work<{ bookingId: string }>(BOOKING_JOBS.autoConfirm, async (data) => {
    await c.bookings.autoConfirm(data.bookingId);
  });
  c.jobs.work(BOOKING_JOBS.sweep, async () => {
    await c.bookings.sweep();
  });
  c.jobs.schedule(BOOKING_JOBS.sweep, '*/5 * * * *');
}
