'use client';

import { useState } from 'react';
import type { Booking } from '../lib/api';

/** Runs one booking action with a busy flag and an error line; the updated booking goes to `onChange`. */
export function useBookingAction(onChange: (b: Booking) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<Booking>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await fn());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
