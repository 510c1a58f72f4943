import {
  adminAttentionResponse,
  adminBookingDetail,
  adminBookingParams,
  adminBookingsQuery,
  adminBookingsResponse,
  adminMetricsQuery,
  adminMetricsResponse,
  adminPaymentsQuery,
  adminPaymentsResponse,
  adminPayoutsQuery,
  adminPayoutsResponse,
  adminRevenueQuery,
  adminRevenueResponse,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAdmin } from '../../http/auth';
import type { AdminAttention } from './admin-attention';
import type { AdminBookingsService } from './admin-bookings.service';
import type { AdminMetricsService } from './admin-metrics.service';
import type { AdminMoneyService } from './admin-money.service';

const tags = ['admin'];

/** Admin console reads: overview metrics, booking search/detail, payments, payouts, revenue (admins with TOTP). */
export function adminRoutes(s: {
  metrics: AdminMetricsService;
  attention: AdminAttention;
  bookings: AdminBookingsService;
  money: AdminMoneyService;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin/metrics/overview',
      {
        schema: {
          tags,
          summary:
            'Overview per Asia/Kolkata day: bookings by status, GMV, commission, active users, sign-ups, conversion, response time',
          querystring: adminMetricsQuery,
          response: { 200: adminMetricsResponse },
        },
      },
      async (req) => {
        requireAdmin(req);
        return s.metrics.overview(req.query);
      },
    );
    app.get(
      '/admin/attention',
      {
        schema: {
          tags,
          summary: 'What waits for operations now: disputes, provider reviews, held/flagged reviews, failed refunds and payouts',
          response: { 200: adminAttentionResponse },
        },
      },
      async (req) => {
        requireAdmin(req);
        return s.attention.attention();
      },
    );
    app.get(
      '/admin/bookings',
      {
        schema: {
          tags,
          summary: 'Find bookings by number, phone or name, status and creation day (newest first)',
          querystring: adminBookingsQuery,
          response: { 200: adminBookingsResponse },
        },
      },
      async (req) => {
        requireAdmin(req);
        return s.bookings.search(req.query);
      },
    );
    app.get(
      '/admin/bookings/:id',
      {
        schema: {
          tags,
          summary: 'A booking with its full timeline, start-code use, payments, refunds, ledger, review and dispute state',
          params: adminBookingParams,
          response: { 200: adminBookingDetail },
        },
      },
      async (req) => {
        requireAdmin(req);
        return s.bookings.detail(req.params.id);
      },
    );
    app.get(
      '/admin/payments',
      {
        schema: {
          tags,
          summary: 'Payments (newest first) with their refunds; filter by status, method and day',
          querystring: adminPaymentsQuery,
          response: { 200: adminPaymentsResponse },
        },
      },
      async (req) => {
        requireAdmin(req);
        return s.money.listPayments(req.query);
      },
    );
    app.get(
      '/admin/payouts',
      {
        schema: {
          tags,
          summary: 'Provider payouts by status (newest first), with counts; failed ones can be retried',
          querystring: adminPayoutsQuery,
          response: { 200: adminPayoutsResponse },
        },
      },
      async (req) => {
        requireAdmin(req);
        return s.money.listPayouts(req.query);
      },
    );
    app.get(
      '/admin/revenue',
      {
        schema: {
          tags,
          summary: 'Platform commission, GST on it and refunds borne, per Asia/Kolkata day, from the ledger',
          querystring: adminRevenueQuery,
          response: { 200: adminRevenueResponse },
        },
      },
      async (req) => {
        requireAdmin(req);
        return s.money.revenue(req.query);
      },
    );
  };
}
