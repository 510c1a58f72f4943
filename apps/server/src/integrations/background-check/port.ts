import type { Tx } from '../../db/client';

/** What an agency needs to run a check. Never the Aadhaar number: only its masked form. */
export interface CandidateDetails {
  /** Our background_checks.id — the agency echoes it back. */
  checkId: string;
  name: string;
  dateOfBirth: string | null;
  address: string | null;
  phone: string;
  aadhaarMasked: string | null;
}

export type CheckOutcome = 'PASSED' | 'FAILED';

export interface AgencyResult {
  vendorReference: string;
  outcome: CheckOutcome;
  note: string | null;
}

/**
 * Background verification agency port. Results arrive asynchronously: the sandbox schedules a job
 * (`background_check.complete`); real agencies call our signed webhook.
 */
export interface BackgroundCheckAgency {
  readonly vendor: 'sandbox' | 'agency';
  /** `tx` lets the sandbox enqueue its result job in the caller's transaction. */
  start(candidate: CandidateDetails, ctx: { tx?: Tx }): Promise<{ vendorReference: string }>;
  /** Verifies and parses a webhook; null when the signature is missing, wrong or stale. */
  parseWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): AgencyResult | null;
}

export const BACKGROUND_CHECK_COMPLETE_JOB = 'background_check.complete';
export interface BackgroundCheckCompleteJob {
  checkId: string;
  outcome: CheckOutcome;
}
