'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorNote, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api';
import { type BackgroundCheck, confirmBackgroundCheck, getBackgroundCheck, requestBackgroundCheck } from '../../../lib/api-pro';
import { formatPaise } from '../../../lib/format';
import type { StepProps } from './wizard';

interface CheckoutResult {
  type: 'localpro:sandbox-checkout';
  outcome: 'success' | 'failure';
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature?: string;
}

/** Step 8 (optional): background verification for the category's fee, paid through the gateway's checkout. */
export function BackgroundStep(props: StepProps) {
  const { t, locale } = useI18n();
  const p = props.profile;
  const fee = props.categories.find((c) => c.id === p.categoryId)?.backgroundCheckFeePaise ?? null;
  const [check, setCheck] = useState<BackgroundCheck | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [checkoutUrl, setCheckoutUrl] = useState<string | null>(null);
  const orderRef = useRef<string | null>(null);
  const { reload } = props;

  const load = useCallback(async () => {
    try {
      setCheck(await getBackgroundCheck());
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setCheck(null);
      else setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  // The checkout window posts its result here (same origin only).
  useEffect(() => {
    const onMessage = async (e: MessageEvent) => {
      if (e.origin !== window.location.origin) return;
      const r = e.data as CheckoutResult;
      if (r?.type !== 'localpro:sandbox-checkout' || r.razorpay_order_id !== orderRef.current) return;
      if (r.outcome !== 'success' || !r.razorpay_signature) {
        setError(new ApiError(402, 'PAYMENT_FAILED', t('onb.bg.payFailed')));
        return;
      }
      setBusy(true);
      setError(null);
      try {
        setCheck(await confirmBackgroundCheck(r.razorpay_payment_id, r.razorpay_signature));
        setCheckoutUrl(null);
        await reload();
      } catch (err) {
        setError(err);
      } finally {
        setBusy(false);
      }
    };
    const listener = (e: MessageEvent) => void onMessage(e);
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [reload, t]);

  const pay = async () => {
    setBusy(true);
    setError(null);
    try {
      const c = await requestBackgroundCheck();
      setCheck(c);
      const url = c.checkout?.checkoutUrl;
      if (!url) throw new ApiError(503, 'CHECKOUT_UNAVAILABLE', t('onb.bg.noCheckout'));
      orderRef.current = c.checkout?.orderId ?? null;
      // Same-origin path: the sandbox page lives on this server whatever PUBLIC_URL says.
      const path = new URL(url, window.location.origin).pathname;
      setCheckoutUrl(path);
      window.open(path, 'localpro-checkout', 'popup,width=420,height=640');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const status = check?.status ?? 'NOT_STARTED';
  return (
    <div>
      <h2>{t('onb.step.background')}</h2>
      <p className="muted">{t('onb.bg.intro')}</p>
      {check === undefined && error === null && <Loading />}
      {check !== undefined && (
        <p className="pro-bg-status" data-status={status} role="status">
          {t(`onb.bg.status.${status}`)}
          {check?.resultNote ? ` — ${check.resultNote}` : ''}
        </p>
      )}
      {check !== undefined && (status === 'NOT_STARTED' || status === 'FEE_PENDING' || status === 'FAILED') && (
        <>
          {fee !== null && <p>{t('onb.bg.fee', { fee: formatPaise(check?.feePaise ?? fee, locale) })}</p>}
          <div className="btn-row">
            <button type="button" className="btn" onClick={() => void pay()} disabled={busy || !p.categoryId}>
              {busy ? t('onb.bg.working') : t('onb.bg.pay')}
            </button>
          </div>
          {!p.categoryId && <p className="hint">{t('onb.bg.needCategory')}</p>}
          {checkoutUrl && (
            <p className="hint">
              {t('onb.bg.popup')}{' '}
              <a href={checkoutUrl} target="localpro-checkout">
                {t('onb.bg.openCheckout')}
              </a>
            </p>
          )}
        </>
      )}
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="button" className={status === 'NOT_STARTED' ? 'btn secondary' : 'btn'} onClick={props.next} disabled={busy}>
          {status === 'NOT_STARTED' || status === 'FEE_PENDING' ? t('onb.skip') : t('onb.continue')}
        </button>
      </div>
    </div>
  );
}
