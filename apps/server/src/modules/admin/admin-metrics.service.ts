import type { BookingStatusName } from '@localpro/contracts';
import type { RawQuery } from '../../db/client';
import { BOOKING_STATUSES } from '../bookings/booking-state';
import { createAdminMetricsRepository, type MetricRow } from './admin-metrics.repository';
import { istRange } from './admin-range';

const num = (v: unknown) => (v == null ? 0 : Number(v));

function emptyDay() {
  return {
    bookingsByStatus: Object.fromEntries(BOOKING_STATUSES.map((s) => [s, 0])) as Record<BookingStatusName, number>,
    bookingsCreated: 0,
    bookingsCompleted: 0,
    gmvPaise: 0,
    commissionPaise: 0,
    activeProviders: 0,
    activeCustomers: 0,
    newCustomers: 0,
    newProviders: 0,
    searches: 0,
    searchesConverted: 0,
    conversionRate: null as number | null,
    avgResponseSec: null as number | null,
  };
}
type Day = ReturnType<typeof emptyDay>;

/** The admin overview: per-day series and range totals, in Asia/Kolkata days, optionally for one city. */
export function createAdminMetricsService(deps: { query: RawQuery; now?: () => Date }) {
  const repo = createAdminMetricsRepository(deps.query);
  const now = deps.now ?? (() => new Date());

  return {
    async overview(q: { from?: string; to?: string; city?: string }) {
      const range = istRange(q, now());
      const city = q.city?.trim() || null;
      const byDay = new Map<string, Day>(range.days.map((d) => [d, emptyDay()]));
      const totals = emptyDay();
      const at = (r: MetricRow): Day | undefined => (r.d === null ? totals : byDay.get(r.d));

      const [byStatus, completed, commission, providers, customers, signUps, searches, response] = await Promise.all([
        repo.run('bookingsByStatus', range, city),
        repo.run('completed', range, city),
        repo.run('commission', range, city),
        repo.run('activeProviders', range, city),
        repo.run('activeCustomers', range, city),
        repo.run('signUps', range, city),
        repo.run('searches', range, city),
        repo.run('responseTime', range, city),
      ]);
      for (const r of byStatus) {
        const d = at(r);
        if (!d) continue;
        d.bookingsByStatus[r.status as BookingStatusName] = num(r.n);
        d.bookingsCreated += num(r.n);
      }
      for (const r of completed) {
        const d = at(r);
        if (d) Object.assign(d, { bookingsCompleted: num(r.n), gmvPaise: num(r.gmv) });
      }
      for (const r of commission) {
        const d = at(r);
        if (d) d.commissionPaise = num(r.commission);
      }
      for (const r of providers) {
        const d = at(r);
        if (d) d.activeProviders = num(r.n);
      }
      for (const r of customers) {
        const d = at(r);
        if (d) d.activeCustomers = num(r.n);
      }
      for (const r of signUps) {
        const d = at(r);
        if (d) Object.assign(d, { newCustomers: num(r.customers), newProviders: num(r.providers) });
      }
      for (const r of searches) {
        const d = at(r);
        if (d) Object.assign(d, { searches: num(r.n), searchesConverted: num(r.converted) });
      }
      for (const r of response) {
        const d = at(r);
        if (d && r.avg_sec != null) d.avgResponseSec = Math.round(num(r.avg_sec));
      }
      for (const d of [...byDay.values(), totals]) {
        d.conversionRate = d.searches > 0 ? Math.round((d.searchesConverted / d.searches) * 10_000) / 10_000 : null;
      }
      return {
        from: range.from,
        to: range.to,
        city,
        timeZone: 'Asia/Kolkata' as const,
        days: range.days.map((date) => ({ date, ...byDay.get(date)! })),
        totals,
      };
    },
  };
}
export type AdminMetricsService = ReturnType<typeof createAdminMetricsService>;
