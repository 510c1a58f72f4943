'use client';

import { type ChangeEvent, useId, useState } from 'react';
import { ErrorNote } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n';
import { deleteDocument, type ProviderDocument, uploadDocument } from '../../../lib/api-pro';
import type { StepProps } from './wizard';

type Kind = 'PROFILE_PHOTO' | 'PORTFOLIO' | 'CERTIFICATE';
const ACCEPT: Record<Kind, string> = {
  PROFILE_PHOTO: 'image/jpeg,image/png,image/webp',
  PORTFOLIO: 'image/jpeg,image/png,image/webp',
  CERTIFICATE: 'image/jpeg,image/png,image/webp,application/pdf',
};

/** Step 6: profile photo (required), work photos and certificates through the upload pipeline. */
export function PhotosStep(props: StepProps) {
  const { t } = useI18n();
  const docs = props.profile.documents;
  const hasPhoto = docs.some((d) => d.kind === 'PROFILE_PHOTO');
  return (
    <div>
      <h2>{t('onb.step.photos')}</h2>
      <p className="muted">{t('onb.photos.intro')}</p>
      <UploadGroup kind="PROFILE_PHOTO" docs={docs} reload={props.reload} />
      <UploadGroup kind="PORTFOLIO" docs={docs} reload={props.reload} multiple />
      <UploadGroup kind="CERTIFICATE" docs={docs} reload={props.reload} multiple />
      {!hasPhoto && <p className="hint">{t('onb.photos.needPhoto')}</p>}
      <div className="btn-row">
        <button type="button" className="btn" disabled={!hasPhoto} onClick={props.next}>
          {t('onb.continue')}
        </button>
      </div>
    </div>
  );
}

function UploadGroup({
  kind,
  docs,
  reload,
  multiple,
}: {
  kind: Kind;
  docs: ProviderDocument[];
  reload: () => Promise<void>;
  multiple?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mine = docs.filter((d) => d.kind === kind);

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length === 0) return;
    setError(null);
    try {
      for (const [i, f] of files.entries()) {
        setBusy(t('onb.photos.uploading', { n: i + 1, total: files.length }));
        await uploadDocument(kind, f);
      }
      await reload();
    } catch (err) {
      setError(err);
      await reload().catch(() => undefined);
    } finally {
      setBusy(null);
    }
  };
  const remove = async (doc: ProviderDocument) => {
    setError(null);
    setBusy(t('onb.photos.removing'));
    try {
      await deleteDocument(doc.id);
      await reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <fieldset className="pro-upload" data-kind={kind}>
      <legend>{t(`onb.photos.${kind}`)}</legend>
      {mine.length > 0 && (
        <ul className="pro-thumbs">
          {mine.map((d) => (
            <li key={d.id}>
              {d.mimeType.startsWith('image/') ? (
                // biome-ignore lint/performance/noImgElement: the API serves the sanitised file; Next's optimiser is not used
                <img src={d.url} alt={t(`onb.photos.alt.${kind}`)} width={96} height={96} />
              ) : (
                <a href={d.url} download>
                  {t('onb.photos.pdf')}
                </a>
              )}
              <button
                type="button"
                className="link"
                onClick={() => void remove(d)}
                disabled={busy !== null}
                aria-label={`${t('onb.photos.remove')}: ${t(`onb.photos.alt.${kind}`)}`}
              >
                {t('onb.photos.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id}>
        {kind === 'PROFILE_PHOTO' && mine.length > 0 ? t('onb.photos.replace') : t(`onb.photos.add.${kind}`)}
      </label>
      <input
        id={id}
        type="file"
        accept={ACCEPT[kind]}
        multiple={multiple}
        onChange={(e) => void pick(e)}
        disabled={busy !== null}
      />
      <p className="hint">{kind === 'CERTIFICATE' ? t('onb.photos.hintPdf') : t('onb.photos.hint')}</p>
      {busy && (
        <p role="status" className="muted">
          <span className="spinner" aria-hidden="true" /> {busy}
        </p>
      )}
      {error !== null && <ErrorNote error={error} />}
    </fieldset>
  );
}
