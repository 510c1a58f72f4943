/**
 * Aadhaar e-KYC port (OTP based). The full Aadhaar number passes through `start` only: adapters must
 * never log it, put it in an error message, or return it. `verify` returns the last four digits only.
 */
export interface KycIdentity {
  name: string;
  /** YYYY-MM-DD when the vendor gives a full date. */
  dateOfBirth: string | null;
  address: string | null;
  last4: string;
}

export interface KycProvider {
  readonly vendor: 'sandbox' | 'surepass';
  /** Sends an OTP to the Aadhaar-linked mobile. `phone` is the caller's own number (the sandbox sends there). */
  start(aadhaarNumber: string, ctx: { phone: string }): Promise<{ referenceId: string }>;
  verify(referenceId: string, otp: string): Promise<KycIdentity>;
}

export type KycErrorKind = 'OTP_INVALID' | 'OTP_EXPIRED' | 'AADHAAR_REJECTED' | 'UNAVAILABLE';

/** Adapters throw this; messages are fixed strings that never include user input. */
export class KycError extends Error {
  constructor(
    readonly kind: KycErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'KycError';
  }
}
