'use client';

import { type FormEvent, useState } from 'react';
import { LoadState, MoreButton, useLoad, useTx, When } from '../../../components/admin-ui';
import { useI18n } from '../../../i18n/i18n';
import { listAudit, searchUsers } from '../../../lib/api-admin';

const OBJECT_TYPES = [
  'provider_profile',
  'user',
  'booking',
  'dispute',
  'payment',
  'refund',
  'payout',
  'review',
  'category',
  'sub_category',
  'background_check',
];

type Filter = { actorUserId?: string; action?: string; objectType?: string; objectId?: string };

/** The append-only audit log: who did what to which object, when, with before/after and the reason. */
export default function AdminAudit() {
  const { t } = useI18n();
  const tx = useTx();
  const admins = useLoad(() => searchUsers({ role: 'ADMIN' }), []);
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [objectType, setObjectType] = useState('');
  const [objectId, setObjectId] = useState('');
  const [filter, setFilter] = useState<Filter>({});
  const { data, setData, error, loading, reload } = useLoad(() => listAudit(filter), [filter]);
  const nameOf = (id: string | null) => {
    if (!id) return t('admin.audit.system');
    const u = admins.data?.items.find((a) => a.id === id);
    return u ? (u.name ?? u.phone) : `${id.slice(0, 8)}…`;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({
      actorUserId: actor || undefined,
      action: action.trim() || undefined,
      objectType: objectType || undefined,
      objectId: objectId.trim() || undefined,
    });
  };

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('admin.audit.title')}</h1>
      <form className="admin-filters" onSubmit={submit}>
        <div>
          <label htmlFor="a-actor">{t('admin.audit.admin')}</label>
          <select id="a-actor" value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">{t('admin.filter.any')}</option>
            {admins.data?.items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name ?? a.phone}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="a-action">{t('admin.audit.action')}</label>
          <input id="a-action" value={action} onChange={(e) => setAction(e.target.value)} placeholder="provider.reject" />
        </div>
        <div>
          <label htmlFor="a-type">{t('admin.audit.objectType')}</label>
          <select id="a-type" value={objectType} onChange={(e) => setObjectType(e.target.value)}>
            <option value="">{t('admin.filter.any')}</option>
            {OBJECT_TYPES.map((o) => (
              <option key={o} value={o}>
                {tx(`admin.object.${o}`, undefined, o)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="a-oid">{t('admin.audit.objectId')}</label>
          <input id="a-oid" value={objectId} onChange={(e) => setObjectId(e.target.value)} />
        </div>
        <div className="btn-row">
          <button type="submit" className="btn">
            {t('admin.filter.apply')}
          </button>
        </div>
      </form>
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {data?.items.length === 0 && <p className="card muted">{t('admin.empty')}</p>}
        {data && data.items.length > 0 && (
          <div className="table-wrap">
            <table className="admin-table stack">
              <caption className="sr-only">{t('admin.audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.when')}</th>
                  <th scope="col">{t('admin.audit.admin')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.object')}</th>
                  <th scope="col">{t('admin.audit.reason')}</th>
                  <th scope="col">{t('admin.audit.change')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => (
                  <tr key={a.id}>
                    <td data-label={t('admin.audit.when')}>
                      <When iso={a.createdAt} />
                    </td>
                    <td data-label={t('admin.audit.admin')}>{nameOf(a.actorUserId)}</td>
                    <td data-label={t('admin.audit.action')}>
                      <code>{a.action}</code>
                    </td>
                    <td data-label={t('admin.audit.object')}>
                      {tx(`admin.object.${a.objectType}`, undefined, a.objectType)}
                      {a.objectId && (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="link"
                            title={t('admin.audit.filterObject')}
                            onClick={() => {
                              setObjectId(a.objectId ?? '');
                              setFilter({ ...filter, objectId: a.objectId ?? undefined });
                            }}
                          >
                            <code>{a.objectId.slice(0, 8)}</code>
                          </button>
                        </>
                      )}
                    </td>
                    <td data-label={t('admin.audit.reason')}>{a.reason ?? '—'}</td>
                    <td data-label={t('admin.audit.change')}>
                      {a.before == null && a.after == null ? (
                        '—'
                      ) : (
                        <details>
                          <summary>{t('admin.audit.show')}</summary>
                          <pre className="admin-json">{JSON.stringify({ before: a.before, after: a.after }, null, 2)}</pre>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <MoreButton
          cursor={data?.nextCursor}
          onMore={async (cursor) => {
            const more = await listAudit({ ...filter, cursor });
            setData((d) => (d ? { items: [...d.items, ...more.items], nextCursor: more.nextCursor } : more));
          }}
        />
      </LoadState>
    </section>
  );
}
