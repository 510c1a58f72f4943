'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { ErrorNote } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { devOutbox, requestOtp, type SignUpRole, verifyOtp } from '../../lib/api';

/** Phone → SMS code → signed in. New numbers choose customer or provider; existing accounts keep their role. */
export function LoginForm() {
  const { t } = useI18n();
  const router = useRouter();
  const params = useSearchParams();
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [role, setRole] = useState<SignUpRole>(params.get('role') === 'provider' ? 'PROVIDER' : 'CUSTOMER');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [devInbox, setDevInbox] = useState(false);

  const sendCode = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await requestOtp(phone);
      setStep('code');
      // The dev inbox exists only outside production; show its link only when the server has it.
      setDevInbox(
        await devOutbox(phone).then(
          () => true,
          () => false,
        ),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const pair = await verifyOtp(phone, code, role);
      const next = params.get('next');
      const home = pair.user.role === 'PROVIDER' ? (pair.isNewUser ? '/pro/onboarding' : '/pro') : '/';
      // A provider who just signed up starts onboarding, whatever page sent them here.
      const fresh = pair.isNewUser && pair.user.role === 'PROVIDER';
      router.push(!fresh && next?.startsWith('/') && !next.startsWith('//') ? next : home);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  if (step === 'phone') {
    return (
      <form onSubmit={sendCode} className="card" noValidate>
        <h1>{t('login.title')}</h1>
        <label htmlFor="phone">{t('login.phone')}</label>
        <input
          id="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          aria-describedby="phone-hint"
          required
        />
        <p id="phone-hint" className="hint">
          {t('login.phoneHint')}
        </p>
        {error !== null && <ErrorNote error={error} />}
        <div className="btn-row">
          <button type="submit" className="btn" disabled={busy || phone.trim() === ''}>
            {busy ? t('login.sending') : t('login.sendCode')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={verify} className="card" noValidate>
      <h1>{t('login.title')}</h1>
      <p role="status">{t('login.codeSent', { phone })}</p>
      {devInbox && (
        <p>
          <Link href={`/dev/inbox?to=${encodeURIComponent(phone)}`} target="_blank">
            {t('login.devInbox')}
          </Link>
        </p>
      )}
      <label htmlFor="code">{t('login.code')}</label>
      <input
        id="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        required
      />
      <fieldset>
        <legend>{t('login.roleLegend')}</legend>
        <label className="choice">
          <input type="radio" name="role" checked={role === 'CUSTOMER'} onChange={() => setRole('CUSTOMER')} />
          {t('login.roleCustomer')}
        </label>
        <label className="choice">
          <input type="radio" name="role" checked={role === 'PROVIDER'} onChange={() => setRole('PROVIDER')} />
          {t('login.roleProvider')}
        </label>
      </fieldset>
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="submit" className="btn" disabled={busy || code.length !== 6}>
          {busy ? t('login.verifying') : t('login.verify')}
        </button>
        <button type="button" className="btn secondary" disabled={busy} onClick={() => void sendCode()}>
          {t('login.resend')}
        </button>
        <button
          type="button"
          className="btn secondary"
          onClick={() => {
            setStep('phone');
            setCode('');
            setError(null);
          }}
        >
          {t('login.changePhone')}
        </button>
      </div>
    </form>
  );
}
