'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../lib/session';

const LINKS = [
  { href: '/pro', key: 'proNav.dashboard' },
  { href: '/pro/earnings', key: 'proNav.earnings' },
  { href: '/pro/reviews', key: 'proNav.reviews' },
  { href: '/pro/availability', key: 'proNav.availability' },
  { href: '/pro/status', key: 'proNav.profile' },
] as const;

/** The provider area's own navigation (shown to signed-in providers only). */
export function ProNav() {
  const { t } = useI18n();
  const { user } = useSession();
  const path = usePathname();
  if (user?.role !== 'PROVIDER') return null;
  return (
    <nav className="pro-nav" aria-label={t('proNav.label')}>
      <ul>
        {LINKS.map((l) => {
          const current = l.href === '/pro' ? path === '/pro' : path.startsWith(l.href);
          return (
            <li key={l.href}>
              <Link href={l.href} aria-current={current ? 'page' : undefined}>
                {t(l.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
