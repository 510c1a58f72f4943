import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Executor, RawQuery, Tx } from '../../db/client';
import { PARTIES_SQL, PARTY_COLUMNS } from '../admin/admin-bookings.repository';
import { bookingEvents, bookings } from '../bookings/bookings.tables';
import { messages } from '../chat/chat.tables';
import { users } from '../users/users.tables';
import { disputeResolutions } from './disputes.tables';

export type ResolutionRow = typeof disputeResolutions.$inferSelect;

export interface DisputeListRow {
  id: string;
  booking_number: string;
  status: string;
  service_type: string;
  dispute_reason: string | null;
  opened_at: Date | string;
  sort_key: string;
  sort_id: string;
  city: string | null;
  customer_user_id: string;
  customer_id: string;
  customer_name: string | null;
  customer_phone: string;
  provider_user_id: string;
  provider_id: string;
  provider_name: string | null;
  provider_phone: string;
  business_name: string | null;
  pay_amount: string | number | null;
  pay_method: string | null;
  pay_status: string | null;
  timeline_events: number;
  chat_messages: number;
  photos: number;
  start_code_used: boolean;
  resolution_id: string | null;
  resolved_at: Date | string | null;
}

const KEY = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Evidence counts and the live payment of booking `b` (pair's chat room, review photos). */
const EVIDENCE = `
  pay.amount as pay_amount, pay.method::text as pay_method, pay.status::text as pay_status,
  (select count(*) from booking_events e2 where e2.booking_id = b.id)::int as timeline_events,
  (select count(*) from messages m join chat_rooms r on r.id = m.chat_room_id
     where r.customer_id = b.customer_id and r.provider_id = b.provider_id)::int as chat_messages,
  ((select count(*) from messages m join chat_rooms r on r.id = m.chat_room_id
     where r.customer_id = b.customer_id and r.provider_id = b.provider_id and m.type = 'IMAGE')
   + coalesce((select jsonb_array_length(rv.photos) from reviews rv where rv.booking_id = b.id), 0))::int as photos,
  exists (select 1 from booking_events e3 where e3.booking_id = b.id and e3.to_status = 'IN_PROGRESS') as start_code_used`;
const LIVE_PAYMENT = `
  left join lateral (select amount, method, status from payments
    where booking_id = b.id and status <> 'FAILED' order by created_at desc limit 1) pay on true`;

/** Whether the pair has a disputed booking now, and when their last dispute was resolved. */
export async function pairDisputeState(ex: Executor, customerId: string, providerId: string, resolvedSince: Date) {
  const pair = and(eq(bookings.customerId, customerId), eq(bookings.providerId, providerId));
  const [open] = await ex
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(pair, eq(bookings.status, 'DISPUTED')))
    .limit(1);
  const [resolved] = await ex
    .select({ at: disputeResolutions.createdAt })
    .from(disputeResolutions)
    .innerJoin(bookings, eq(bookings.id, disputeResolutions.bookingId))
    .where(and(pair, gte(disputeResolutions.createdAt, resolvedSince)))
    .orderBy(desc(disputeResolutions.createdAt))
    .limit(1);
  return { openDispute: open != null, lastResolvedAt: resolved?.at ?? null };
}

export function createDisputesRepository(query: RawQuery) {
  return {
    /** The event that opened the booking's current (latest) dispute. */
    async latestDisputeEvent(ex: Executor, bookingId: string) {
      const [row] = await ex
        .select({ id: bookingEvents.id, createdAt: bookingEvents.createdAt })
        .from(bookingEvents)
        .where(and(eq(bookingEvents.bookingId, bookingId), eq(bookingEvents.toStatus, 'DISPUTED')))
        .orderBy(desc(bookingEvents.createdAt), desc(bookingEvents.id))
        .limit(1);
      return row ?? null;
    },

    async findResolutionForEvent(ex: Executor, eventId: string): Promise<ResolutionRow | null> {
      const [row] = await ex.select().from(disputeResolutions).where(eq(disputeResolutions.disputeEventId, eventId));
      return row ?? null;
    },

    async insertResolution(tx: Tx, v: typeof disputeResolutions.$inferInsert): Promise<ResolutionRow | null> {
      const [row] = await tx.insert(disputeResolutions).values(v).onConflictDoNothing().returning();
      return row ?? null;
    },

    /** Open disputes (DISPUTED bookings), oldest opening first. */
    async listOpen(after: { at: string; id: string } | undefined, limit: number): Promise<DisputeListRow[]> {
      const r = await query<DisputeListRow>(
        `select b.id, b.booking_number, b.status::text as status, b.service_type, b.dispute_reason,
           ev.opened_at, ${KEY('ev.opened_at')} as sort_key, b.id as sort_id,
           ${PARTY_COLUMNS}, ${EVIDENCE}, null as resolution_id, null as resolved_at
         from bookings b
         cross join lateral (select coalesce(
           (select e.created_at from booking_events e where e.booking_id = b.id and e.to_status = 'DISPUTED'
             order by e.created_at desc limit 1),
           b.disputed_at, b.updated_at) as opened_at) ev
         ${PARTIES_SQL} ${LIVE_PAYMENT}
         where b.status = 'DISPUTED' and ($1::timestamptz is null or (ev.opened_at, b.id) > ($1::timestamptz, $2::uuid))
         order by ev.opened_at, b.id
         limit $3`,
        [after?.at ?? null, after?.id ?? null, limit + 1],
      );
      return r.rows;
    },

    /** Resolutions, newest first. */
    async listResolved(before: { at: string; id: string } | undefined, limit: number): Promise<DisputeListRow[]> {
      const r = await query<DisputeListRow>(
        `select b.id, b.booking_number, b.status::text as status, b.service_type, b.dispute_reason,
           dr.opened_at, ${KEY('dr.created_at')} as sort_key, dr.id as sort_id,
           ${PARTY_COLUMNS}, ${EVIDENCE}, dr.id as resolution_id, dr.created_at as resolved_at
         from dispute_resolutions dr join bookings b on b.id = dr.booking_id
         ${PARTIES_SQL} ${LIVE_PAYMENT}
         where ($1::timestamptz is null or (dr.created_at, dr.id) < ($1::timestamptz, $2::uuid))
         order by dr.created_at desc, dr.id desc
         limit $3`,
        [before?.at ?? null, before?.id ?? null, limit + 1],
      );
      return r.rows;
    },

    async resolutionsByIds(ex: Executor, ids: string[]) {
      if (!ids.length) return [];
      return ex
        .select({ r: disputeResolutions, resolverName: users.name })
        .from(disputeResolutions)
        .innerJoin(users, eq(users.id, disputeResolutions.resolvedByUserId))
        .where(inArray(disputeResolutions.id, ids));
    },

    /** The pair's chat, oldest first, capped. */
    async transcript(ex: Executor, roomId: string, cap: number) {
      return ex
        .select()
        .from(messages)
        .where(eq(messages.chatRoomId, roomId))
        .orderBy(asc(messages.seq))
        .limit(cap + 1);
    },

    pairDisputeState,
  };
}
export type DisputesRepository = ReturnType<typeof createDisputesRepository>;
