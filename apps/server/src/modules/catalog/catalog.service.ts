import type {
  CategoryView,
  CreateCategoryBody,
  CreateSubCategoryBody,
  UpdateCategoryBody,
  UpdateSubCategoryBody,
} from '@localpro/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import { AppError, conflict, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import type { CatalogRepository, CategoryRow, SubCategoryRow } from './catalog.repository';
import type { Translations } from './catalog.tables';

export type Lang = 'en' | 'hi';

export interface SlugIndexEntry {
  categoryId: string;
  subCategoryId: string | null;
  name: Translations;
  defaultDurationMin: number;
}
/** Active catalogue by slug: "plumbing" and "plumbing/tap-repair". */
export type SlugIndex = Map<string, SlugIndexEntry>;

const SLUG_INDEX_TTL_MS = 30_000;

function subView(s: SubCategoryRow, lang: Lang) {
  return {
    id: s.id,
    categoryId: s.categoryId,
    slug: s.slug,
    name: s.nameTranslations[lang] ?? s.nameTranslations.en ?? s.name,
    nameTranslations: s.nameTranslations,
    description: s.description ?? null,
    sortOrder: s.sortOrder,
    isActive: s.isActive,
    defaultDurationMin: s.defaultDurationMin,
  };
}

function categoryView(c: CategoryRow & { subCategories: SubCategoryRow[] }, lang: Lang): CategoryView {
  return {
    id: c.id,
    slug: c.slug,
    name: c.nameTranslations[lang] ?? c.nameTranslations.en ?? c.name,
    nameTranslations: c.nameTranslations,
    icon: c.icon,
    description: c.descriptionTranslations[lang] ?? c.description ?? null,
    sortOrder: c.sortOrder,
    isActive: c.isActive,
    platformFeeBps: c.platformFeeBps,
    cancellationPolicy: c.cancellationPolicy,
    backgroundCheckFeePaise: c.backgroundCheckFeePaise,
    subCategories: c.subCategories.map((s) => subView(s, lang)),
  };
}

/** Catalogue reads (public) and admin changes (audited, in one transaction with the change). */
export function createCatalogService(deps: { db: Db; repo: CatalogRepository }) {
  const { db, repo } = deps;
  let cached: { at: number; index: SlugIndex } | null = null;

  async function view(id: string, lang: Lang, includeInactive: boolean): Promise<CategoryView> {
    const [c] = await repo.listCategories(db, { includeInactive, ids: [id] });
    if (!c) throw notFound('Category');
    return categoryView(c, lang);
  }

  return {
    async listCategories(q: { lang: Lang; includeInactive?: boolean }) {
      const rows = await repo.listCategories(db, { includeInactive: q.includeInactive ?? false });
      return { items: rows.map((c) => categoryView(c, q.lang)) };
    },

    getCategory(q: { id: string; lang: Lang; includeInactive?: boolean }) {
      return view(q.id, q.lang, q.includeInactive ?? false);
    },

    async findSubCategory(id: string) {
      return repo.findSubCategory(db, id);
    },
    async findCategory(id: string) {
      return repo.findCategory(db, id);
    },

    /** Slug → ids of the active catalogue, cached briefly (admin changes on this node clear it). */
    async slugIndex(): Promise<SlugIndex> {
      if (cached && Date.now() - cached.at < SLUG_INDEX_TTL_MS) return cached.index;
      const index: SlugIndex = new Map();
      for (const r of await repo.slugIndex(db)) {
        if (!index.has(r.categorySlug)) {
          index.set(r.categorySlug, {
            categoryId: r.categoryId,
            subCategoryId: null,
            name: r.categoryName,
            defaultDurationMin: 60,
          });
        }
        if (r.subCategoryId && r.subCategorySlug && r.subCategoryName) {
          index.set(`${r.categorySlug}/${r.subCategorySlug}`, {
            categoryId: r.categoryId,
            subCategoryId: r.subCategoryId,
            name: r.subCategoryName,
            defaultDurationMin: r.defaultDurationMin ?? 60,
          });
        }
      }
      cached = { at: Date.now(), index };
      return index;
    },

    async createCategory(input: { actor: Actor; body: CreateCategoryBody; ip?: string }) {
      const { body } = input;
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertCategory(tx, {
          slug: body.slug,
          name: body.nameTranslations.en,
          nameTranslations: body.nameTranslations,
          icon: body.icon,
          description: body.description ?? body.descriptionTranslations?.en ?? null,
          descriptionTranslations: body.descriptionTranslations ?? {},
          sortOrder: body.sortOrder,
          isActive: body.isActive,
          platformFeeBps: body.platformFeeBps,
          ...(body.cancellationPolicy ? { cancellationPolicy: body.cancellationPolicy } : {}),
          ...(body.backgroundCheckFeePaise !== undefined ? { backgroundCheckFeePaise: body.backgroundCheckFeePaise } : {}),
        });
        if (!row) throw conflict('CATEGORY_SLUG_TAKEN', `A category with slug "${body.slug}" already exists`);
        await recordAudit(tx, {
          actorUserId: input.actor.userId,
          action: 'catalog.category.create',
          objectType: 'category',
          objectId: row.id,
          after: row,
          ip: input.ip ?? null,
        });
        return row.id;
      });
      cached = null;
      return view(id, 'en', true);
    },

    async updateCategory(input: { actor: Actor; id: string; body: UpdateCategoryBody; ip?: string; action?: string }) {
      const { body } = input;
      await db.transaction(async (tx) => {
        const before = await repo.findCategory(tx, input.id);
        if (!before) throw notFound('Category');
        const after = await repo.updateCategory(tx, input.id, {
          ...(body.nameTranslations ? { nameTranslations: body.nameTranslations, name: body.nameTranslations.en } : {}),
          ...(body.icon !== undefined ? { icon: body.icon } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.descriptionTranslations ? { descriptionTranslations: body.descriptionTranslations } : {}),
          ...(body.sortOrder !== undefined ? { sortOrder: body.sortOrder } : {}),
          ...(body.isActive !== undefined ? { isActive: body.isActive } : {}),
          ...(body.platformFeeBps !== undefined ? { platformFeeBps: body.platformFeeBps } : {}),
          ...(body.cancellationPolicy ? { cancellationPolicy: body.cancellationPolicy } : {}),
          ...(body.backgroundCheckFeePaise !== undefined ? { backgroundCheckFeePaise: body.backgroundCheckFeePaise } : {}),
        });
        await recordAudit(tx, {
          actorUserId: input.actor.userId,
          action: input.action ?? 'catalog.category.update',
          objectType: 'category',
          objectId: input.id,
          before,
          after,
          ip: input.ip ?? null,
        });
      });
      cached = null;
      return view(input.id, 'en', true);
    },

    async createSubCategory(input: { actor: Actor; categoryId: string; body: CreateSubCategoryBody; ip?: string }) {
      const { body } = input;
      const categoryId = await db.transaction(async (tx) => {
        const category = await repo.findCategory(tx, input.categoryId);
        if (!category) throw notFound('Category');
        const row = await repo.insertSubCategory(tx, {
          categoryId: category.id,
          slug: body.slug,
          name: body.nameTranslations.en,
          nameTranslations: body.nameTranslations,
          description: body.description ?? null,
          sortOrder: body.sortOrder,
          isActive: body.isActive,
          defaultDurationMin: body.defaultDurationMin,
        });
        if (!row) throw conflict('SUB_CATEGORY_SLUG_TAKEN', `This category already has a sub-category "${body.slug}"`);
        await recordAudit(tx, {
          actorUserId: input.actor.userId,
          action: 'catalog.subcategory.create',
          objectType: 'sub_category',
          objectId: row.id,
          after: row,
          ip: input.ip ?? null,
        });
        return category.id;
      });
      cached = null;
      return view(categoryId, 'en', true);
    },

    async updateSubCategory(input: { actor: Actor; id: string; body: UpdateSubCategoryBody; ip?: string; action?: string }) {
      const { body } = input;
      const categoryId = await db.transaction(async (tx) => {
        const before = await repo.findSubCategory(tx, input.id);
        if (!before) throw notFound('Sub-category');
        const after = await repo.updateSubCategory(tx, input.id, {
          ...(body.nameTranslations ? { nameTranslations: body.nameTranslations, name: body.nameTranslations.en } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.sortOrder !== undefined ? { sortOrder: body.sortOrder } : {}),
          ...(body.isActive !== undefined ? { isActive: body.isActive } : {}),
          ...(body.defaultDurationMin !== undefined ? { defaultDurationMin: body.defaultDurationMin } : {}),
        });
        await recordAudit(tx, {
          actorUserId: input.actor.userId,
          action: input.action ?? 'catalog.subcategory.update',
          objectType: 'sub_category',
          objectId: input.id,
          before,
          after,
          ip: input.ip ?? null,
        });
        return before.categoryId;
      });
      cached = null;
      return view(categoryId, 'en', true);
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;

export const unknownCategory = (field: 'categoryId' | 'subCategoryId') =>
  new AppError(
    field === 'categoryId' ? 'UNKNOWN_CATEGORY' : 'UNKNOWN_SUB_CATEGORY',
    `No active ${field === 'categoryId' ? 'category' : 'sub-category'} has that id`,
    {
      status: 400,
      details: { field },
    },
  );
