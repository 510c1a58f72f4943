'use client';

import { type FormEvent, useState } from 'react';
import type { ProContext } from '../../../components/pro-gate';
import { ErrorNote } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import { sendBankAccountCode, setBankAccount } from '../../../lib/api-pro';

/** The payout bank account: shown masked; changing it needs a 6-digit code sent to the provider's phone. */
export function BankAccount({ profile, reload }: ProContext) {
  const { t } = useI18n();
  const current = profile.bankAccount;
  const [editing, setEditing] = useState(false);
  const [account, setAccount] = useState('');
  const [ifsc, setIfsc] = useState('');
  const [holder, setHolder] = useState(profile.name ?? '');
  const [codeSent, setCodeSent] = useState(false);
  const [otp, setOtp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const valid = /^\d{9,18}$/.test(account) && /^[A-Z]{4}0[A-Z0-9]{6}$/.test(ifsc) && holder.trim().length >= 2;

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await sendBankAccountCode();
      setCodeSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await setBankAccount({ accountNumber: account, ifsc, holderName: holder.trim(), otp });
      setAccount('');
      setOtp('');
      setCodeSent(false);
      setEditing(false);
      await reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card">
      <h2>{t('bank.title')}</h2>
      {current ? (
        <p data-testid="bank-account">
          {t('bank.current', { account: current.accountMasked, ifsc: current.ifsc, holder: current.holderName })}
        </p>
      ) : (
        <p className="muted">{t('bank.none')}</p>
      )}
      {!editing ? (
        <button type="button" className="btn secondary" onClick={() => setEditing(true)}>
          {current ? t('bank.change') : t('bank.add')}
        </button>
      ) : (
        <form onSubmit={(e) => void save(e)} noValidate>
          <label htmlFor="bank-account">{t('bank.account')}</label>
          <input
            id="bank-account"
            inputMode="numeric"
            autoComplete="off"
            value={account}
            onChange={(e) => setAccount(e.target.value.replace(/\D/g, '').slice(0, 18))}
          />
          <label htmlFor="bank-ifsc">{t('bank.ifsc')}</label>
          <input id="bank-ifsc" value={ifsc} maxLength={11} onChange={(e) => setIfsc(e.target.value.toUpperCase().trim())} />
          <label htmlFor="bank-holder">{t('bank.holder')}</label>
          <input id="bank-holder" value={holder} maxLength={100} onChange={(e) => setHolder(e.target.value)} />
          {codeSent && (
            <>
              <p role="status">{t('bank.codeSent')}</p>
              <label htmlFor="bank-otp">{t('bank.code')}</label>
              <input
                id="bank-otp"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={otp}
                onChange={(e) => setOtp(e.target.value.replace(/\D/g, ''))}
              />
            </>
          )}
          {error !== null && <ErrorNote error={error} />}
          <div className="btn-row">
            {codeSent ? (
              <button type="submit" className="btn" disabled={busy || !valid || otp.length !== 6}>
                {t('bank.save')}
              </button>
            ) : (
              <button type="button" className="btn" disabled={busy || !valid} onClick={() => void send()}>
                {t('bank.sendCode')}
              </button>
            )}
            <button type="button" className="btn secondary" disabled={busy} onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
