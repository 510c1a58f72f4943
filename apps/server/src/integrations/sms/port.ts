/** One outgoing SMS. `templateId`/`vars` are for vendors that send registered (DLT) templates, e.g. MSG91 flows. */
export interface SmsMessage {
  /** E.164, e.g. +919876543210. */
  to: string;
  body: string;
  templateId?: string;
  vars?: Record<string, string>;
}

export interface SmsSendResult {
  /** The vendor's id for the message (null for the local outbox). */
  providerMessageId: string | null;
}

/** The SMS port. Adapters: local (dev outbox, the default), msg91, twilio. Failures throw AppError VENDOR_UNAVAILABLE. */
export interface SmsSender {
  readonly provider: 'local' | 'msg91' | 'twilio';
  send(message: SmsMessage): Promise<SmsSendResult>;
}
