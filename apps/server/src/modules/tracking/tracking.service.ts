import type { LocationUpdatedEvent } from '@localpro/contracts';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import { businessRule, notFound } from '../../lib/errors';
import { haversineKm, type LatLng } from '../../lib/geo';
import { bookingParty } from '../bookings/booking-state';
import { bookings } from '../bookings/bookings.tables';
import { bookingLocations } from '../chat/chat.tables';
import { customerProfiles } from '../users/users.tables';
import { estimateEta } from './geo';

/**
 * Live tracking: only the booking's provider, only while CONFIRMED and after "on my way". Keeps just the
 * last point (booking_locations), deleted when the booking leaves CONFIRMED.
 */
export function createTrackingService(deps: { db: Db; config: Pick<Config, 'CITY_AVG_SPEED_KMH'> }) {
  /** What the customer sees of a point: where the pro is, how far from the job and how long until there. */
  const eventOf = (bookingId: string, point: LatLng, service: LatLng, at: Date): LocationUpdatedEvent => {
    const eta = estimateEta(haversineKm(point, service), deps.config.CITY_AVG_SPEED_KMH);
    return { bookingId, lat: point.lat, lng: point.lng, distanceKm: eta.distanceKm, etaMin: eta.etaMin, at: at.toISOString() };
  };

  return {
    async update(
      actor: Actor,
      p: { bookingId: string; lat: number; lng: number },
      /** Runs after the checks and before storing: the caller's per-booking rate limit (throws when too soon). */
      throttle: () => Promise<unknown> = async () => {},
    ): Promise<{ customerUserId: string; event: LocationUpdatedEvent }> {
      const [b] = await deps.db
        .select({
          providerId: bookings.providerId,
          status: bookings.status,
          onTheWayAt: bookings.onTheWayAt,
          serviceLat: bookings.serviceLat,
          serviceLng: bookings.serviceLng,
          customerUserId: customerProfiles.userId,
        })
        .from(bookings)
        .innerJoin(customerProfiles, eq(customerProfiles.id, bookings.customerId))
        .where(eq(bookings.id, p.bookingId));
      if (!b || !actor.providerId || b.providerId !== actor.providerId) throw notFound('Booking');
      if (b.status !== 'CONFIRMED') {
        throw businessRule('TRACKING_NOT_ACTIVE', 'Live location is shared only while the booking is confirmed and not started');
      }
      if (!b.onTheWayAt) throw businessRule('TRACKING_NOT_STARTED', 'Tap "On my way" before sharing your location');
      await throttle();
      const now = new Date();
      await deps.db
        .insert(bookingLocations)
        .values({ bookingId: p.bookingId, lat: p.lat, lng: p.lng, updatedAt: now })
        .onConflictDoUpdate({ target: bookingLocations.bookingId, set: { lat: p.lat, lng: p.lng, updatedAt: now } });
      return {
        customerUserId: b.customerUserId,
        event: eventOf(p.bookingId, p, { lat: b.serviceLat, lng: b.serviceLng }, now),
      };
    },

    /** Forgets the last point (the booking started, was cancelled or otherwise left CONFIRMED). */
    async clear(bookingId: string): Promise<void> {
      await deps.db.delete(bookingLocations).where(eq(bookingLocations.bookingId, bookingId));
    },

    /**
     * The last position the provider shared for this booking, for a screen opened (or reconnected) between
     * two socket updates. Only the booking's customer and provider, and admins past the second factor, may
     * see it; anyone else gets NOT_FOUND. Null when nothing is being shared (not on the way, or the booking
     * left CONFIRMED and the point was forgotten).
     */
    async lastFor(actor: Actor, bookingId: string): Promise<LocationUpdatedEvent | null> {
      const [row] = await deps.db
        .select({
          customerId: bookings.customerId,
          providerId: bookings.providerId,
          status: bookings.status,
          serviceLat: bookings.serviceLat,
          serviceLng: bookings.serviceLng,
          lat: bookingLocations.lat,
          lng: bookingLocations.lng,
          updatedAt: bookingLocations.updatedAt,
        })
        .from(bookings)
        .leftJoin(bookingLocations, eq(bookingLocations.bookingId, bookings.id))
        .where(eq(bookings.id, bookingId));
      if (!row || !bookingParty(actor, row)) throw notFound('Booking');
      if (row.status !== 'CONFIRMED' || row.lat === null || row.lng === null || row.updatedAt === null) return null;
      return eventOf(bookingId, { lat: row.lat, lng: row.lng }, { lat: row.serviceLat, lng: row.serviceLng }, row.updatedAt);
    },
  };
}
export type TrackingService = ReturnType<typeof createTrackingService>;
