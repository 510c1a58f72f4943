/** OTP policy (DESIGN §8). Figures are the floor the issue sets. */
export const OTP_TTL_SEC = 5 * 60;
export const OTP_MAX_WRONG_TRIES = 5;
export const OTP_SENDS_PER_PHONE_PER_HOUR = 5;
export const OTP_REQUESTS_PER_IP_PER_HOUR = 100;
// Generous enough for carrier-grade NAT (many phones behind one IP), tight enough to stop SMS pumping from one host.
export const OTP_REQUESTS_PER_IP_PER_MINUTE = 10;
export const OTP_VERIFIES_PER_IP_PER_10_MIN = 60;
const FIRST_COOLDOWN_SEC = 30;
const MAX_COOLDOWN_SEC = 15 * 60;

/** Seconds to wait before the next send, after `sendCount` sends in the current hour: 30, 60, 120, 240, … */
export function resendCooldownSec(sendCount: number): number {
  if (sendCount < 1) return 0;
  return Math.min(MAX_COOLDOWN_SEC, FIRST_COOLDOWN_SEC * 2 ** (sendCount - 1));
}
