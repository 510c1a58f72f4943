import type { Container } from '../container';
import { registerBookingJobs } from '../modules/bookings/bookings.jobs';
import { registerNotificationJobs } from '../modules/notifications/deliver';
import { paymentQueues, registerPaymentJobs } from '../modules/payments/payments.jobs';
import { registerOnboardingJobs } from '../modules/providers/providers.wiring';
import { registerReviewJobs } from '../modules/reviews/reviews.jobs';

/**
 * Queues that code sends to before the module that handles them has registered a handler. Queues must
 * exist before a job is sent inside a transaction, so they are created at start from this list and from
 * every registered handler.
 */
export const declaredQueues: readonly string[] = ['notifications.deliver', ...paymentQueues];

/**
 * Every module's background jobs, one line each: `registerBookingJobs(c);` where that function calls
 * `c.jobs.work('bookings.expire', handler)` and/or `c.jobs.schedule('reviews.recompute', '0 3 * * *')`.
 * Handlers are registered in every process; only processes with the `worker` role consume.
 */
export function registerJobs(c: Container): void {
  registerBookingJobs(c);
  registerNotificationJobs(c.jobs, c);
  registerReviewJobs(c);
  registerOnboardingJobs(c);
  registerPaymentJobs(c);
}

/** Registers every handler, then starts the queue (creates queues; workers begin consuming). */
export async function startJobs(c: Container): Promise<void> {
  registerJobs(c);
  await c.jobs.start();
}
