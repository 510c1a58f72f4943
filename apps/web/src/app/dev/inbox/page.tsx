'use client';

import { Suspense } from 'react';
import { Loading } from '../../../components/status';
import { Inbox } from './inbox';

export default function DevInboxPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Inbox />
    </Suspense>
  );
}
