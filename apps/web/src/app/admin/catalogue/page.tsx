'use client';

import { type FormEvent, useState } from 'react';
import { LoadState, Notice, StatusTag, useAction, useLoad } from '../../../components/admin-ui';
import { ErrorNote } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import {
  type Category,
  createCategory,
  createSubCategory,
  deactivateCategory,
  deactivateSubCategory,
  listCategories,
  type SubCategory,
  updateCategory,
  updateSubCategory,
} from '../../../lib/api-admin';
import { formatPaise } from '../../../lib/format';

/** Catalogue: categories and sub-categories (English/Hindi names, icon, order, fee, cancellation policy). */
export default function AdminCatalogue() {
  const { t, lang } = useI18n();
  const { data, setData, error, loading, reload } = useLoad(() => listCategories(lang), [lang]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const put = (c: Category) =>
    setData((d) => {
      if (!d) return d;
      const exists = d.items.some((x) => x.id === c.id);
      const items = exists ? d.items.map((x) => (x.id === c.id ? c : x)) : [...d.items, c];
      return { items: items.sort((a, b) => a.sortOrder - b.sortOrder) };
    });

  return (
    <section aria-labelledby="cat-title">
      <h1 id="cat-title">{t('admin.catalogue.title')}</h1>
      <Notice text={notice} />
      <div className="btn-row">
        <button type="button" className="btn" aria-expanded={creating} onClick={() => setCreating((v) => !v)}>
          {t('admin.catalogue.newCategory')}
        </button>
      </div>
      {creating && (
        <div className="card">
          <h2>{t('admin.catalogue.newCategory')}</h2>
          <CategoryForm
            onSave={async (body) => {
              const c = await createCategory(body as Parameters<typeof createCategory>[0]);
              put(c);
              setCreating(false);
              setOpenId(c.id);
              setNotice(t('admin.catalogue.saved', { name: c.name }));
            }}
            onCancel={() => setCreating(false)}
          />
        </div>
      )}
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        <ul className="list">
          {data?.items.map((c) => (
            <li key={c.id} className="card">
              <button
                type="button"
                className="row-toggle"
                aria-expanded={openId === c.id}
                onClick={() => setOpenId(openId === c.id ? null : c.id)}
              >
                <strong>
                  {c.nameTranslations.en} / <span lang="hi">{c.nameTranslations.hi}</span>
                </strong>{' '}
                <span className="muted">
                  {t('admin.catalogue.summary', {
                    icon: c.icon,
                    order: c.sortOrder,
                    fee: (c.platformFeeBps / 100).toFixed(1),
                    subs: c.subCategories.length,
                  })}
                </span>{' '}
                {!c.isActive && <StatusTag value="INACTIVE" />}
              </button>
              {openId === c.id && (
                <CategoryEditor
                  c={c}
                  onChange={(next) => {
                    put(next);
                    setNotice(t('admin.catalogue.saved', { name: next.name }));
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      </LoadState>
    </section>
  );
}

type CategoryBody = {
  slug?: string;
  nameTranslations: { en: string; hi: string };
  icon: string;
  sortOrder: number;
  platformFeeBps: number;
  cancellationPolicy: { freeUntilHours: number; lateFeeBps: number; lateFeeMinPaise: number };
  backgroundCheckFeePaise: number;
};

function CategoryForm({
  c,
  onSave,
  onCancel,
}: {
  c?: Category;
  onSave: (b: CategoryBody) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t, locale } = useI18n();
  const [slug, setSlug] = useState('');
  const [en, setEn] = useState(c?.nameTranslations.en ?? '');
  const [hi, setHi] = useState(c?.nameTranslations.hi ?? '');
  const [icon, setIcon] = useState(c?.icon ?? '');
  const [order, setOrder] = useState(String(c?.sortOrder ?? 0));
  const [fee, setFee] = useState(String((c?.platformFeeBps ?? 1000) / 100));
  const [freeHours, setFreeHours] = useState(String(c?.cancellationPolicy.freeUntilHours ?? 4));
  const [lateFee, setLateFee] = useState(String((c?.cancellationPolicy.lateFeeBps ?? 1000) / 100));
  const [lateMin, setLateMin] = useState(String((c?.cancellationPolicy.lateFeeMinPaise ?? 5000) / 100));
  const [bgFee, setBgFee] = useState(String((c?.backgroundCheckFeePaise ?? 0) / 100));
  const { run, busy, error } = useAction();
  const id = c?.id ?? 'new';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      onSave({
        ...(c ? {} : { slug: slug.trim() }),
        nameTranslations: { en: en.trim(), hi: hi.trim() },
        icon: icon.trim(),
        sortOrder: Number.parseInt(order, 10) || 0,
        platformFeeBps: Math.round(Number(fee) * 100),
        cancellationPolicy: {
          freeUntilHours: Number.parseInt(freeHours, 10) || 0,
          lateFeeBps: Math.round(Number(lateFee) * 100),
          lateFeeMinPaise: Math.round(Number(lateMin) * 100),
        },
        backgroundCheckFeePaise: Math.round(Number(bgFee) * 100),
      }),
    );
  };
  const field = (key: string, label: string, value: string, set: (v: string) => void, props: Record<string, unknown> = {}) => (
    <div>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} value={value} onChange={(e) => set(e.target.value)} required {...props} />
    </div>
  );
  return (
    <form className="admin-form" onSubmit={submit}>
      {!c &&
        field('slug', t('admin.catalogue.slug'), slug, setSlug, {
          pattern: '[a-z0-9]+(-[a-z0-9]+)*',
          'aria-describedby': `${id}-slug-hint`,
        })}
      {!c && (
        <p className="hint" id={`${id}-slug-hint`}>
          {t('admin.catalogue.slugHint')}
        </p>
      )}
      {field('en', t('admin.catalogue.nameEn'), en, setEn, { lang: 'en' })}
      {field('hi', t('admin.catalogue.nameHi'), hi, setHi, { lang: 'hi' })}
      {field('icon', t('admin.catalogue.icon'), icon, setIcon)}
      {field('order', t('admin.catalogue.order'), order, setOrder, { inputMode: 'numeric' })}
      {field('fee', t('admin.catalogue.fee'), fee, setFee, { inputMode: 'decimal', 'aria-describedby': `${id}-fee-hint` })}
      <p className="hint" id={`${id}-fee-hint`}>
        {t('admin.catalogue.feeHint')}
      </p>
      <fieldset>
        <legend>{t('admin.catalogue.policy')}</legend>
        {field('free', t('admin.catalogue.freeHours'), freeHours, setFreeHours, { inputMode: 'numeric' })}
        {field('late', t('admin.catalogue.lateFee'), lateFee, setLateFee, { inputMode: 'decimal' })}
        {field('latemin', t('admin.catalogue.lateMin'), lateMin, setLateMin, { inputMode: 'decimal' })}
        <p className="hint">
          {t('admin.catalogue.policySummary', {
            h: freeHours,
            pct: lateFee,
            min: formatPaise(Math.round(Number(lateMin) * 100) || 0, locale),
          })}
        </p>
      </fieldset>
      {field('bg', t('admin.catalogue.bgFee'), bgFee, setBgFee, { inputMode: 'decimal' })}
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t('admin.working') : t('admin.save')}
        </button>
        {onCancel && (
          <button type="button" className="btn secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function CategoryEditor({ c, onChange }: { c: Category; onChange: (c: Category) => void }) {
  const { t } = useI18n();
  const { run, busy, error } = useAction();
  const [adding, setAdding] = useState(false);
  return (
    <div className="admin-detail">
      <p className="muted">
        {t('admin.catalogue.slug')}: <code>{c.slug}</code>
      </p>
      <CategoryForm c={c} onSave={async (body) => onChange(await updateCategory(c.id, body))} />
      <div className="btn-row">
        <button
          type="button"
          className={`btn ${c.isActive ? 'danger' : 'secondary'}`}
          disabled={busy}
          onClick={() =>
            void run(async () =>
              onChange(c.isActive ? await deactivateCategory(c.id) : await updateCategory(c.id, { isActive: true })),
            )
          }
        >
          {c.isActive ? t('admin.catalogue.deactivate') : t('admin.catalogue.activate')}
        </button>
      </div>
      {error !== null && <ErrorNote error={error} />}
      <h3>{t('admin.catalogue.subCategories')}</h3>
      <ul className="list">
        {c.subCategories.map((s) => (
          <SubCategoryRow key={s.id} s={s} onChange={onChange} />
        ))}
      </ul>
      {adding ? (
        <SubCategoryForm
          onSave={async (b) => {
            onChange(await createSubCategory(c.id, { ...b, slug: b.slug ?? '' }));
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="btn secondary" onClick={() => setAdding(true)}>
          {t('admin.catalogue.newSub')}
        </button>
      )}
    </div>
  );
}

type SubBody = { slug?: string; nameTranslations: { en: string; hi: string }; sortOrder: number; defaultDurationMin: number };

function SubCategoryForm({
  s,
  onSave,
  onCancel,
}: {
  s?: SubCategory;
  onSave: (b: SubBody) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [slug, setSlug] = useState('');
  const [en, setEn] = useState(s?.nameTranslations.en ?? '');
  const [hi, setHi] = useState(s?.nameTranslations.hi ?? '');
  const [order, setOrder] = useState(String(s?.sortOrder ?? 0));
  const [duration, setDuration] = useState(String(s?.defaultDurationMin ?? 60));
  const { run, busy, error } = useAction();
  const id = `sub-${s?.id ?? 'new'}`;
  return (
    <form
      className="admin-form card"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() =>
          onSave({
            ...(s ? {} : { slug: slug.trim() }),
            nameTranslations: { en: en.trim(), hi: hi.trim() },
            sortOrder: Number.parseInt(order, 10) || 0,
            defaultDurationMin: Number.parseInt(duration, 10) || 60,
          }),
        );
      }}
    >
      {!s && (
        <div>
          <label htmlFor={`${id}-slug`}>{t('admin.catalogue.slug')}</label>
          <input
            id={`${id}-slug`}
            value={slug}
            onChange={(e) => setSlug(e.target.value)}
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
          />
        </div>
      )}
      <div>
        <label htmlFor={`${id}-en`}>{t('admin.catalogue.nameEn')}</label>
        <input id={`${id}-en`} lang="en" value={en} onChange={(e) => setEn(e.target.value)} required />
      </div>
      <div>
        <label htmlFor={`${id}-hi`}>{t('admin.catalogue.nameHi')}</label>
        <input id={`${id}-hi`} lang="hi" value={hi} onChange={(e) => setHi(e.target.value)} required />
      </div>
      <div>
        <label htmlFor={`${id}-order`}>{t('admin.catalogue.order')}</label>
        <input id={`${id}-order`} inputMode="numeric" value={order} onChange={(e) => setOrder(e.target.value)} required />
      </div>
      <div>
        <label htmlFor={`${id}-dur`}>{t('admin.catalogue.duration')}</label>
        <input id={`${id}-dur`} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} required />
      </div>
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t('admin.working') : t('admin.save')}
        </button>
        <button type="button" className="btn secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function SubCategoryRow({ s, onChange }: { s: SubCategory; onChange: (c: Category) => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const { run, busy, error } = useAction();
  if (editing)
    return (
      <li>
        <SubCategoryForm
          s={s}
          onSave={async (b) => {
            onChange(await updateSubCategory(s.id, b));
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  return (
    <li className="admin-subrow">
      <span>
        {s.nameTranslations.en} / <span lang="hi">{s.nameTranslations.hi}</span>{' '}
        <span className="muted">{t('admin.catalogue.subSummary', { order: s.sortOrder, min: s.defaultDurationMin })}</span>{' '}
        {!s.isActive && <StatusTag value="INACTIVE" />}
      </span>
      <span className="btn-row">
        <button
          type="button"
          className="btn secondary"
          onClick={() => setEditing(true)}
          aria-label={t('admin.catalogue.editNamed', { name: s.nameTranslations.en ?? s.name })}
        >
          {t('admin.edit')}
        </button>
        <button
          type="button"
          className="btn secondary"
          disabled={busy}
          onClick={() =>
            void run(async () =>
              onChange(s.isActive ? await deactivateSubCategory(s.id) : await updateSubCategory(s.id, { isActive: true })),
            )
          }
        >
          {s.isActive ? t('admin.catalogue.deactivate') : t('admin.catalogue.activate')}
        </button>
      </span>
      {error !== null && <ErrorNote error={error} />}
    </li>
  );
}
