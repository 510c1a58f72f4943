'use client';

import type { ReactNode } from 'react';
import { Header } from '../components/header';
import { UnreadNotificationsProvider } from '../components/notification-bell';
import { I18nProvider } from '../i18n/i18n';
import { SessionProvider } from '../lib/session';
import { SocketProvider } from '../lib/socket';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <SessionProvider>
        <SocketProvider>
          <UnreadNotificationsProvider>
            <a href="#main" className="skip-link">
              Skip to content
            </a>
            <Header />
            <main id="main">{children}</main>
          </UnreadNotificationsProvider>
        </SocketProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
