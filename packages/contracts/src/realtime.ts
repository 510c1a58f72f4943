import { z } from 'zod';
import { type ChatMessage, chatLocationSchema, readPayload, roomPayload, sendMessagePayload } from './chat';
import type { NotificationItem } from './notifications';

/** Socket.IO (path /socket.io), handshake `auth: { token }` with the access token. */
export const socketAuthSchema = z.object({ token: z.string().min(1) });

export const locationUpdatePayload = z.strictObject({
  bookingId: z.uuid(),
  lat: chatLocationSchema.shape.lat,
  lng: chatLocationSchema.shape.lng,
});

export const clientEventSchemas = {
  'room:join': roomPayload,
  'room:leave': roomPayload,
  'message:send': sendMessagePayload,
  'typing:start': roomPayload,
  'typing:stop': roomPayload,
  'message:read': readPayload,
  'location:update': locationUpdatePayload,
} as const;
export type ClientEventName = keyof typeof clientEventSchemas;

export interface SocketError {
  code: string;
  message: string;
  details?: unknown;
}
/** Every client event is acknowledged with one of these. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: SocketError };
type AckFn<T extends object = object> = (res: Ack<T>) => void;

export interface ClientToServerEvents {
  'room:join': (p: z.infer<typeof roomPayload>, ack: AckFn<{ roomId: string; lastSeq: number }>) => void;
  'room:leave': (p: z.infer<typeof roomPayload>, ack: AckFn) => void;
  'message:send': (p: z.input<typeof sendMessagePayload>, ack: AckFn<{ message: ChatMessage; duplicate: boolean }>) => void;
  'typing:start': (p: z.infer<typeof roomPayload>, ack: AckFn) => void;
  'typing:stop': (p: z.infer<typeof roomPayload>, ack: AckFn) => void;
  'message:read': (p: z.infer<typeof readPayload>, ack: AckFn<{ upToSeq: number; updated: number }>) => void;
  'location:update': (
    p: z.infer<typeof locationUpdatePayload>,
    ack: AckFn<{ distanceKm: number | null; etaMin: number | null }>,
  ) => void;
}

export interface TypingEvent {
  roomId: string;
  userId: string;
  typing: boolean;
}
export interface ReadReceiptEvent {
  roomId: string;
  readerId: string;
  upToSeq: number;
  readAt: string;
}
/** The provider's live position on the way to a booking (socket `location:updated`, and REST for the last one). */
export const locationUpdatedEvent = z.object({
  bookingId: z.uuid(),
  lat: z.number(),
  lng: z.number(),
  distanceKm: z.number().nullable(),
  etaMin: z.number().int().nullable(),
  at: z.string(),
});
export type LocationUpdatedEvent = z.infer<typeof locationUpdatedEvent>;
/** GET /api/bookings/:id/location: the last shared position, or null while none is being shared. */
export const lastLocationResponse = z.object({ location: locationUpdatedEvent.nullable() });
export type LastLocationResponse = z.infer<typeof lastLocationResponse>;
export interface BookingUpdatedEvent {
  bookingId: string;
  status: string;
  booking: unknown;
}

export interface ServerToClientEvents {
  'message:created': (m: ChatMessage) => void;
  typing: (e: TypingEvent) => void;
  'message:read': (e: ReadReceiptEvent) => void;
  'booking:updated': (e: BookingUpdatedEvent) => void;
  'notification:created': (n: NotificationItem) => void;
  'location:updated': (e: LocationUpdatedEvent) => void;
  /** Sent just before the server disconnects a socket whose session ended. */
  'session:ended': (e: SocketError) => void;
}
