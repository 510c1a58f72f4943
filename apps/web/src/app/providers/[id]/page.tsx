'use client';

import { Suspense } from 'react';
import { Loading } from '../../../components/status';
import { ProviderProfile } from './provider-profile';

export default function ProviderPage() {
  return (
    <Suspense fallback={<Loading />}>
      <ProviderProfile />
    </Suspense>
  );
}
