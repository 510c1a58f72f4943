export interface PushMessage {
  token: string;
  title: string;
  body: string;
  /** String values only (FCM data payload). */
  data?: Record<string, string>;
}

export type PushResult = { ok: true; id: string } | { ok: false; reason: 'UNREGISTERED' | 'FAILED'; detail?: string };

export interface PushSender {
  send(msg: PushMessage): Promise<PushResult>;
}
