'use client';

import { useI18n } from '../i18n/i18n';
import { ApiError } from '../lib/api';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('common.loading')}
    </p>
  );
}

/** An error the user can act on: the server's message when it sent one, else a generic line; optional retry. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message =
    error instanceof ApiError
      ? error.status === 0
        ? t('common.offline')
        : error.status >= 500
          ? t('common.error')
          : error.message
      : t('common.error');
  return (
    <div className="error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="btn secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
