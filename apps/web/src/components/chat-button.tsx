'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { openChatRoom } from '../lib/api-chat';
import { useSession } from '../lib/session';
import { ErrorNote } from './status';

/**
 * "Chat" entry point: opens (or reuses) the room with a provider and goes there. Customers pass the
 * provider (and optionally the booking); a provider passes their own providerId with the booking.
 * Signed-out visitors are sent to sign in first.
 */
export function ChatButton({ providerId, bookingId, className }: { providerId: string; bookingId?: string; className?: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Only customers start a chat from a profile; on a booking both of its parties may.
  if (user && !bookingId && user.role !== 'CUSTOMER') return null;

  const open = async () => {
    if (!user) {
      router.push(`/login?next=${encodeURIComponent(window.location.pathname)}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const room = await openChatRoom(providerId, bookingId);
      router.push(`/chat/${room.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className={`${className ?? 'btn secondary'} chat-open`} onClick={() => void open()} disabled={busy}>
        {busy ? t('chat.opening') : t('chat.open')}
      </button>
      {error !== null && <ErrorNote error={error} />}
    </>
  );
}
