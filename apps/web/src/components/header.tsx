'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useI18n } from '../i18n/i18n';
import { setPreferredLanguage, signOut } from '../lib/api';
import { useSession } from '../lib/session';
import { NotificationBell } from './notification-bell';

export function Header() {
  const { t, lang, setLang } = useI18n();
  const { user } = useSession();
  const router = useRouter();

  const switchLanguage = () => {
    const next = lang === 'en' ? 'hi' : 'en';
    setLang(next);
    // Remember it on the account too, so other devices and notifications follow (best effort).
    if (user) void setPreferredLanguage(next).catch(() => undefined);
  };

  return (
    <header className="site-header">
      <Link href="/" className="brand">
        {t('app.name')}
      </Link>
      <nav aria-label={t('nav.main')}>
        <Link href="/">{t('nav.search')}</Link>
        {user?.role === 'CUSTOMER' && <Link href="/bookings">{t('nav.bookings')}</Link>}
        <Link href="/pro">{t('nav.pro')}</Link>
        {user && <Link href="/chat">{t('nav.chat')}</Link>}
        {user && <Link href="/account">{t('nav.account')}</Link>}
        {user && <NotificationBell />}
        {user?.role === 'ADMIN' && <Link href="/admin">{t('admin.nav.label')}</Link>}
        {user ? (
          <button type="button" className="link" onClick={() => void signOut().finally(() => router.push('/'))}>
            {t('nav.signOut')}
          </button>
        ) : (
          <Link href="/login">{t('nav.signIn')}</Link>
        )}
        <button
          type="button"
          className="lang"
          onClick={switchLanguage}
          aria-label={t('lang.switchLabel')}
          lang={lang === 'en' ? 'hi' : 'en'}
        >
          {t('lang.switch')}
        </button>
      </nav>
    </header>
  );
}
