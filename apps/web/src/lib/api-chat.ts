/**
 * Chat over REST (rooms, history, photo upload) — live events go through lib/socket.tsx.
 * Photos are fetched with the bearer token into blob: URLs (GET /api/documents/:id is private to the room).
 */
import type { ChatMessage, ChatRoom, chatMediaSchema, chatRoomListSchema, messageListSchema } from '@localpro/contracts';
import type { z } from 'zod';
import { ApiError, getAccessToken, refreshSession, request } from './api';

export type { ChatMessage, ChatRoom };
export type ChatMedia = z.infer<typeof chatMediaSchema>;

/** Opens (or returns the existing) room with a provider; customers only. */
export const openChatRoom = (providerId: string, bookingId?: string) =>
  request<ChatRoom>('/chat/rooms', { method: 'POST', body: { providerId, bookingId } });
export const listChatRooms = () => request<z.infer<typeof chatRoomListSchema>>('/chat/rooms');
export const listMessages = (roomId: string, q: { afterSeq?: number; beforeSeq?: number; limit?: number }) =>
  request<z.infer<typeof messageListSchema>>(`/chat/rooms/${roomId}/messages`, { query: { limit: 50, ...q } });

/** fetch() with the bearer token; one refresh + retry on 401. Throws ApiError like request(). */
async function authedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const go = () => {
    const headers = new Headers(init.headers);
    const token = getAccessToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetch(`/api${path}`, { ...init, headers, credentials: 'same-origin' }).catch(() => {
      throw new ApiError(0, 'NETWORK', 'Network error');
    });
  };
  let res = await go();
  if (res.status === 401 && (await refreshSession())) res = await go();
  if (!res.ok) {
    const json = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string; details?: unknown } };
    throw new ApiError(res.status, json.error?.code ?? 'HTTP_ERROR', json.error?.message ?? res.statusText, json.error?.details);
  }
  return res;
}

/** Uploads a photo for this room; send it with message:send { type: 'IMAGE', mediaId }. */
export async function uploadChatPhoto(roomId: string, file: File): Promise<ChatMedia> {
  const form = new FormData();
  form.append('file', file);
  const res = await authedFetch(`/chat/rooms/${roomId}/media`, { method: 'POST', body: form });
  return (await res.json()) as ChatMedia;
}

const blobUrls = new Map<string, Promise<string>>();
/** A blob: URL for a chat photo (cached for the page's lifetime). */
export function chatPhotoUrl(mediaId: string): Promise<string> {
  let url = blobUrls.get(mediaId);
  if (!url) {
    url = authedFetch(`/documents/${mediaId}`).then(async (res) => URL.createObjectURL(await res.blob()));
    url.catch(() => blobUrls.delete(mediaId));
    blobUrls.set(mediaId, url);
  }
  return url;
}
