import { describe, expect, it } from 'vitest';
import { type NotificationItem, notificationLink } from './api-notifications';

const item = (type: string, data: Record<string, unknown> = {}): NotificationItem =>
  ({
    id: '00000000-0000-4000-8000-000000000001',
    type,
    title: type,
    body: type,
    data,
    readAt: null,
    createdAt: '2026-12-07T10:00:00.000Z',
  }) as NotificationItem;
const booking = { bookingId: 'b1', bookingNumber: 'LP-ABC-123' };

describe('where a notification leads', () => {
  it('a chat message opens its room, for everyone', () => {
    for (const role of ['CUSTOMER', 'PROVIDER', 'ADMIN'])
      expect(notificationLink(item('CHAT_MESSAGE', { roomId: 'r1', ...booking }), role)).toBe('/chat/r1');
  });

  it('customers open the booking page; providers its card on the dashboard', () => {
    expect(notificationLink(item('BOOKING_CONFIRMED', booking), 'CUSTOMER')).toBe('/bookings/b1');
    expect(notificationLink(item('BOOKING_REQUESTED', booking), 'PROVIDER')).toBe('/pro#booking-b1');
    expect(notificationLink(item('PAYOUT_FAILED'), 'PROVIDER')).toBe('/pro/earnings');
    expect(notificationLink(item('PROVIDER_APPROVED'), 'PROVIDER')).toBe('/pro/status');
    expect(notificationLink(item('KYC_VERIFIED'), 'CUSTOMER')).toBeNull();
  });

  it('admins land in the console, never on a customer page', () => {
    expect(notificationLink(item('REFUND_FAILED', { refundId: 'x', ...booking }), 'ADMIN')).toBe('/admin/money?refunds=FAILED');
    expect(notificationLink(item('BOOKING_DISPUTED', booking), 'ADMIN')).toBe('/admin/disputes/b1');
    expect(notificationLink(item('PROVIDER_SUBMITTED', { providerId: 'p1' }), 'ADMIN')).toBe('/admin/providers');
    expect(notificationLink(item('DISPUTE_RESOLVED', booking), 'ADMIN')).toBe('/admin/bookings/b1');
    expect(notificationLink(item('PAYOUT_PROCESSED'), 'ADMIN')).toBeNull();
  });
});
