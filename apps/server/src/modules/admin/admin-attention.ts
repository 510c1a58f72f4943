import type { RawQuery } from '../../db/client';
import { DIRECT_REFUND_KIND } from '../payments/refund-retry';

/**
 * What is waiting for operations right now, in one statement: open disputes, providers to review,
 * reviews held or flagged, refunds the gateway failed, cash/UPI dispute refunds still to transfer by
 * hand, and failed payouts nobody has retried. Each table is read once, for the small subset that waits.
 */
const ATTENTION_SQL = `
  select * from
    (select count(*)::int as disputes, min(coalesce(disputed_at, updated_at)) as disputes_oldest
       from bookings where status = 'DISPUTED') d,
    (select count(*)::int as providers, min(coalesce(submitted_at, updated_at)) as providers_oldest
       from provider_profiles where status = 'PENDING_REVIEW') p,
    (select count(*) filter (where moderation_status = 'HELD')::int as reviews_held,
            count(*) filter (where is_flagged)::int as reviews_flagged
       from reviews where moderation_status = 'HELD' or is_flagged) r,
    (select count(*) filter (where status = 'FAILED')::int as refunds_failed,
            coalesce(sum(amount) filter (where status = 'FAILED'), 0)::bigint as refunds_failed_paise,
            count(*) filter (where status = 'PENDING')::int as refunds_to_transfer,
            coalesce(sum(amount) filter (where status = 'PENDING'), 0)::bigint as refunds_to_transfer_paise
       from refunds where status = 'FAILED' or (status = 'PENDING' and kind = '${DIRECT_REFUND_KIND}')) f,
    (select count(*)::int as payouts_failed from payouts o
       where o.status = 'FAILED' and not exists (select 1 from payouts r where r.retry_of = o.id)) o`;

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
