'use client';

import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { hasKey, useI18n } from '../i18n/i18n';
import { formatDateTime, formatPaise } from '../lib/format';
import { ErrorNote, Loading } from './status';

/** Loads data with loading/error state; `reload` re-runs it (after an action). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const result = await loadRef.current();
      if (mine === seq.current) setData(result);
    } catch (err) {
      if (mine === seq.current) setError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);
  const key = JSON.stringify(deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: load again whenever the caller's inputs (key) change
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { data, setData, error, loading, reload };
}

/** The loading / error / content switch every admin screen uses. */
export function LoadState({
  loading,
  error,
  onRetry,
  children,
}: {
  loading: boolean;
  error: unknown;
  onRetry?: () => void;
  children: ReactNode;
}) {
  if (error !== null) return <ErrorNote error={error} onRetry={onRetry} />;
  if (loading) return <Loading />;
  return <>{children}</>;
}

/** A status word from the API, translated when we have a string for it (`admin.status.<VALUE>`). */
export function StatusTag({ value }: { value: string }) {
  const { t } = useI18n();
  const key = `admin.status.${value}`;
  return <span className={`admin-tag tag-${value}`}>{hasKey(key) ? t(key) : value}</span>;
}

export function Money({ paise }: { paise: number }) {
  const { locale } = useI18n();
  return <span className="money">{formatPaise(paise, locale)}</span>;
}

export function When({ iso }: { iso: string | null | undefined }) {
  const { locale } = useI18n();
  if (!iso) return <span className="muted">—</span>;
  return <time dateTime={iso}>{formatDateTime(iso, locale)}</time>;
}

/**
 * A button that opens a small inline form asking for a reason (shown to the person affected and kept
 * in the audit log), then runs `onSubmit`. Escape or Cancel closes it.
 */
export function ReasonAction({
  label,
  reasonLabel,
  confirmLabel,
  danger,
  onSubmit,
  disabled,
  minLength = 3,
}: {
  label: string;
  reasonLabel: string;
  confirmLabel?: string;
  danger?: boolean;
  onSubmit: (reason: string) => Promise<void>;
  disabled?: boolean;
  minLength?: number;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useRef(`reason-${Math.random().toString(36).slice(2)}`).current;

  if (!open)
    return (
      <button
        type="button"
        className={`btn ${danger ? 'danger' : 'secondary'}`}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
      setOpen(false);
      setReason('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="admin-reason"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <label htmlFor={id}>{reasonLabel}</label>
      <textarea id={id} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} required />
      <p className="hint">{t('admin.reasonHint')}</p>
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="submit" className={`btn ${danger ? 'danger' : ''}`} disabled={busy || reason.trim().length < minLength}>
          {busy ? t('admin.working') : (confirmLabel ?? label)}
        </button>
        <button type="button" className="btn secondary" onClick={() => setOpen(false)} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Runs an action with a busy flag and an error; returns [run, busy, error]. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, error, setError };
}

/** "Load more" for cursor lists. */
export function MoreButton({ cursor, onMore }: { cursor: string | null | undefined; onMore: (cursor: string) => Promise<void> }) {
  const { t } = useI18n();
  const { run, busy, error } = useAction();
  if (!cursor) return null;
  return (
    <div className="btn-row">
      <button type="button" className="btn secondary" disabled={busy} onClick={() => void run(() => onMore(cursor))}>
        {busy ? t('common.loading') : t('admin.loadMore')}
      </button>
      {error !== null && <ErrorNote error={error} />}
    </div>
  );
}

/** A polite live message after an action ("Approved. Next in the queue…"). */
export function Notice({ text }: { text: string | null }) {
  return (
    <p className="success admin-notice" role="status" aria-live="polite" hidden={!text}>
      {text}
    </p>
  );
}

/** Translates a key built at run time (a status or kind from the API); falls back to the raw value. */
export function useTx() {
  const { t } = useI18n();
  return useCallback(
    (key: string, vars?: Record<string, string | number>, fallback?: string) => (hasKey(key) ? t(key, vars) : (fallback ?? key)),
    [t],
  );
}
