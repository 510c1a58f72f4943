import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { categories, subCategories } from './catalog.tables';

export type CategoryRow = typeof categories.$inferSelect;
export type SubCategoryRow = typeof subCategories.$inferSelect;
export type NewCategory = typeof categories.$inferInsert;
export type NewSubCategory = typeof subCategories.$inferInsert;

/** The only code that touches the catalogue tables. */
export function createCatalogRepository() {
  return {
    async listCategories(ex: Executor, opts: { includeInactive: boolean; ids?: string[] }) {
      const where = and(
        opts.includeInactive ? undefined : eq(categories.isActive, true),
        opts.ids ? inArray(categories.id, opts.ids) : undefined,
      );
      const cats = await ex.select().from(categories).where(where).orderBy(asc(categories.sortOrder), asc(categories.slug));
      if (cats.length === 0) return [];
      const subs = await ex
        .select()
        .from(subCategories)
        .where(
          and(
            inArray(
              subCategories.categoryId,
              cats.map((c) => c.id),
            ),
            opts.includeInactive ? undefined : eq(subCategories.isActive, true),
          ),
        )
        .orderBy(asc(subCategories.sortOrder), asc(subCategories.slug));
      return cats.map((c) => ({ ...c, subCategories: subs.filter((s) => s.categoryId === c.id) }));
    },
    async findCategory(ex: Executor, id: string) {
      const [row] = await ex.select().from(categories).where(eq(categories.id, id)).limit(1);
      return row ?? null;
    },
    async findCategoryBySlug(ex: Executor, slug: string) {
      const [row] = await ex.select().from(categories).where(eq(categories.slug, slug)).limit(1);
      return row ?? null;
    },
    async findSubCategory(ex: Executor, id: string) {
      const [row] = await ex.select().from(subCategories).where(eq(subCategories.id, id)).limit(1);
      return row ?? null;
    },
    async findSubCategoryBySlug(ex: Executor, categoryId: string, slug: string) {
      const [row] = await ex
        .select()
        .from(subCategories)
        .where(and(eq(subCategories.categoryId, categoryId), eq(subCategories.slug, slug)))
        .limit(1);
      return row ?? null;
    },
    /** Every active category and sub-category slug → id (search maps parsed slugs to ids with this). */
    async slugIndex(ex: Executor) {
      const rows = await ex
        .select({
          categoryId: categories.id,
          categorySlug: categories.slug,
          categoryName: categories.nameTranslations,
          subCategoryId: subCategories.id,
          subCategorySlug: subCategories.slug,
          subCategoryName: subCategories.nameTranslations,
          defaultDurationMin: subCategories.defaultDurationMin,
        })
        .from(categories)
        .leftJoin(subCategories, and(eq(subCategories.categoryId, categories.id), eq(subCategories.isActive, true)))
        .where(eq(categories.isActive, true));
      return rows;
    },
    async insertCategory(ex: Executor, values: NewCategory) {
      const [row] = await ex.insert(categories).values(values).onConflictDoNothing().returning();
      return row ?? null;
    },
    async updateCategory(ex: Executor, id: string, values: Partial<NewCategory>) {
      const [row] = await ex.update(categories).set(values).where(eq(categories.id, id)).returning();
      return row ?? null;
    },
    async insertSubCategory(ex: Executor, values: NewSubCategory) {
      const [row] = await ex.insert(subCategories).values(values).onConflictDoNothing().returning();
      return row ?? null;
    },
    async updateSubCategory(ex: Executor, id: string, values: Partial<NewSubCategory>) {
      const [row] = await ex.update(subCategories).set(values).where(eq(subCategories.id, id)).returning();
      return row ?? null;
    },
  };
}
export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
