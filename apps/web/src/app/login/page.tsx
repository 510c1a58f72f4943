'use client';

import { Suspense } from 'react';
import { Loading } from '../../components/status';
import { LoginForm } from './login-form';

export default function LoginPage() {
  // useSearchParams needs a Suspense boundary in a statically rendered page.
  return (
    <Suspense fallback={<Loading />}>
      <LoginForm />
    </Suspense>
  );
}
