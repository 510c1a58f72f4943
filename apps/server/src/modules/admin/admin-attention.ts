import type { RawQuery } from '../../db/client';

/**
 * What is waiting for operations right now, in one statement: open disputes, providers to review,
 * reviews held or flagged, refunds the gateway failed, cash/UPI dispute refunds still to transfer by
 * hand, and failed payouts nobody has retried. Each part is a count over a small, indexed subset.
 */
const ATTENTION_SQL = `
  select
    (select count(*) from bookings where status = 'DISPUTED')::int as disputes,
    (select min(coalesce(disputed_at, updated_at)) from bookings where status = 'DISPUTED') as disputes_oldest,
    (select count(*) from provider_profiles where status = 'PENDING_REVIEW')::int as providers,
    (select min(coalesce(submitted_at, updated_at)) from provider_profiles where status = 'PENDING_REVIEW') as providers_oldest,
    (select count(*) from reviews where moderation_status = 'HELD')::int as reviews_held,
    (select count(*) from reviews where is_flagged)::int as reviews_flagged,
    (select count(*) from refunds where status = 'FAILED')::int as refunds_failed,
    (select coalesce(sum(amount), 0) from refunds where status = 'FAILED')::bigint as refunds_failed_paise,
    (select count(*) from refunds where status = 'PENDING' and gateway_payment_id like 'direct:%')::int as refunds_to_transfer,
    (select coalesce(sum(amount), 0) from refunds where status = 'PENDING' and gateway_payment_id like 'direct:%')::bigint
      as refunds_to_transfer_paise,
    (select count(*) from payouts p where p.status = 'FAILED'
       and not exists (select 1 from payouts r where r.retry_of = p.id))::int as payouts_failed`;

interface AttentionRow {
  disputes: number;
  disputes_oldest: Date | string | null;
  providers: number;
  providers_oldest: Date | string | null;
  reviews_held: number;
  reviews_flagged: number;
  refunds_failed: number;
  refunds_failed_paise: string | number;
  refunds_to_transfer: number;
  refunds_to_transfer_paise: string | number;
  payouts_failed: number;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function createAdminAttention(query: RawQuery) {
  return {
    async attention() {
      const { rows } = await query<AttentionRow>(ATTENTION_SQL);
      const r = rows[0]!;
      return {
        disputes: { count: r.disputes, oldestAt: iso(r.disputes_oldest) },
        providersToReview: { count: r.providers, oldestAt: iso(r.providers_oldest) },
        reviews: { held: r.reviews_held, flagged: r.reviews_flagged },
        refundsFailed: { count: r.refunds_failed, amountPaise: Number(r.refunds_failed_paise) },
        refundsToTransfer: { count: r.refunds_to_transfer, amountPaise: Number(r.refunds_to_transfer_paise) },
        payoutsFailed: { count: r.payouts_failed },
      };
    },
  };
}
export type AdminAttention = ReturnType<typeof createAdminAttention>;
