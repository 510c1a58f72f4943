import { randomInt } from 'node:crypto';
import type { TestApp } from '../app';

/** A random valid Indian mobile (+91, 10 digits starting 6–9); collisions across runs are negligible. */
export function randomPhone(): string {
  return `+91${randomInt(6, 10)}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

/** A fresh random client IP so per-IP OTP limits (shared in Redis across runs) don't leak between tests. */
export function nextIp(): string {
  return `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** Reads the newest SMS to `phone` from the dev outbox, as a person testing locally would. */
export async function readOutboxSms(t: TestApp, phone: string): Promise<string | null> {
  const res = await t.app.inject({ url: `/api/dev/outbox?to=${encodeURIComponent(phone)}` });
  if (res.statusCode !== 200) throw new Error(`dev outbox answered ${res.statusCode}`);
  const items = res.json().items as { channel: string; body: string }[];
  return items.find((i) => i.channel === 'sms')?.body ?? null;
}

/** The 6-digit code in the newest SMS to `phone`. */
export async function readOtp(t: TestApp, phone: string): Promise<string> {
  const body = await readOutboxSms(t, phone);
  const code = body && /\b(\d{6})\b/.exec(body)?.[1];
  if (!code) throw new Error(`no OTP SMS for ${phone}`);
  return code;
}

export async function requestOtp(t: TestApp, phone: string, ip = nextIp()) {
  return t.app.inject({ method: 'POST', url: '/api/auth/otp/request', payload: { phone }, remoteAddress: ip });
}

export async function verifyOtp(t: TestApp, body: { phone: string; code: string; role?: string }, ip = nextIp()) {
  return t.app.inject({ method: 'POST', url: '/api/auth/otp/verify', payload: body, remoteAddress: ip });
}

export interface LoggedIn {
  accessToken: string;
  refreshToken: string;
  headers: { authorization: string };
  user: { id: string; role: string; phone: string; customerId: string | null; providerId: string | null };
  secondFactor: string;
  isNewUser: boolean;
}

/** Full sign-in through the API: request a code, read it from the dev outbox, verify it. */
export async function loginWithOtp(t: TestApp, phone: string, opts: { role?: 'CUSTOMER' | 'PROVIDER' } = {}): Promise<LoggedIn> {
  const ip = nextIp();
  const req = await requestOtp(t, phone, ip);
  if (req.statusCode !== 202) throw new Error(`otp request answered ${req.statusCode}: ${req.body}`);
  const code = await readOtp(t, phone);
  const res = await verifyOtp(t, { phone, code, ...(opts.role ? { role: opts.role } : {}) }, ip);
  if (res.statusCode !== 200) throw new Error(`otp verify answered ${res.statusCode}: ${res.body}`);
  const body = res.json();
  return { ...body, headers: { authorization: `Bearer ${body.accessToken}` } };
}
