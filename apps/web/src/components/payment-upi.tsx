'use client';

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ApiError } from '../lib/api';
import { getUpiIntent, type UpiIntent } from '../lib/api-payments';
import { formatPaise } from '../lib/format';
import { ErrorNote, Loading } from './status';

/** Direct UPI to the pro: the upi://pay link as a QR code (drawn here) and a button that opens a UPI app. */
export function PaymentUpi({ bookingId, onPaid, busy }: { bookingId: string; onPaid: () => void; busy: boolean }) {
  const { t, locale } = useI18n();
  const [intent, setIntent] = useState<UpiIntent | null>(null);
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    getUpiIntent(bookingId).then(
      async (i) => {
        const markup = await QRCode.toString(i.payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
        if (!live) return;
        setIntent(i);
        setSvg(markup);
      },
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [bookingId]);

  if (error instanceof ApiError && error.code === 'UPI_NOT_AVAILABLE') return <p className="hint">{t('pay.upiUnavailable')}</p>;
  if (error !== null) return <ErrorNote error={error} />;
  if (!intent || !svg) return <Loading />;
  const amount = formatPaise(intent.amount, locale);
  return (
    <div className="upi">
      <p className="hint">{t('pay.upiHint')}</p>
      <div
        className="upi-qr"
        role="img"
        aria-label={t('pay.upiQr', { amount, name: intent.payeeName })}
        data-testid="upi-qr"
        data-payload={intent.payload}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG generated locally by the qrcode library from the API's upi:// link
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p className="muted">{t('pay.upiTo', { vpa: intent.payeeVpa, name: intent.payeeName })}</p>
      <div className="btn-row">
        <a className="btn secondary" href={intent.payload}>
          {t('pay.upiOpen')}
        </a>
        <button type="button" className="btn" onClick={onPaid} disabled={busy}>
          {t('pay.upiDone', { amount })}
        </button>
      </div>
    </div>
  );
}
