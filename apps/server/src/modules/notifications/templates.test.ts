import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from './preferences';
import { renderNotification, TEMPLATES } from './templates';

const sample = {
  bookingNumber: 'LP-24-ABCD',
  providerName: 'Ravi Electricals',
  customerName: 'Asha',
  serviceName: 'Fan installation',
  scheduledStart: '2026-11-26T11:30:00Z',
  reason: 'Documents unclear',
  amountPaise: 149_950,
  rating: 5,
  reference: 'UTR123',
  resolution: 'Refunded in full',
  senderName: 'Ravi',
  preview: 'On my way',
};

describe('notification templates', () => {
  it('has English and Hindi text for every notification type, fully interpolated', () => {
    for (const type of NOTIFICATION_TYPES) {
      for (const lang of ['en', 'hi'] as const) {
        const t = renderNotification(type, lang, sample);
        expect(t.title.length).toBeGreaterThan(0);
        expect(t.body.length).toBeGreaterThan(0);
        expect(`${t.title} ${t.body}`).not.toMatch(/[{}]/);
      }
      expect(TEMPLATES[type].hi.title).toMatch(/[\u0900-\u097F]/);
    }
  });

  it('formats money in rupees and times in India time', () => {
    expect(renderNotification('PAYMENT_RECORDED', 'en', sample).body).toBe(
      'We received ₹1,499.50 for booking LP-24-ABCD. Thank you!',
    );
    expect(renderNotification('BOOKING_CONFIRMED', 'en', sample).body).toContain('5:00');
  });

  it('drops missing values without leaving placeholders or double spaces', () => {
    const t = renderNotification('BOOKING_CANCELLED', 'hi', { bookingNumber: 'LP-1' });
    expect(t.body).toBe('बुकिंग LP-1 रद्द कर दी गई है।');
  });
});
