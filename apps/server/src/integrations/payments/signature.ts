import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 as lowercase hex — Razorpay's checkout and webhook signature format. */
export function hmacSha256Hex(secret: string, payload: string | Buffer): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

/** Constant-time comparison of a received hex signature with the expected one. */
export function signatureMatches(expectedHex: string, received: string | undefined | null): boolean {
  if (typeof received !== 'string' || received.length !== expectedHex.length || !/^[0-9a-f]+$/i.test(received)) return false;
  return timingSafeEqual(Buffer.from(expectedHex, 'utf8'), Buffer.from(received.toLowerCase(), 'utf8'));
}
