'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { LoadState, MoreButton, Notice, ReasonAction, StatusTag, useLoad, useTx, When } from '../../../components/admin-ui';
import { useI18n } from '../../../i18n/i18n';
import { type AdminUser, searchUsers, setUserStatus, type UserStatus } from '../../../lib/api-admin';

/** Users: find by phone or name, see the account, suspend / ban / reinstate with a reason (immediate). */
export default function AdminUsers() {
  const { t } = useI18n();
  const tx = useTx();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<AdminUser['role'] | ''>('');
  const [status, setStatus] = useState<UserStatus | ''>('');
  const [query, setQuery] = useState<{ q?: string; role?: AdminUser['role']; status?: UserStatus }>({});
  const { data, setData, error, loading, reload } = useLoad(() => searchUsers(query), [query]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ q: q.trim() || undefined, role: role || undefined, status: status || undefined });
  };
  const replace = (u: AdminUser) => setData((d) => (d ? { ...d, items: d.items.map((x) => (x.id === u.id ? u : x)) } : d));

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('admin.users.title')}</h1>
      <form className="admin-filters" onSubmit={submit}>
        <div className="grow">
          <label htmlFor="u-q">{t('admin.users.search')}</label>
          <input id="u-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="98765 43210 / Rahul" />
        </div>
        <div>
          <label htmlFor="u-role">{t('admin.users.role')}</label>
          <select id="u-role" value={role} onChange={(e) => setRole(e.target.value as AdminUser['role'] | '')}>
            <option value="">{t('admin.filter.any')}</option>
            {(['CUSTOMER', 'PROVIDER', 'ADMIN'] as const).map((r) => (
              <option key={r} value={r}>
                {tx(`admin.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="u-status">{t('admin.filter.status')}</label>
          <select id="u-status" value={status} onChange={(e) => setStatus(e.target.value as UserStatus | '')}>
            <option value="">{t('admin.filter.any')}</option>
            {(['ACTIVE', 'SUSPENDED', 'BANNED'] as const).map((s) => (
              <option key={s} value={s}>
                {tx(`admin.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="btn-row">
          <button type="submit" className="btn">
            {t('admin.filter.search')}
          </button>
        </div>
      </form>
      <Notice text={notice} />
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {data && data.items.length === 0 && <p className="card muted">{t('admin.empty')}</p>}
        <ul className="list admin-list">
          {data?.items.map((u) => (
            <li key={u.id} className="card">
              <button
                type="button"
                className="row-toggle"
                aria-expanded={openId === u.id}
                onClick={() => setOpenId(openId === u.id ? null : u.id)}
              >
                <strong>{u.name ?? t('admin.users.noName')}</strong> <span>{u.phone}</span>{' '}
                <span className="admin-tag">{tx(`admin.role.${u.role}`)}</span> <StatusTag value={u.status} />
              </button>
              {openId === u.id && (
                <UserDetail
                  u={u}
                  onChanged={(next) => {
                    replace(next);
                    setNotice(
                      t('admin.users.changed', { name: next.name ?? next.phone, status: tx(`admin.status.${next.status}`) }),
                    );
                  }}
                />
              )}
            </li>
          ))}
        </ul>
        <MoreButton
          cursor={data?.nextCursor}
          onMore={async (cursor) => {
            const more = await searchUsers({ ...query, cursor });
            setData((d) => (d ? { items: [...d.items, ...more.items], nextCursor: more.nextCursor } : more));
          }}
        />
      </LoadState>
    </section>
  );
}

function UserDetail({ u, onChanged }: { u: AdminUser; onChanged: (u: AdminUser) => void }) {
  const { t } = useI18n();
  const change = (status: UserStatus) => async (reason: string) => onChanged(await setUserStatus(u.id, status, reason));
  return (
    <div className="admin-detail">
      <dl className="admin-dl">
        <dt>{t('admin.phone')}</dt>
        <dd>{u.phone}</dd>
        <dt>{t('admin.users.email')}</dt>
        <dd>{u.email ?? '—'}</dd>
        <dt>{t('admin.users.joined')}</dt>
        <dd>
          <When iso={u.createdAt} />
        </dd>
        <dt>{t('admin.users.lastLogin')}</dt>
        <dd>
          <When iso={u.lastLoginAt} />
        </dd>
        {u.statusReason && (
          <>
            <dt>{t('admin.providers.reason')}</dt>
            <dd>{u.statusReason}</dd>
          </>
        )}
      </dl>
      <div className="btn-row">
        {u.status === 'ACTIVE' && u.role !== 'ADMIN' && (
          <>
            <ReasonAction label={t('admin.users.suspend')} reasonLabel={t('admin.users.reason')} onSubmit={change('SUSPENDED')} />
            <ReasonAction label={t('admin.users.ban')} reasonLabel={t('admin.users.reason')} danger onSubmit={change('BANNED')} />
          </>
        )}
        {u.status === 'SUSPENDED' && (
          <>
            <ReasonAction label={t('admin.users.reinstate')} reasonLabel={t('admin.users.reason')} onSubmit={change('ACTIVE')} />
            <ReasonAction label={t('admin.users.ban')} reasonLabel={t('admin.users.reason')} danger onSubmit={change('BANNED')} />
          </>
        )}
        {u.status === 'BANNED' && (
          <ReasonAction label={t('admin.users.reinstate')} reasonLabel={t('admin.users.reason')} onSubmit={change('ACTIVE')} />
        )}
      </div>
      {u.role !== 'ADMIN' && (
        <p>
          <Link href={`/admin/bookings?q=${encodeURIComponent(u.phone)}`}>{t('admin.users.bookings')}</Link>
        </p>
      )}
      <p className="hint">{t('admin.users.immediate')}</p>
    </div>
  );
}
