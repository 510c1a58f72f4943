import { z } from 'zod';

/** Catalogue: categories and sub-categories, public reads and admin CRUD. */

const slug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case words joined by hyphens');
const label = z.string().trim().min(1).max(80);
export const translationsSchema = z.object({ en: label, hi: label }).catchall(label);
const longText = z.string().trim().max(1000);

export const cancellationPolicySchema = z.strictObject({
  freeUntilHours: z.number().int().min(0).max(168),
  lateFeeBps: z.number().int().min(0).max(10_000),
  lateFeeMinPaise: z.number().int().min(0).max(10_000_000),
});

export const createCategoryBody = z.strictObject({
  slug,
  nameTranslations: translationsSchema,
  icon: z.string().trim().min(1).max(60),
  description: longText.optional(),
  descriptionTranslations: z.object({ en: longText.optional(), hi: longText.optional() }).optional(),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
  isActive: z.boolean().default(true),
  /** 800–1500 basis points = 8–15%. */
  platformFeeBps: z.number().int().min(800).max(1500).default(1000),
  cancellationPolicy: cancellationPolicySchema.optional(),
  backgroundCheckFeePaise: z.number().int().min(0).max(10_000_000).optional(),
});
export type CreateCategoryBody = z.infer<typeof createCategoryBody>;

export const updateCategoryBody = z.strictObject({
  nameTranslations: translationsSchema.optional(),
  icon: z.string().trim().min(1).max(60).optional(),
  description: longText.nullable().optional(),
  descriptionTranslations: z.object({ en: longText.optional(), hi: longText.optional() }).optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  isActive: z.boolean().optional(),
  platformFeeBps: z.number().int().min(800).max(1500).optional(),
  cancellationPolicy: cancellationPolicySchema.optional(),
  backgroundCheckFeePaise: z.number().int().min(0).max(10_000_000).optional(),
});
export type UpdateCategoryBody = z.infer<typeof updateCategoryBody>;

export const createSubCategoryBody = z.strictObject({
  slug,
  nameTranslations: translationsSchema,
  description: longText.optional(),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
  isActive: z.boolean().default(true),
  defaultDurationMin: z.number().int().min(15).max(1440).default(60),
});
export type CreateSubCategoryBody = z.infer<typeof createSubCategoryBody>;

export const updateSubCategoryBody = z.strictObject({
  nameTranslations: translationsSchema.optional(),
  description: longText.nullable().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  isActive: z.boolean().optional(),
  defaultDurationMin: z.number().int().min(15).max(1440).optional(),
});
export type UpdateSubCategoryBody = z.infer<typeof updateSubCategoryBody>;

export const catalogLangQuery = z.strictObject({ lang: z.enum(['en', 'hi']).default('en') });
export const adminCatalogQuery = z.strictObject({
  lang: z.enum(['en', 'hi']).default('en'),
  includeInactive: z.enum(['true', 'false']).default('true'),
});

export const subCategoryView = z.object({
  id: z.string(),
  categoryId: z.string(),
  slug: z.string(),
  name: z.string(),
  nameTranslations: z.record(z.string(), z.string()),
  description: z.string().nullable(),
  sortOrder: z.number(),
  isActive: z.boolean(),
  defaultDurationMin: z.number(),
});
export const categoryView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  nameTranslations: z.record(z.string(), z.string()),
  icon: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number(),
  isActive: z.boolean(),
  platformFeeBps: z.number(),
  cancellationPolicy: cancellationPolicySchema,
  backgroundCheckFeePaise: z.number(),
  subCategories: z.array(subCategoryView),
});
export type CategoryView = z.infer<typeof categoryView>;
export const categoryListResponse = z.object({ items: z.array(categoryView) });
