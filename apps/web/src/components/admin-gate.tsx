'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { refreshSession } from '../lib/api';
import type { SecondFactorStep } from '../lib/api-admin';
import { useSession } from '../lib/session';
import { AdminTotp } from './admin-totp';
import { ErrorNote, Loading } from './status';

const NAV: { href: string; key: MessageKey }[] = [
  { href: '/admin', key: 'admin.nav.overview' },
  { href: '/admin/providers', key: 'admin.nav.providers' },
  { href: '/admin/users', key: 'admin.nav.users' },
  { href: '/admin/bookings', key: 'admin.nav.bookings' },
  { href: '/admin/disputes', key: 'admin.nav.disputes' },
  { href: '/admin/money', key: 'admin.nav.money' },
  { href: '/admin/reviews', key: 'admin.nav.reviews' },
  { href: '/admin/catalogue', key: 'admin.nav.catalogue' },
  { href: '/admin/audit', key: 'admin.nav.audit' },
];

function AdminNav() {
  const { t } = useI18n();
  const path = usePathname();
  return (
    <nav className="admin-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {NAV.map((n) => {
          const current = n.href === '/admin' ? path === '/admin' : path.startsWith(n.href);
          return (
            <li key={n.href}>
              <Link href={n.href} aria-current={current ? 'page' : undefined}>
                {t(n.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * Everything under /admin: signed-out people are sent to the SMS sign-in (and back), non-admins are told
 * plainly they are not allowed, admins pass the authenticator step (enrolling on first sign-in) and then
 * get the console with its navigation.
 */
export function AdminGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { ready, user } = useSession();
  const [step, setStep] = useState<SecondFactorStep | null>(null);
  const [error, setError] = useState<unknown>(null);
  const checkedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!user) {
      // Signed out (or the session expired): the next sign-in asks again.
      checkedFor.current = null;
      setStep(null);
      setError(null);
      return;
    }
    if (user.role !== 'ADMIN' || checkedFor.current === user.id) return;
    checkedFor.current = user.id;
    // The token pair says which second-factor step this session still needs.
    refreshSession().then(
      (pair) => (pair ? setStep(pair.secondFactor) : setError(new Error('session'))),
      (err: unknown) => setError(err),
    );
  }, [user]);

  if (!ready) return <Loading />;
  if (!user) {
    return (
      <section className="card admin-gate">
        <h1>{t('admin.title')}</h1>
        <p>{t('admin.signInFirst')}</p>
        <Link className="btn" href="/login?next=/admin">
          {t('admin.signIn')}
        </Link>
      </section>
    );
  }
  if (user.role !== 'ADMIN') {
    return (
      <section className="card admin-gate" role="alert">
        <h1>{t('admin.notAllowedTitle')}</h1>
        <p>{t('admin.notAllowed')}</p>
        <Link href="/">{t('admin.backHome')}</Link>
      </section>
    );
  }
  if (error !== null) return <ErrorNote error={error} onRetry={() => window.location.reload()} />;
  if (step === null) return <Loading />;
  if (step !== 'NONE') return <AdminTotp step={step} onDone={() => setStep('NONE')} />;
  return (
    <div className="admin-shell">
      <AdminNav />
      <div className="admin-content">{children}</div>
    </div>
  );
}
