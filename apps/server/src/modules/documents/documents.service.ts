import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import type { ObjectStorage } from '../../integrations/storage/port';
import { AppError, notFound } from '../../lib/errors';
import type { DocumentKind, DocumentRow, DocumentsRepository } from './documents.repository';

/** Other modules may widen who sees their kinds (e.g. chat media to both room members). */
export type ViewRule = (actor: Actor | null, doc: DocumentRow) => Promise<boolean>;

const PUBLIC_WHEN_PROVIDER_LIVE: DocumentKind[] = ['PROFILE_PHOTO', 'PORTFOLIO'];

export const documentUrl = (id: string) => `/api/documents/${id}`;

export function createDocumentsService(deps: {
  db: Db;
  storage: ObjectStorage;
  documents: DocumentsRepository;
  viewRules?: Partial<Record<DocumentKind, ViewRule>>;
}) {
  const isAdmin = (actor: Actor | null) => actor?.role === 'ADMIN' && actor.secondFactor;

  return {
    /** The file for `actor`, or NOT_FOUND when they may not see it (existence does not leak). */
    async getDocumentFile(actor: Actor | null, id: string) {
      const found = await deps.documents.findWithProvider(deps.db, id);
      if (!found) throw notFound('Document');
      const { doc } = found;
      const isPublic =
        PUBLIC_WHEN_PROVIDER_LIVE.includes(doc.kind) && found.providerStatus === 'APPROVED' && found.providerActive === true;
      const allowed =
        isPublic ||
        actor?.userId === doc.ownerUserId ||
        isAdmin(actor) ||
        (deps.viewRules?.[doc.kind] ? await deps.viewRules[doc.kind]!(actor, doc) : false);
      if (!allowed) throw notFound('Document');
      const body = await deps.storage.get(doc.storageKey);
      if (!body) throw notFound('Document');
      return { doc, body, isPublic };
    },

    async deleteDocument(actor: Actor, id: string): Promise<void> {
      const found = await deps.documents.findWithProvider(deps.db, id);
      if (!found || found.doc.ownerUserId !== actor.userId) throw notFound('Document');
      if (
        found.doc.kind === 'PROFILE_PHOTO' &&
        found.providerStatus &&
        ['PENDING_REVIEW', 'APPROVED'].includes(found.providerStatus)
      ) {
        throw new AppError('PROFILE_PHOTO_REQUIRED', 'Upload a new profile photo instead of deleting it', { status: 409 });
      }
      await deps.documents.delete(deps.db, id);
      await deps.storage.delete(found.doc.storageKey).catch(() => {});
    },
  };
}
export type DocumentsService = ReturnType<typeof createDocumentsService>;
