import { IST_OFFSET_MIN } from '../../lib/time';
import type { NotificationType } from './notify';
import { TEMPLATES } from './templates';

export const CHANNELS = ['inApp', 'push', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ChannelToggles = Record<Channel, boolean>;
export const NOTIFICATION_TYPES = Object.keys(TEMPLATES) as NotificationType[];

/** Worth an SMS by default: things that need action or change someone's day. */
const SMS_BY_DEFAULT = new Set<NotificationType>([
  'BOOKING_REQUESTED',
  'BOOKING_CONFIRMED',
  'BOOKING_REJECTED',
  'BOOKING_CANCELLED',
  'BOOKING_EXPIRED',
  'PROVIDER_ON_THE_WAY',
  'PROVIDER_APPROVED',
  'PROVIDER_REJECTED',
  'PROVIDER_SUSPENDED',
  'PAYOUT_PROCESSED',
  'PAYOUT_FAILED',
  'REFUND_FAILED',
  'CHAT_MESSAGE',
]);
/** Worth an email by default (receipts and account decisions), when the user has an email address. */
const EMAIL_BY_DEFAULT = new Set<NotificationType>([
  'BOOKING_CONFIRMED',
  'PAYMENT_RECORDED',
  'REFUND_ISSUED',
  'PAYOUT_PROCESSED',
  'PAYOUT_FAILED',
  'PROVIDER_APPROVED',
  'PROVIDER_REJECTED',
  'PROVIDER_SUSPENDED',
  'DISPUTE_RESOLVED',
]);

export function defaultChannels(type: NotificationType): ChannelToggles {
  return { inApp: true, push: true, sms: SMS_BY_DEFAULT.has(type), email: EMAIL_BY_DEFAULT.has(type) };
}

export interface StoredPreferences {
  channels: Record<string, Partial<ChannelToggles>>;
  smsEnabled: boolean;
}

/** The user's choice per channel, falling back to the default; the SMS master switch wins. */
export function effectiveChannels(type: NotificationType, stored: StoredPreferences | null): ChannelToggles {
  const merged = { ...defaultChannels(type), ...(stored?.channels[type] ?? {}) };
  if (stored && !stored.smsEnabled) merged.sms = false;
  return merged;
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * When `now` falls in the quiet hours (India time, start inclusive, end exclusive, may wrap midnight),
 * the instant they end; otherwise null.
 */
export function quietHoursEnd(now: Date, start: string | null, end: string | null): Date | null {
  if (!start || !end || start === end) return null;
  const s = minutes(start);
  const e = minutes(end);
  const istMs = now.getTime() + IST_OFFSET_MIN * 60_000;
  const dayStartIst = Math.floor(istMs / 86_400_000) * 86_400_000;
  const nowMin = Math.floor((istMs - dayStartIst) / 60_000);
  const inside = s < e ? nowMin >= s && nowMin < e : nowMin >= s || nowMin < e;
  if (!inside) return null;
  const endDay = s < e || nowMin < e ? dayStartIst : dayStartIst + 86_400_000;
  return new Date(endDay + e * 60_000 - IST_OFFSET_MIN * 60_000);
}
