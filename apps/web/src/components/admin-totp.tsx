'use client';

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { refreshSession } from '../lib/api';
import { type SecondFactorStep, totpEnroll, totpRecover, totpVerify } from '../lib/api-admin';
import { ErrorNote, Loading } from './status';

type Enrolment = { otpauthUri: string; qrDataUrl: string; secret: string };

/**
 * The admin's second factor after the SMS code: first sign-in enrols an authenticator app (QR code
 * from the API, confirm a code, recovery codes shown once); later sign-ins confirm a code or use a
 * recovery code. Calls `onDone` once the session has passed.
 */
export function AdminTotp({ step, onDone }: { step: Exclude<SecondFactorStep, 'NONE'>; onDone: () => void }) {
  const { t } = useI18n();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [mode, setMode] = useState<'code' | 'recovery'>('code');
  const [recovery, setRecovery] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [leftNote, setLeftNote] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  const startEnrolment = async () => {
    setError(null);
    try {
      setEnrolment(await totpEnroll());
    } catch (err) {
      setError(err);
    }
  };

  useEffect(() => {
    if (step !== 'TOTP_ENROL' || started.current) return;
    started.current = true;
    totpEnroll().then(setEnrolment, (err: unknown) => setError(err));
  }, [step]);

  const finish = async () => {
    // The session has passed on the server; a refresh also brings a token that says so.
    await refreshSession();
    onDone();
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await totpVerify(code);
      if (r.recoveryCodes?.length) setRecoveryCodes(r.recoveryCodes);
      else await finish();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const recover = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await totpRecover(recovery);
      setLeftNote(r.recoveryCodesLeft);
      if (r.recoveryCodesLeft > 0) await finish();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (recoveryCodes) {
    return (
      <section className="card admin-totp" aria-labelledby="rc-title">
        <h1 id="rc-title">{t('admin.totp.recoveryTitle')}</h1>
        <p>{t('admin.totp.recoveryIntro')}</p>
        <ol className="admin-recovery" aria-label={t('admin.totp.recoveryTitle')}>
          {recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <div className="btn-row">
          <button
            type="button"
            className="btn secondary"
            onClick={() => void navigator.clipboard?.writeText(recoveryCodes.join('\n'))}
          >
            {t('admin.totp.copy')}
          </button>
        </div>
        <label className="choice">
          <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
          {t('admin.totp.savedThem')}
        </label>
        <div className="btn-row">
          <button type="button" className="btn" disabled={!saved} onClick={() => void finish()}>
            {t('admin.totp.continue')}
          </button>
        </div>
      </section>
    );
  }

  if (leftNote === 0) {
    return (
      <section className="card admin-totp">
        <h1>{t('admin.totp.title')}</h1>
        <p className="error" role="alert">
          {t('admin.totp.lastRecoveryUsed')}
        </p>
        <div className="btn-row">
          <button type="button" className="btn" onClick={() => void finish()}>
            {t('admin.totp.continue')}
          </button>
        </div>
      </section>
    );
  }

  const codeForm = (
    <form onSubmit={verify} noValidate>
      <label htmlFor="totp-code">{t('admin.totp.code')}</label>
      <input
        id="totp-code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        required
      />
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="submit" className="btn" disabled={busy || code.length !== 6}>
          {busy ? t('admin.working') : t('admin.totp.confirm')}
        </button>
        {step === 'TOTP_VERIFY' && (
          <button type="button" className="btn secondary" onClick={() => setMode('recovery')}>
            {t('admin.totp.useRecovery')}
          </button>
        )}
      </div>
    </form>
  );

  if (step === 'TOTP_ENROL') {
    return (
      <section className="card admin-totp" aria-labelledby="totp-title">
        <h1 id="totp-title">{t('admin.totp.enrolTitle')}</h1>
        <p>{t('admin.totp.enrolIntro')}</p>
        {!enrolment && error === null && <Loading />}
        {enrolment && (
          <>
            {/* biome-ignore lint/performance/noImgElement: private images served by the API with the session cookie */}
            <img className="admin-qr" src={enrolment.qrDataUrl} alt={t('admin.totp.qrAlt')} width={200} height={200} />
            <p>{t('admin.totp.manual')}</p>
            <p>
              <code className="admin-secret" data-testid="totp-secret">
                {enrolment.secret}
              </code>
            </p>
            {codeForm}
          </>
        )}
        {!enrolment && error !== null && <ErrorNote error={error} onRetry={() => void startEnrolment()} />}
      </section>
    );
  }

  return (
    <section className="card admin-totp" aria-labelledby="totp-title">
      <h1 id="totp-title">{t('admin.totp.title')}</h1>
      {mode === 'code' ? (
        <>
          <p>{t('admin.totp.verifyIntro')}</p>
          {codeForm}
        </>
      ) : (
        <form onSubmit={recover} noValidate>
          <p>{t('admin.totp.recoveryLoginIntro')}</p>
          <label htmlFor="recovery-code">{t('admin.totp.recoveryCode')}</label>
          <input
            id="recovery-code"
            autoComplete="off"
            value={recovery}
            onChange={(e) => setRecovery(e.target.value)}
            maxLength={32}
            required
          />
          {error !== null && <ErrorNote error={error} />}
          <div className="btn-row">
            <button type="submit" className="btn" disabled={busy || recovery.trim().length < 8}>
              {busy ? t('admin.working') : t('admin.totp.confirm')}
            </button>
            <button type="button" className="btn secondary" onClick={() => setMode('code')}>
              {t('admin.totp.useApp')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
