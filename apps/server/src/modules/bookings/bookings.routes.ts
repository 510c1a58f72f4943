import {
  availabilityParams,
  availabilityQuery,
  availabilityResponse,
  bookingCompleteBody,
  bookingEmptyBody,
  bookingIdParams,
  bookingListResponse,
  bookingReasonBody,
  bookingRescheduleBody,
  bookingStartBody,
  bookingView,
  createBookingBody,
  lastLocationResponse,
  listBookingsQuery,
} from '@localpro/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Container } from '../../container';
import { type Actor, requireActor, requireRole } from '../../http/auth';
import type { BookingService } from './bookings.service';

const tags = ['bookings'];
const security = [{ bearer: [] }];

/** Participants (customer, provider) and admins with a second factor; the service decides the rest. */
function participant(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  return actor.role === 'ADMIN' ? requireRole(req, 'ADMIN') : actor;
}

export function bookingsRoutes(c: Container & { bookings: BookingService }): FastifyPluginAsyncZod {
  const s = c.bookings;
  return async (app) => {
    app.get(
      '/providers/:id/availability',
      {
        schema: {
          tags,
          summary: 'Free slots of an approved provider on an IST date (ISO 8601, +05:30)',
          params: availabilityParams,
          querystring: availabilityQuery,
          response: { 200: availabilityResponse },
        },
      },
      async (req) => s.availability({ providerId: req.params.id, ...req.query }),
    );

    app.post(
      '/bookings',
      {
        schema: {
          tags,
          security,
          summary: 'Request a booking (PENDING until the provider answers)',
          body: createBookingBody,
          response: { 201: bookingView },
        },
      },
      async (req, reply) => {
        const view = await s.create(requireRole(req, 'CUSTOMER'), req.body);
        return reply.code(201).send(view);
      },
    );

    app.get(
      '/bookings',
      {
        schema: {
          tags,
          security,
          summary: 'My bookings, newest first',
          querystring: listBookingsQuery,
          response: { 200: bookingListResponse },
        },
      },
      async (req) => s.list(requireActor(req), req.query),
    );

    app.get(
      '/bookings/:id',
      {
        schema: {
          tags,
          security,
          summary: 'A booking with its timeline',
          params: bookingIdParams,
          response: { 200: bookingView },
        },
      },
      async (req) => s.get(requireActor(req), req.params.id),
    );

    app.get(
      '/bookings/:id/location',
      {
        schema: {
          tags,
          security,
          summary: "The provider's last shared position on the way to this booking (null while not shared)",
          params: bookingIdParams,
          response: { 200: lastLocationResponse },
        },
      },
      async (req) => ({ location: await c.tracking.lastFor(participant(req), req.params.id) }),
    );

    const put = <B>(path: string, summary: string, body: B, run: (actor: Actor, id: string, body: never) => Promise<unknown>) =>
      app.put(
        `/bookings/:id/${path}`,
        { schema: { tags, security, summary, params: bookingIdParams, body: body as never, response: { 200: bookingView } } },
        async (req) => run(participant(req), (req.params as { id: string }).id, req.body as never) as never,
      );

    put('accept', 'Provider accepts a request → CONFIRMED', bookingEmptyBody, (a, id) => s.accept(a, id));
    put('reject', 'Provider rejects a request → REJECTED', bookingReasonBody, (a, id, b: { reason: string }) =>
      s.reject(a, id, b.reason),
    );
    put('on-my-way', 'Provider sets out (starts live tracking)', bookingEmptyBody, (a, id) => s.onMyWay(a, id));
    put(
      'start',
      'Provider starts the job with the customer’s 4-digit code → IN_PROGRESS',
      bookingStartBody,
      (a, id, b: { startCode: string }) => s.start(a, id, b.startCode),
    );
    put('start-code', 'Customer generates a new start code (after too many wrong tries)', bookingEmptyBody, (a, id) =>
      s.resetStartCode(a, id),
    );
    put(
      'complete',
      'Provider completes the job → COMPLETED',
      bookingCompleteBody,
      (a, id, b: { finalPrice?: number } | undefined) => s.complete(a, id, b?.finalPrice),
    );
    put('confirm-completion', 'Customer confirms the job was done (auto after 24 h)', bookingEmptyBody, (a, id) =>
      s.confirmCompletion(a, id),
    );
    put('cancel', 'Cancel (either side; fees per the category policy)', bookingReasonBody, (a, id, b: { reason: string }) =>
      s.cancel(a, id, b.reason),
    );
    put('no-show', 'Report that the other side did not turn up → NO_SHOW', bookingEmptyBody, (a, id) => s.noShow(a, id));
    put('dispute', 'Customer disputes the job → DISPUTED (admins resolve)', bookingReasonBody, (a, id, b: { reason: string }) =>
      s.dispute(a, id, b.reason),
    );
    put(
      'reschedule',
      'Propose a new start time; the other side accepts or declines',
      bookingRescheduleBody,
      (a, id, b: { scheduledStart: string }) => s.proposeReschedule(a, id, b.scheduledStart),
    );
    put('reschedule/accept', 'Accept the other side’s proposed time', bookingEmptyBody, (a, id) =>
      s.answerReschedule(a, id, true),
    );
    put('reschedule/decline', 'Decline the other side’s proposed time', bookingEmptyBody, (a, id) =>
      s.answerReschedule(a, id, false),
    );
  };
}
