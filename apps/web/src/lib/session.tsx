'use client';

import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { storedLang, useI18n } from '../i18n/i18n';
import { type AuthUser, hasStoredSession, onSessionChange, refreshSession } from './api';

interface Session {
  /** False until a stored session has been restored (or found absent). */
  ready: boolean;
  user: AuthUser | null;
}

const SessionContext = createContext<Session>({ ready: false, user: null });

/** Restores the session from the stored refresh token and follows sign-in/sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ ready: false, user: null });
  const { setLang } = useI18n();

  useEffect(() => {
    const off = onSessionChange((user) => {
      setSession({ ready: true, user });
      // A user's saved language applies when this browser has no choice of its own yet.
      if (user && !storedLang()) setLang(user.preferredLanguage);
    });
    if (hasStoredSession()) {
      void refreshSession().then((pair) => {
        if (!pair) setSession({ ready: true, user: null });
      });
    } else {
      setSession({ ready: true, user: null });
    }
    return off;
  }, [setLang]);

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export const useSession = (): Session => useContext(SessionContext);
