'use client';

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ApiError } from '../lib/api';
import { useSocket } from '../lib/socket';

const MIN_INTERVAL_MS = 5_000;

/**
 * While mounted: watches the device position (navigator.geolocation.watchPosition) and sends it to the
 * customer over the socket (`location:update { bookingId, lat, lng }`), at most every 5 s. Unmounting —
 * the job started or was cancelled, or the provider tapped Stop — clears the watch.
 */
export function ProLiveLocation({ bookingId, onStop }: { bookingId: string; onStop: () => void }) {
  const { t } = useI18n();
  const { emit, status } = useSocket();
  const [sent, setSent] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const last = useRef(0);
  const emitRef = useRef(emit);
  emitRef.current = emit;

  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setProblem(t('job.noGeo'));
      return;
    }
    const id = navigator.geolocation.watchPosition(
      (pos) => {
        const at = Date.now();
        if (at - last.current < MIN_INTERVAL_MS) return;
        last.current = at;
        emitRef
          .current('location:update', { bookingId, lat: pos.coords.latitude, lng: pos.coords.longitude })
          .then(() => {
            setSent((n) => n + 1);
            setProblem(null);
          })
          .catch((err: unknown) => {
            if (err instanceof ApiError && (err.code === 'TRACKING_NOT_ACTIVE' || err.code === 'NOT_FOUND')) onStop();
            else setProblem(err instanceof ApiError ? err.message : t('common.error'));
          });
      },
      () => setProblem(t('job.noGeo')),
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 20_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [bookingId, onStop, t]);

  return (
    <div className="pro-sharing" role="status">
      <p>
        <span className="pro-live-dot" aria-hidden="true" /> {t('job.sharing')}
        {sent > 0 && <span className="muted"> · {t('job.sentCount', { n: sent })}</span>}
        {status !== 'connected' && <span className="muted"> · {t('job.reconnecting')}</span>}
      </p>
      {problem && <p className="error">{problem}</p>}
      <button type="button" className="btn secondary" onClick={onStop}>
        {t('job.stopSharing')}
      </button>
    </div>
  );
}
