import { eq } from 'drizzle-orm';
import type { Container } from '../../container';
import { bookings } from '../bookings/bookings.tables';

export const RECOMPUTE_JOB = 'reputation.recompute';
export const NIGHTLY_JOB = 'reputation.nightly';
/** 02:00 every night, Asia/Kolkata (the queue's cron time zone): time decay moves every score a little. */
export const NIGHTLY_CRON = '0 2 * * *';

/**
 * Reputation jobs. Booking transitions recompute in their own transaction (a bookings hook); other
 * modules that change an input call `c.reputation.recomputeReputation(tx, id)`; as a safety net every `booking.updated` and `provider.updated` event also
 * enqueues a recompute, and the nightly job recomputes every APPROVED provider.
 */
export function registerReviewJobs(c: Container): void {
  c.jobs.work<{ providerId: string }>(RECOMPUTE_JOB, async ({ providerId }) => {
    await c.db.transaction(async (tx) => {
      await c.reputation.recomputeReputation(tx, providerId);
    });
  });
  c.jobs.work(NIGHTLY_JOB, async () => {
    const n = await c.reputation.recomputeAllApproved();
    c.logger.info({ providers: n }, 'nightly reputation recompute done');
  });
  c.jobs.schedule(NIGHTLY_JOB, NIGHTLY_CRON);

  const enqueue = async (providerId: string) => {
    try {
      await c.jobs.send(RECOMPUTE_JOB, { providerId }, { singletonKey: providerId });
    } catch (err) {
      c.logger.warn({ err: (err as Error).message, providerId }, 'could not enqueue reputation recompute');
    }
  };
  // Completion, cancellation, no-show, accept/reject (response time): recompute inside the transition's transaction.
  c.bookings.onTransition(async (tx, e) => {
    await c.reputation.recomputeReputation(tx, e.booking.providerId);
  });
  c.events.on('provider.updated', ({ providerId }) => enqueue(providerId));
  c.events.on('booking.updated', async ({ bookingId, booking }) => {
    let providerId = (booking as { providerId?: unknown } | null)?.providerId;
    if (typeof providerId !== 'string') {
      const [row] = await c.db.select({ providerId: bookings.providerId }).from(bookings).where(eq(bookings.id, bookingId));
      providerId = row?.providerId;
    }
    if (typeof providerId === 'string') await enqueue(providerId);
  });
}
