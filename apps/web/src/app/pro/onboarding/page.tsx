'use client';

import { Suspense } from 'react';
import { ProGate } from '../../../components/pro-gate';
import { Loading } from '../../../components/status';
import { Wizard } from './wizard';

/** /pro/onboarding — the provider's onboarding wizard (spec flow 5), resumable from the API's checklist. */
export default function OnboardingPage() {
  return (
    <Suspense fallback={<Loading />}>
      <ProGate>{(ctx) => <Wizard {...ctx} />}</ProGate>
    </Suspense>
  );
}
