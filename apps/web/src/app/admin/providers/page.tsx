'use client';

import { useCallback, useEffect, useState } from 'react';
import { LoadState, MoreButton, Notice, ReasonAction, StatusTag, useAction, useLoad, When } from '../../../components/admin-ui';
import { ErrorNote } from '../../../components/status';
import { hasKey, useI18n } from '../../../i18n/i18n';
import {
  type AdminProvider,
  listCategories,
  listProviders,
  type ProviderAction,
  type ProviderStatus,
  providerAction,
} from '../../../lib/api-admin';
import { formatPaise } from '../../../lib/format';

const STATUSES: ProviderStatus[] = ['PENDING_REVIEW', 'APPROVED', 'SUSPENDED', 'REJECTED', 'DRAFT'];

/**
 * Provider approval queue, oldest submission first. The first provider opens; after approve/reject the
 * next one opens by itself. Keys: J/K next/previous, A approve (pending only).
 */
export default function AdminProviders() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<ProviderStatus>('PENDING_REVIEW');
  const { data, setData, error, loading, reload } = useLoad(() => listProviders(status), [status]);
  const cats = useLoad(() => listCategories(lang), [lang]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = data?.items ?? [];
  const selected = items.find((p) => p.id === selectedId) ?? items[0] ?? null;
  const categoryName = (id: string | null) => cats.data?.items.find((c) => c.id === id)?.name ?? '—';
  const serviceName = (id: string) =>
    cats.data?.items.flatMap((c) => c.subCategories).find((sc) => sc.id === id)?.name ?? id.slice(0, 8);

  const move = useCallback(
    (delta: number) => {
      if (!selected) return;
      const i = items.findIndex((p) => p.id === selected.id);
      const next = items[i + delta];
      if (next) setSelectedId(next.id);
    },
    [items, selected],
  );

  const acted = (p: AdminProvider, action: ProviderAction) => {
    const i = items.findIndex((x) => x.id === p.id);
    const rest = items.filter((x) => x.id !== p.id);
    setData(data ? { ...data, items: rest } : data);
    setSelectedId(rest[Math.min(i, rest.length - 1)]?.id ?? null);
    setNotice(t(`admin.providers.done.${action}`, { name: p.businessName ?? p.name ?? p.phone }));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (e.key === 'j') move(1);
      if (e.key === 'k') move(-1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move]);

  return (
    <section aria-labelledby="prov-title">
      <h1 id="prov-title">{t('admin.providers.title')}</h1>
      <fieldset className="chips">
        <legend className="sr-only">{t('admin.filter.status')}</legend>
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className="chip"
            aria-pressed={status === s}
            onClick={() => {
              setStatus(s);
              setSelectedId(null);
              setNotice(null);
            }}
          >
            {hasKey(`admin.status.${s}`) ? t(`admin.status.${s}` as never) : s}
          </button>
        ))}
      </fieldset>
      <Notice text={notice} />
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {items.length === 0 ? (
          <p className="card muted">{status === 'PENDING_REVIEW' ? t('admin.providers.queueEmpty') : t('admin.empty')}</p>
        ) : (
          <div className="admin-split">
            <ol className="admin-queue" aria-label={t('admin.providers.queue', { n: items.length })}>
              {items.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="queue-item"
                    aria-current={selected?.id === p.id ? 'true' : undefined}
                    onClick={() => setSelectedId(p.id)}
                  >
                    <strong>{p.businessName ?? p.name ?? p.phone}</strong>
                    <span className="muted">
                      {p.submittedAt ? <When iso={p.submittedAt} /> : t('admin.providers.notSubmitted')}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
            {selected && (
              <ProviderCard
                key={selected.id}
                p={selected}
                categoryName={categoryName(selected.categoryId)}
                serviceName={serviceName}
                onActed={acted}
              />
            )}
          </div>
        )}
        <MoreButton
          cursor={data?.nextCursor}
          onMore={async (cursor) => {
            const more = await listProviders(status, cursor);
            setData((d) => (d ? { items: [...d.items, ...more.items], nextCursor: more.nextCursor } : more));
          }}
        />
      </LoadState>
      <p className="hint">{t('admin.providers.keys')}</p>
    </section>
  );
}

function ProviderCard({
  p,
  categoryName,
  serviceName,
  onActed,
}: {
  p: AdminProvider;
  categoryName: string;
  serviceName: (subCategoryId: string) => string;
  onActed: (p: AdminProvider, action: ProviderAction) => void;
}) {
  const { t } = useI18n();
  const { run, busy, error } = useAction();
  const act = async (action: ProviderAction, reason?: string) => {
    await providerAction(p.id, action, reason);
    onActed(p, action);
  };
  const approve = () => run(() => act('approve'));

  useEffect(() => {
    if (p.status !== 'PENDING_REVIEW') return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName)) return;
      if (e.key === 'a' && !busy) void approve();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const missing = p.checklist.missing;
  return (
    <article className="card admin-detail" aria-labelledby={`p-${p.id}`}>
      <h2 id={`p-${p.id}`}>{p.businessName ?? p.name ?? p.phone}</h2>
      <p>
        <StatusTag value={p.status} />
      </p>
      <dl className="admin-dl">
        <dt>{t('admin.providers.name')}</dt>
        <dd>{p.name ?? '—'}</dd>
        <dt>{t('admin.phone')}</dt>
        <dd>{p.phone}</dd>
        <dt>{t('admin.providers.category')}</dt>
        <dd>{categoryName}</dd>
        <dt>{t('admin.providers.submitted')}</dt>
        <dd>
          <When iso={p.submittedAt} />
        </dd>
        <dt>{t('admin.providers.profile')}</dt>
        <dd>
          {p.checklist.complete
            ? t('admin.providers.complete')
            : t('admin.providers.missing', {
                items: missing.map((m) => (hasKey(`admin.check.${m}`) ? t(`admin.check.${m}` as never) : m)).join(', '),
              })}
        </dd>
        <dt>{t('admin.providers.kyc')}</dt>
        <dd>
          {p.aadhaarVerified
            ? t('admin.providers.aadhaarVerified', { masked: p.aadhaarMasked ?? '' })
            : t('admin.providers.aadhaarNot')}
        </dd>
        <dt>{t('admin.providers.background')}</dt>
        <dd>
          <StatusTag value={`BG_${p.backgroundStatus}`} />
        </dd>
        {p.statusReason && (
          <>
            <dt>{t('admin.providers.reason')}</dt>
            <dd>{p.statusReason}</dd>
          </>
        )}
      </dl>
      <ProviderProfileFacts profile={p.profile} serviceName={serviceName} />
      <h3>{t('admin.providers.documents')}</h3>
      {p.documents.length === 0 ? (
        <p className="muted">{t('admin.providers.noDocuments')}</p>
      ) : (
        <ul className="admin-docs">
          {p.documents.map((d) => (
            <li key={d.id}>
              <a href={d.url} target="_blank" rel="noopener">
                {/* biome-ignore lint/performance/noImgElement: private images served by the API with the session cookie */}
                {d.mimeType.startsWith('image/') && <img src={d.url} alt="" width={96} height={96} loading="lazy" />}
                <span>
                  {hasKey(`admin.doc.${d.kind}`) ? t(`admin.doc.${d.kind}` as never) : d.kind} ·{' '}
                  {Math.max(1, Math.round(d.sizeBytes / 1024))} KB
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row admin-actions">
        {p.status === 'PENDING_REVIEW' && (
          <>
            <button type="button" className="btn" disabled={busy} onClick={() => void approve()} aria-keyshortcuts="a">
              {busy ? t('admin.working') : t('admin.providers.approve')}
            </button>
            <ReasonAction
              label={t('admin.providers.reject')}
              reasonLabel={t('admin.providers.rejectReason')}
              danger
              onSubmit={(reason) => act('reject', reason)}
            />
          </>
        )}
        {p.status === 'APPROVED' && (
          <ReasonAction
            label={t('admin.providers.suspend')}
            reasonLabel={t('admin.providers.suspendReason')}
            danger
            onSubmit={(reason) => act('suspend', reason)}
          />
        )}
        {p.status === 'SUSPENDED' && (
          <ReasonAction
            label={t('admin.providers.reinstate')}
            reasonLabel={t('admin.providers.reinstateReason')}
            onSubmit={(reason) => act('reinstate', reason)}
          />
        )}
      </div>
    </article>
  );
}

const WEEK = ['1', '2', '3', '4', '5', '6', '0'] as const;

/** The profile a reviewer checks before approving: pitch, area, prices, hours and languages. */
function ProviderProfileFacts({
  profile,
  serviceName,
}: {
  profile: AdminProvider['profile'];
  serviceName: (subCategoryId: string) => string;
}) {
  const { t, locale } = useI18n();
  const weekday = (d: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + Number(d))));
  const area = profile.serviceAreas;
  const languageName = new Intl.DisplayNames([locale], { type: 'language' });
  return (
    <dl className="admin-dl">
      <dt>{t('admin.providers.about')}</dt>
      <dd>{profile.description ?? '—'}</dd>
      <dt>{t('admin.providers.area')}</dt>
      <dd>
        {t('admin.providers.areaValue', { km: area.radiusKm, place: profile.address ?? profile.city ?? '—' })}
        {area.localities.length > 0 && <> · {area.localities.join(', ')}</>}
        {area.pincodes.length > 0 && <> · {area.pincodes.join(', ')}</>}
      </dd>
      <dt>{t('admin.providers.prices')}</dt>
      <dd>
        {profile.pricing.length === 0 ? (
          '—'
        ) : (
          <ul>
            {profile.pricing.map((item) => (
              <li key={`${item.subCategoryId}-${item.kind}`}>
                {serviceName(item.subCategoryId)}: {formatPaise(item.amountPaise, locale)}{' '}
                {hasKey(`admin.providers.priceKind.${item.kind}`)
                  ? t(`admin.providers.priceKind.${item.kind}` as never)
                  : item.kind}
                {item.durationMin ? ` · ${item.durationMin} min` : ''}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('admin.providers.hours')}</dt>
      <dd>
        {profile.workingHours
          ? WEEK.map((d) => {
              const ranges = profile.workingHours?.[d] ?? [];
              return `${weekday(d)} ${ranges.length ? ranges.map((r) => `${r.start}–${r.end}`).join(', ') : t('admin.providers.dayOff')}`;
            }).join(' · ')
          : '—'}
      </dd>
      <dt>{t('admin.providers.languages')}</dt>
      <dd>{profile.languages.map((code) => languageName.of(code) ?? code).join(', ') || '—'}</dd>
      {profile.gstin && (
        <>
          <dt>{t('admin.providers.gstin')}</dt>
          <dd>{profile.gstin}</dd>
        </>
      )}
    </dl>
  );
}
