import { eq } from 'drizzle-orm';
import type { Container } from '../../src/container';
import type { Executor } from '../../src/db/client';
import { catalog } from '../../src/modules/catalog/catalog.data';
import { categories, subCategories } from '../../src/modules/catalog/catalog.tables';
import { providerProfiles } from '../../src/modules/providers/providers.tables';
import { createApprovedProvider } from './index';

export type SeededCatalog = Map<string, { categoryId: string; subCategoryId: string | null }>;

/** Inserts the shipped catalogue (RULES.md slugs) and returns slug → ids ("plumbing", "plumbing/tap-repair"). */
export async function seedCatalog(db: Executor): Promise<SeededCatalog> {
  const out: SeededCatalog = new Map();
  for (const [i, c] of catalog.entries()) {
    const [row] = await db
      .insert(categories)
      .values({
        slug: c.slug,
        name: c.name.en,
        nameTranslations: c.name,
        icon: c.icon,
        description: c.description.en,
        descriptionTranslations: c.description,
        sortOrder: i,
        platformFeeBps: c.platformFeeBps,
        cancellationPolicy: c.cancellationPolicy,
        backgroundCheckFeePaise: c.backgroundCheckFeePaise,
      })
      .returning();
    out.set(c.slug, { categoryId: row!.id, subCategoryId: null });
    const subs = await db
      .insert(subCategories)
      .values(
        c.subCategories.map((s, k) => ({
          categoryId: row!.id,
          slug: s.slug,
          name: s.name.en,
          nameTranslations: s.name,
          description: s.description,
          sortOrder: k,
          defaultDurationMin: s.defaultDurationMin,
        })),
      )
      .returning();
    for (const s of subs) out.set(`${c.slug}/${s.slug}`, { categoryId: row!.id, subCategoryId: s.id });
  }
  return out;
}

/** An approved provider in a shipped category (all its sub-categories priced), with overrides for scoring inputs. */
export async function createSearchableProvider(
  c: Container,
  cat: SeededCatalog,
  opts: {
    categorySlug: string;
    lat: number;
    lng: number;
    radiusKm?: number;
    businessName?: string;
    description?: string;
    averageRating?: number;
    ratingCount?: number;
    aadhaarVerified?: boolean;
    backgroundVerified?: boolean;
    responseTime?: number | null;
    reputationScore?: number;
    pricePaise?: number;
    languages?: string[];
  },
) {
  const subs = [...cat.entries()].filter(([k]) => k.startsWith(`${opts.categorySlug}/`)).map(([, v]) => v.subCategoryId!);
  const categoryId = cat.get(opts.categorySlug)!.categoryId;
  const p = await createApprovedProvider(c, {
    lat: opts.lat,
    lng: opts.lng,
    radiusKm: opts.radiusKm ?? 10,
    businessName: opts.businessName,
    aadhaarVerified: opts.aadhaarVerified,
    backgroundVerified: opts.backgroundVerified,
    category: {
      category: { id: categoryId } as never,
      subCategories: subs.map((id) => ({ id, defaultDurationMin: 60 })) as never,
    },
    pricing: subs.map((id, i) => ({
      subCategoryId: id,
      kind: 'FIXED' as const,
      amountPaise: (opts.pricePaise ?? 30_000) + i * 5_000,
    })),
  });
  await c.db
    .update(providerProfiles)
    .set({
      ...(opts.description !== undefined ? { description: opts.description } : {}),
      averageRating: opts.averageRating ?? 0,
      ratingCount: opts.ratingCount ?? 0,
      responseTime: opts.responseTime ?? null,
      reputationScore: opts.reputationScore ?? 50,
      ...(opts.languages ? { languages: opts.languages } : {}),
    })
    .where(eq(providerProfiles.id, p.providerId));
  return p;
}
