import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { businessRule } from '../../lib/errors';
import type { LatLng } from '../../lib/geo';
import type { PriceItem } from '../providers/providers.tables';
import { availableSlots, istMidnight, type Slot, type WeeklyHours } from './availability';
import type { BookingsRepository } from './bookings.repository';

type Provider = NonNullable<Awaited<ReturnType<BookingsRepository['findProvider']>>>;
type SubCategory = NonNullable<Awaited<ReturnType<BookingsRepository['findSubCategory']>>>;

const DAY = 86_400_000;

export function travelRule(config: Config) {
  return {
    baseMin: config.TRAVEL_BUFFER_BASE_MIN,
    perKmMin: config.TRAVEL_BUFFER_PER_KM_MIN,
    capMin: config.TRAVEL_BUFFER_MAX_MIN,
  };
}

export function providerBase(p: Provider): LatLng | null {
  return p.baseLat != null && p.baseLng != null ? { lat: p.baseLat, lng: p.baseLng } : null;
}

/** The provider's price item for a sub-category, or 422 SERVICE_NOT_OFFERED. */
export function priceItemFor(p: Provider, subCategoryId: string): PriceItem {
  const item = p.pricing.find((i) => i.subCategoryId === subCategoryId);
  if (!item) throw businessRule('SERVICE_NOT_OFFERED', 'This provider does not offer that service');
  return item;
}

/** Job length: the provider's own duration for the service, else the sub-category default. */
export function durationFor(item: PriceItem | undefined, sub: Pick<SubCategory, 'defaultDurationMin'> | null): number {
  return item?.durationMin ?? sub?.defaultDurationMin ?? 60;
}

/** Quoted price: fixed and inspection prices as listed; hourly prices for the job's duration. */
export function quoteFor(item: PriceItem, durationMin: number): number {
  return item.kind === 'HOURLY' ? Math.round((item.amountPaise * durationMin) / 60) : item.amountPaise;
}

/**
 * Free slots on an IST date for a job of `durationMin` at `location`, reading the provider's active
 * bookings around that day (one day either side, for overnight shifts and travel buffers).
 */
export async function slotsFor(
  ex: Executor,
  repo: BookingsRepository,
  config: Config,
  q: {
    provider: Provider;
    date: string;
    durationMin: number;
    location: LatLng | null;
    now: Date;
    excludeBookingId?: string;
    ignoreBookings?: boolean;
  },
): Promise<Slot[]> {
  const base = providerBase(q.provider);
  const location = q.location ?? base;
  if (!location) return [];
  const dayStart = istMidnight(q.date);
  const busy = q.ignoreBookings
    ? []
    : await repo.activeBookingsBetween(
        ex,
        q.provider.id,
        new Date(dayStart - DAY),
        new Date(dayStart + 2 * DAY),
        q.excludeBookingId,
      );
  return availableSlots({
    date: q.date,
    workingHours: q.provider.workingHours as WeeklyHours | null,
    timeOff: q.provider.timeOff,
    bookings: busy.map((b) => ({
      start: b.scheduledStart,
      end: b.scheduledEnd,
      slotEnd: new Date(b.scheduledEnd.getTime() + b.travelBufferMin * 60_000),
      location: { lat: b.serviceLat, lng: b.serviceLng },
    })),
    durationMin: q.durationMin,
    now: q.now,
    minNoticeMin: config.MIN_NOTICE_MIN,
    stepMin: config.SLOT_STEP_MIN,
    location,
    base,
    travel: travelRule(config),
  });
}
