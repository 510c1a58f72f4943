'use client';

import Link from 'next/link';
import { Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { AddressesSection } from './addresses-section';
import { DevicesSection } from './devices-section';
import { PreferencesSection } from './preferences-section';
import { ProfileSection } from './profile-section';
import '../../styles/account.css';

/** My account: name and language, saved addresses (customers), notification preferences, signed-in devices. */
export default function AccountPage() {
  const { t } = useI18n();
  const { user, ready } = useSession();
  if (!ready) return <Loading />;
  if (!user)
    return (
      <section>
        <h1>{t('account.title')}</h1>
        <p>{t('common.signInFirst')}</p>
        <Link className="btn" href="/login?next=/account">
          {t('nav.signIn')}
        </Link>
      </section>
    );
  return (
    <section className="account">
      <h1>{t('account.title')}</h1>
      <ProfileSection />
      {user.role === 'CUSTOMER' && <AddressesSection />}
      <PreferencesSection role={user.role} />
      <DevicesSection />
    </section>
  );
}
