import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { documents, providerProfiles } from '../providers/providers.tables';

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentKind = DocumentRow['kind'];

export function createDocumentsRepository() {
  return {
    async insert(db: Executor, row: typeof documents.$inferInsert): Promise<DocumentRow> {
      const [r] = await db.insert(documents).values(row).returning();
      return r!;
    },
    /** The document with its provider's status (null when it belongs to no provider). */
    async findWithProvider(db: Executor, id: string) {
      const [r] = await db
        .select({ doc: documents, providerStatus: providerProfiles.status, providerActive: providerProfiles.isActive })
        .from(documents)
        .leftJoin(providerProfiles, eq(providerProfiles.id, documents.providerId))
        .where(eq(documents.id, id))
        .limit(1);
      return r ?? null;
    },
    async listForProvider(db: Executor, providerId: string, kinds?: DocumentKind[]): Promise<DocumentRow[]> {
      return db
        .select()
        .from(documents)
        .where(and(eq(documents.providerId, providerId), kinds ? inArray(documents.kind, kinds) : undefined))
        .orderBy(asc(documents.createdAt), asc(documents.id));
    },
    async listForProviders(db: Executor, providerIds: string[]): Promise<DocumentRow[]> {
      if (providerIds.length === 0) return [];
      return db.select().from(documents).where(inArray(documents.providerId, providerIds)).orderBy(asc(documents.createdAt));
    },
    async countForOwner(db: Executor, ownerUserId: string, kind: DocumentKind): Promise<number> {
      const [r] = await db
        .select({ n: count() })
        .from(documents)
        .where(and(eq(documents.ownerUserId, ownerUserId), eq(documents.kind, kind)));
      return r?.n ?? 0;
    },
    async listForOwner(db: Executor, ownerUserId: string, kind: DocumentKind): Promise<DocumentRow[]> {
      return db
        .select()
        .from(documents)
        .where(and(eq(documents.ownerUserId, ownerUserId), eq(documents.kind, kind)));
    },
    async delete(db: Executor, id: string): Promise<void> {
      await db.delete(documents).where(eq(documents.id, id));
    },
  };
}
export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;
