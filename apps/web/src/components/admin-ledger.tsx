'use client';

import { useI18n } from '../i18n/i18n';
import { ledgerCheck } from '../lib/api-admin';
import { formatPaise } from '../lib/format';
import { LoadState, useLoad, When } from './admin-ui';

/** Whether the books balance: every ledger transaction and the whole ledger sum to zero, with the totals. */
export function LedgerCheckCard() {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useLoad(
    async () => ({ ...(await ledgerCheck()), checkedAt: new Date().toISOString() }),
    [],
  );
  const num = (n: number) => new Intl.NumberFormat(locale).format(n);
  return (
    <article className="card admin-ledger" aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('admin.ledger.title')}</h2>
      <LoadState loading={loading} error={error} onRetry={() => void reload()}>
        {data && (
          <>
            <p className={`ledger-verdict ${data.ok ? 'ok' : 'bad'}`} data-testid="ledger-verdict">
              {data.ok ? t('admin.ledger.balanced') : t('admin.ledger.unbalanced')}
            </p>
            <p className="muted">
              {t('admin.ledger.checkedAt')} <When iso={data.checkedAt} />
            </p>
            <dl className="admin-dl">
              <dt>{t('admin.ledger.sum')}</dt>
              <dd>{formatPaise(data.totalSum, locale)}</dd>
              <dt>{t('admin.ledger.transactions')}</dt>
              <dd>{num(data.transactions)}</dd>
              <dt>{t('admin.ledger.entries')}</dt>
              <dd>{num(data.entries)}</dd>
              <dt>{t('admin.ledger.unbalancedTx')}</dt>
              <dd>{data.unbalancedTransactionIds.length === 0 ? '0' : data.unbalancedTransactionIds.join(', ')}</dd>
              <dt>{t('admin.ledger.empty')}</dt>
              <dd>{num(data.emptyTransactions)}</dd>
              {data.missingAccounts.length > 0 && (
                <>
                  <dt>{t('admin.ledger.missing')}</dt>
                  <dd>{data.missingAccounts.join(', ')}</dd>
                </>
              )}
            </dl>
          </>
        )}
      </LoadState>
      <button type="button" className="btn secondary" onClick={() => void reload()} disabled={loading}>
        {t('admin.ledger.recheck')}
      </button>
    </article>
  );
}
