import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, paise, updatedAt } from '../../db/columns';

export type Translations = { en: string; hi: string } & Record<string, string>;

/** Free until `freeUntilHours` before the slot; inside the window the customer pays `lateFeeBps` of the price. */
export interface CancellationPolicy {
  freeUntilHours: number;
  lateFeeBps: number;
  lateFeeMinPaise: number;
}

export const categories = pgTable(
  'categories',
  {
    id: id(),
    slug: text().notNull(),
    name: text().notNull(),
    nameTranslations: jsonb().$type<Translations>().notNull(),
    icon: text().notNull(),
    description: text(),
    descriptionTranslations: jsonb().$type<Partial<Translations>>().notNull().default({}),
    isActive: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    /** Platform fee in basis points (800–1500 = 8–15%). */
    platformFeeBps: integer().notNull().default(1000),
    cancellationPolicy: jsonb()
      .$type<CancellationPolicy>()
      .notNull()
      .default({ freeUntilHours: 4, lateFeeBps: 2000, lateFeeMinPaise: 5000 }),
    backgroundCheckFeePaise: paise().notNull().default(50000),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('categories_slug_uq').on(t.slug), index('categories_sort_idx').on(t.sortOrder)],
);

export const subCategories = pgTable(
  'sub_categories',
  {
    id: id(),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id, { onDelete: 'restrict' }),
    slug: text().notNull(),
    name: text().notNull(),
    nameTranslations: jsonb().$type<Translations>().notNull(),
    description: text(),
    isActive: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    /** Typical job length, used to size booking slots. */
    defaultDurationMin: integer().notNull().default(60),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sub_categories_slug_uq').on(t.categoryId, t.slug),
    index('sub_categories_category_idx').on(t.categoryId),
    index('sub_categories_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);
