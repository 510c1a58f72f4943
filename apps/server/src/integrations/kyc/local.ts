import { createHmac, timingSafeEqual } from 'node:crypto';
import { randomToken } from '../../lib/ids';
import { KycError, type KycIdentity, type KycProvider } from './port';

const NAMES = [
  'Ramesh Kumar',
  'Sunita Devi',
  'Arjun Singh',
  'Priya Sharma',
  'Mohammed Irfan',
  'Lakshmi Iyer',
  'Vikram Yadav',
  'Anita Verma',
];
const CITIES = [
  'Lucknow, Uttar Pradesh 226001',
  'Kanpur, Uttar Pradesh 208001',
  'Jaipur, Rajasthan 302001',
  'Pune, Maharashtra 411001',
];

/**
 * Sandbox vendor (the default): any Verhoeff-valid number works except those ending in 0000, which
 * act as "no mobile linked". The OTP is derived from the reference with a server secret and sent to the
 * caller's own phone through `sendSms` (the dev outbox locally). Identity data is deterministic per
 * last four digits, so tests and demos are repeatable. Nothing is stored here.
 */
export function createSandboxKyc(deps: { secret: string; sendSms(to: string, body: string): Promise<void> }): KycProvider {
  const otpFor = (ref: string) => {
    const n = createHmac('sha256', deps.secret).update(`kyc-otp:${ref}`).digest().readUInt32BE(0) % 1_000_000;
    return String(n).padStart(6, '0');
  };
  return {
    vendor: 'sandbox',
    async start(aadhaarNumber, ctx) {
      const last4 = aadhaarNumber.slice(-4);
      if (last4 === '0000') throw new KycError('AADHAAR_REJECTED', 'No mobile number is linked to this Aadhaar');
      const referenceId = `sbx_${randomToken(12).replace(/[^A-Za-z0-9]/g, 'x')}_${last4}`;
      const otp = otpFor(referenceId);
      await deps.sendSms(
        ctx.phone,
        `${otp} is your Aadhaar verification OTP (sandbox). / ${otp} आपका आधार सत्यापन OTP है (सैंडबॉक्स)।`,
      );
      return { referenceId };
    },
    async verify(referenceId, otp) {
      const m = /^sbx_[A-Za-z0-9]+_(\d{4})$/.exec(referenceId);
      if (!m) throw new KycError('OTP_EXPIRED', 'This verification has expired; start again');
      const expected = Buffer.from(otpFor(referenceId));
      const given = Buffer.from(otp.padEnd(6, ' ').slice(0, 6));
      if (!timingSafeEqual(expected, given)) throw new KycError('OTP_INVALID', 'The OTP is not correct');
      return sandboxIdentity(m[1]!);
    },
  };
}

export function sandboxIdentity(last4: string): KycIdentity {
  const n = Number(last4);
  const year = 1970 + (n % 30);
  const month = String((n % 12) + 1).padStart(2, '0');
  const day = String((n % 28) + 1).padStart(2, '0');
  return {
    name: NAMES[n % NAMES.length]!,
    dateOfBirth: `${year}-${month}-${day}`,
    address: `House ${(n % 200) + 1}, ${CITIES[n % CITIES.length]}`,
    last4,
  };
}
