'use client';

import Link from 'next/link';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ApiError, getMyProvider, type MyProvider } from '../lib/api';
import { useSession } from '../lib/session';
import { ErrorNote, Loading } from './status';

export interface ProContext {
  profile: MyProvider;
  /** Replace the profile after a save (the API answers with the whole profile). */
  setProfile: (p: MyProvider) => void;
  reload: () => Promise<void>;
}

/**
 * The provider area's gate: signed out → sign-up pitch; a customer account → explanation; a provider →
 * loads GET /api/providers/me and renders `children(ctx)`.
 */
export function ProGate({ children }: { children: (ctx: ProContext) => ReactNode }) {
  const { t } = useI18n();
  const { user, ready } = useSession();
  const [profile, setProfile] = useState<MyProvider | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    setError(null);
    try {
      setProfile(await getMyProvider());
    } catch (err) {
      setError(err);
    }
  }, []);

  useEffect(() => {
    if (user?.role === 'PROVIDER') void reload();
  }, [user, reload]);

  if (!ready) return <Loading />;
  if (!user)
    return (
      <section>
        <h1>{t('pro.title')}</h1>
        <p>{t('pro.pitch')}</p>
        <Link className="btn" href="/login?role=provider&next=/pro">
          {t('pro.signUp')}
        </Link>
      </section>
    );
  if (user.role !== 'PROVIDER')
    return (
      <section>
        <h1>{t('pro.title')}</h1>
        <p>{t('pro.notProvider')}</p>
      </section>
    );
  if (error !== null) {
    const missing = error instanceof ApiError && error.status === 404;
    return <ErrorNote error={missing ? new Error('no profile') : error} onRetry={() => void reload()} />;
  }
  if (!profile) return <Loading />;
  return <>{children({ profile, setProfile, reload })}</>;
}
