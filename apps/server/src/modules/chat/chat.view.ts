import type { ChatMessage } from '@localpro/contracts';
import type { MessageRow, RoomInfo } from './chat.repository';
import { maskContacts } from './masking';

export interface Viewer {
  userId: string;
  language: 'en' | 'hi';
  /** An admin handling a dispute sees originals, unmasked. */
  isAdmin: boolean;
}

/**
 * One stored message as `viewer` sees it: the sender and admins get the original; the other party gets
 * the translation into their language (or the original marked translated: false), with contacts masked
 * while `mask` holds (no confirmed booking between the pair).
 */
export function messageView(row: MessageRow, viewer: Viewer, mask: boolean): ChatMessage {
  const base = {
    id: row.id,
    roomId: row.chatRoomId,
    seq: row.seq,
    clientMessageId: row.clientMessageId,
    senderId: row.senderId,
    type: row.type,
    detectedLanguage: row.detectedLanguage,
    mediaId: row.mediaUrl,
    location: row.location ?? null,
    isRead: row.isRead,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
  const original = row.originalContent;
  if (viewer.isAdmin || viewer.userId === row.senderId || original === null) {
    return { ...base, content: original, originalContent: original, translated: false, masked: false };
  }
  const tr = row.translations[viewer.language];
  const text = tr?.text ?? original;
  if (!mask) return { ...base, content: text, originalContent: original, translated: tr?.translated ?? false, masked: false };
  const content = maskContacts(text, viewer.language);
  const orig = maskContacts(original, viewer.language);
  return {
    ...base,
    content: content.text,
    originalContent: orig.text,
    translated: tr?.translated ?? false,
    masked: content.masked || orig.masked,
  };
}

export function participantViewer(room: RoomInfo, userId: string): Viewer {
  const language = userId === room.customerUserId ? room.customerLanguage : room.providerLanguage;
  return { userId, language, isAdmin: false };
}
