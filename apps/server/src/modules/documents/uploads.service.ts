import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { ObjectStorage } from '../../integrations/storage/port';
import { AppError, businessRule } from '../../lib/errors';
import type { DocumentKind, DocumentRow, DocumentsRepository } from './documents.repository';
import { isImage, type SniffedType, sniffType } from './file-sniff';
import { defaultImageLimits, type ImageLimits, ImageRejected, sanitizeImage } from './image-sanitize';
import { checkPdf } from './pdf-check';

/** Which real types each kind accepts. */
const ACCEPTS: Record<DocumentKind, SniffedType[]> = {
  PROFILE_PHOTO: ['image/jpeg', 'image/png', 'image/webp'],
  PORTFOLIO: ['image/jpeg', 'image/png', 'image/webp'],
  CERTIFICATE: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  REVIEW_PHOTO: ['image/jpeg', 'image/png', 'image/webp'],
  CHAT_MEDIA: ['image/jpeg', 'image/png', 'image/webp'],
};
/** How many of a kind one user may keep (PROFILE_PHOTO replaces the previous one). */
const MAX_PER_OWNER: Partial<Record<DocumentKind, number>> = { PORTFOLIO: 20, CERTIFICATE: 10 };

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/webp': 'webp', 'application/pdf': 'pdf' };

export interface StoreUploadInput {
  ownerUserId: string;
  providerId?: string | null;
  kind: DocumentKind;
  /** The raw bytes as received. The client's file name and declared type are ignored. */
  file: { data: Buffer };
}

/**
 * The one upload pipeline (profile photos, portfolio, certificates, review photos, chat images):
 * sniff the real type against an allowlist, re-encode images (metadata stripped, pixel and size
 * limits) or vet PDFs, store under a server-generated key, record the document.
 */
export function createUploadsService(deps: {
  db: Db;
  storage: ObjectStorage;
  documents: DocumentsRepository;
  config: { UPLOAD_LIMIT_BYTES: number };
  imageLimits?: ImageLimits;
}) {
  const limits = deps.imageLimits ?? defaultImageLimits;

  async function storeUpload(input: StoreUploadInput): Promise<DocumentRow> {
    const data = input.file.data;
    if (data.length > deps.config.UPLOAD_LIMIT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'The file is too large');
    if (data.length === 0) throw new AppError('BAD_REQUEST', 'The file is empty');
    const type = sniffType(data);
    if (!type || !ACCEPTS[input.kind].includes(type)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload a JPEG, PNG or WebP image (or a PDF for certificates)', {
        details: { accepted: ACCEPTS[input.kind] },
      });
    }
    const max = MAX_PER_OWNER[input.kind];
    if (max && (await deps.documents.countForOwner(deps.db, input.ownerUserId, input.kind)) >= max) {
      throw businessRule('DOCUMENT_LIMIT', `You can keep at most ${max} files of this kind`);
    }

    let stored: { buffer: Buffer; mimeType: string; width: number | null; height: number | null };
    if (isImage(type)) {
      try {
        const img = await sanitizeImage(data, type as 'image/jpeg' | 'image/png' | 'image/webp', limits);
        stored = { buffer: img.buffer, mimeType: img.mimeType, width: img.width, height: img.height };
      } catch (err) {
        if (err instanceof ImageRejected) throw businessRule('IMAGE_REJECTED', err.message);
        throw err;
      }
    } else {
      const verdict = checkPdf(data);
      if (!verdict.ok) throw businessRule('PDF_REJECTED', 'This PDF cannot be accepted', { reason: verdict.reason });
      stored = { buffer: data, mimeType: 'application/pdf', width: null, height: null };
    }

    const id = randomUUID();
    const storageKey = `documents/${id}.${EXT[stored.mimeType]}`;
    await deps.storage.put(storageKey, stored.buffer, stored.mimeType);
    const previous =
      input.kind === 'PROFILE_PHOTO' ? await deps.documents.listForOwner(deps.db, input.ownerUserId, 'PROFILE_PHOTO') : [];
    try {
      const row = await deps.db.transaction(async (tx) => {
        for (const old of previous) await deps.documents.delete(tx, old.id);
        return deps.documents.insert(tx, {
          id,
          ownerUserId: input.ownerUserId,
          providerId: input.providerId ?? null,
          kind: input.kind,
          storageKey,
          mimeType: stored.mimeType,
          sizeBytes: stored.buffer.length,
          width: stored.width,
          height: stored.height,
        });
      });
      for (const old of previous) await deps.storage.delete(old.storageKey).catch(() => {});
      return row;
    } catch (err) {
      await deps.storage.delete(storageKey).catch(() => {});
      throw err;
    }
  }

  return { storeUpload };
}
export type UploadsService = ReturnType<typeof createUploadsService>;
