'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { ChatRoomView } from '../../../components/chat-room';
import { Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../../lib/session';
import '../../../styles/chat.css';

/** One conversation (customers and providers alike). */
export default function ChatRoomPage() {
  const { roomId } = useParams<{ roomId: string }>();
  const { t } = useI18n();
  const { user, ready } = useSession();
  if (!ready) return <Loading />;
  if (!user)
    return (
      <section>
        <p>{t('common.signInFirst')}</p>
        <Link className="btn" href={`/login?next=/chat/${roomId}`}>
          {t('nav.signIn')}
        </Link>
      </section>
    );
  return <ChatRoomView key={roomId} roomId={roomId} />;
}
