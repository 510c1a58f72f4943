'use client';

import { type FormEvent, useState } from 'react';
import { ErrorNote } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api';
import { startAadhaar, verifyAadhaar } from '../../../lib/api-pro';
import type { StepProps } from './wizard';

/** Codes that mean "this attempt is over": go back to the number. */
const RESTART = new Set(['KYC_EXPIRED', 'KYC_ATTEMPTS_EXCEEDED', 'KYC_NOT_PENDING', 'KYC_MISMATCH']);

/**
 * Step 7 (optional): Aadhaar e-KYC. The number is sent once and dropped from the page; from then on
 * only the masked form (XXXX-XXXX-1234) is shown. The OTP goes to the Aadhaar-linked mobile.
 */
export function KycStep(props: StepProps) {
  const { t } = useI18n();
  const p = props.profile;
  const [stage, setStage] = useState<'number' | 'otp'>('number');
  const [digits, setDigits] = useState('');
  const [pending, setPending] = useState<{ referenceId: string; masked: string } | null>(null);
  const [otp, setOtp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filled, setFilled] = useState<string | null>(null);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await startAadhaar(digits);
      setDigits(''); // never keep the full number around
      setPending({ referenceId: r.referenceId, masked: r.aadhaarMasked });
      setOtp('');
      setStage('otp');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const r = await verifyAadhaar(pending.referenceId, otp);
      setFilled(r.name);
      await props.reload();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && RESTART.has(err.code)) {
        setStage('number');
        setPending(null);
      }
    } finally {
      setBusy(false);
    }
  };

  if (p.aadhaarVerified)
    return (
      <div>
        <h2>{t('onb.step.kyc')}</h2>
        <p className="success" role="status">
          {t('onb.kyc.verified', { masked: p.aadhaarMasked ?? '' })}
        </p>
        {filled && <p className="muted">{t('onb.kyc.filled', { name: filled })}</p>}
        <p className="badges">
          <span className="badge">{t('onb.kyc.badge')}</span>
        </p>
        <div className="btn-row">
          <button type="button" className="btn" onClick={props.next}>
            {t('onb.continue')}
          </button>
        </div>
      </div>
    );

  return (
    <div>
      <h2>{t('onb.step.kyc')}</h2>
      <p className="muted">{t('onb.kyc.intro')}</p>
      {stage === 'number' ? (
        <form onSubmit={start} noValidate>
          <label htmlFor="aadhaar">{t('onb.kyc.number')}</label>
          <input
            id="aadhaar"
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
            value={digits.replace(/(\d{4})(?=\d)/g, '$1 ')}
            onChange={(e) => setDigits(e.target.value.replace(/\D/g, '').slice(0, 12))}
            aria-describedby="aadhaar-hint"
          />
          <p id="aadhaar-hint" className="hint">
            {t('onb.kyc.numberHint')}
          </p>
          {error !== null && <ErrorNote error={error} />}
          <div className="btn-row">
            <button type="submit" className="btn" disabled={busy || digits.length !== 12}>
              {busy ? t('onb.kyc.sending') : t('onb.kyc.sendOtp')}
            </button>
            <button type="button" className="btn secondary" onClick={props.next} disabled={busy}>
              {t('onb.skip')}
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={verify} noValidate>
          <p role="status">{t('onb.kyc.otpSent', { masked: pending?.masked ?? '' })}</p>
          <label htmlFor="aadhaar-otp">{t('onb.kyc.otp')}</label>
          <input
            id="aadhaar-otp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={otp}
            onChange={(e) => setOtp(e.target.value.replace(/\D/g, ''))}
          />
          {error !== null && <ErrorNote error={error} />}
          <div className="btn-row">
            <button type="submit" className="btn" disabled={busy || otp.length !== 6}>
              {busy ? t('onb.kyc.verifying') : t('onb.kyc.verify')}
            </button>
            <button
              type="button"
              className="btn secondary"
              disabled={busy}
              onClick={() => {
                setStage('number');
                setPending(null);
                setError(null);
              }}
            >
              {t('onb.kyc.restart')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
