import type { RawQuery } from '../../db/client';

/**
 * Overview metrics, one grouped query per measure. Each query groups by Asia/Kolkata day with a
 * grand-total grouping set (day is NULL in that row), so distinct counts over the range are exact.
 * Parameters: $1 range start (UTC), $2 range end (exclusive), $3 provider city or NULL.
 */
const DAY = (col: string) => `to_char(${col} at time zone 'Asia/Kolkata', 'YYYY-MM-DD')`;
/** Case-insensitive city match; ILIKE (with the pattern characters escaped) keeps the planner's city statistics. */
const CITY = (alias: string) => `($3::text is null or ${alias}.city ilike $3::text)`;

export interface MetricRow {
  d: string | null;
  [k: string]: unknown;
}

const QUERIES = {
  /** Bookings created, by current status. */
  bookingsByStatus: `
    select ${DAY('b.created_at')} as d, b.status::text as status, count(*)::int as n
    from bookings b join provider_profiles p on p.id = b.provider_id
    where b.created_at >= $1 and b.created_at < $2 and ${CITY('p')}
    group by grouping sets ((1, 2), (2))`,
  /** Completed jobs and their value (a later dispute does not undo the completion). */
  completed: `
    select ${DAY('b.completed_at')} as d, count(*)::int as n,
      coalesce(sum(coalesce(b.final_price, b.quoted_price)), 0)::bigint as gmv
    from bookings b join provider_profiles p on p.id = b.provider_id
    where b.completed_at >= $1 and b.completed_at < $2 and b.status in ('COMPLETED', 'DISPUTED') and ${CITY('p')}
    group by grouping sets ((1), ())`,
  /** Commission: credits to platform_revenue (negative amounts) net of reversals. */
  commission: `
    select ${DAY('e.created_at')} as d, coalesce(-sum(e.amount), 0)::bigint as commission
    from ledger_entries e
    join ledger_accounts a on a.id = e.account_id and a.code = 'platform_revenue'
    join ledger_transactions t on t.id = e.transaction_id
    left join bookings b on b.id = t.booking_id
    left join provider_profiles p on p.id = b.provider_id
    where e.created_at >= $1 and e.created_at < $2 and ${CITY('p')}
    group by grouping sets ((1), ())`,
  /** Providers who answered, started or completed a job (the acting provider's user on the timeline). */
  activeProviders: `
    select ${DAY('ev.created_at')} as d, count(distinct ev.actor_user_id)::int as n
    from booking_events ev
    where ev.created_at >= $1 and ev.created_at < $2 and ev.actor_role = 'PROVIDER'
      and ev.to_status in ('CONFIRMED', 'REJECTED', 'IN_PROGRESS', 'COMPLETED')
      and ($3::text is null or ev.actor_user_id in (select p.user_id from provider_profiles p where ${CITY('p')}))
    group by grouping sets ((1), ())`,
  activeCustomers: `
    select ${DAY('b.created_at')} as d, count(distinct b.customer_id)::int as n
    from bookings b join provider_profiles p on p.id = b.provider_id
    where b.created_at >= $1 and b.created_at < $2 and ${CITY('p')}
    group by grouping sets ((1), ())`,
  /** Customers have no home city: the city filter applies to providers only. */
  signUps: `
    select ${DAY('u.created_at')} as d,
      count(*) filter (where u.role = 'CUSTOMER')::int as customers,
      count(*) filter (where u.role = 'PROVIDER' and ${CITY('p')})::int as providers
    from users u left join provider_profiles p on p.user_id = u.id
    where u.created_at >= $1 and u.created_at < $2
    group by grouping sets ((1), ())`,
  /**
   * Searches (with a city: those that showed a provider of that city) and the ones the same customer
   * followed with a booking of a provider shown in the results within 24 hours.
   */
  searches: `
    select ${DAY('s.created_at')} as d, count(*)::int as n,
      count(*) filter (where exists (
        select 1 from customer_profiles cp
        join bookings b on b.customer_id = cp.id
          and b.created_at >= s.created_at and b.created_at < s.created_at + interval '24 hours'
        join search_impressions i on i.search_id = s.id and i.provider_id = b.provider_id
        where cp.user_id = s.user_id))::int as converted
    from search_logs s
    where s.created_at >= $1 and s.created_at < $2
      and ($3::text is null or exists (
        select 1 from search_impressions i join provider_profiles p on p.id = i.provider_id
        where i.search_id = s.id and ${CITY('p')}))
    group by grouping sets ((1), ())`,
  /** Request → accept/reject, for requests answered in the range. */
  responseTime: `
    select ${DAY('b.responded_at')} as d, avg(b.response_time_sec)::float8 as avg_sec
    from bookings b join provider_profiles p on p.id = b.provider_id
    where b.responded_at >= $1 and b.responded_at < $2 and b.response_time_sec is not null and ${CITY('p')}
    group by grouping sets ((1), ())`,
} as const;

export type MetricName = keyof typeof QUERIES;

export function createAdminMetricsRepository(query: RawQuery) {
  return {
    async run(name: MetricName, range: { startUtc: Date; endUtc: Date }, city: string | null): Promise<MetricRow[]> {
      const pattern = city === null ? null : city.replace(/[\\%_]/g, (c) => `\\${c}`);
      const r = await query<MetricRow>(QUERIES[name], [range.startUtc.toISOString(), range.endUtc.toISOString(), pattern]);
      return r.rows;
    },
  };
}
