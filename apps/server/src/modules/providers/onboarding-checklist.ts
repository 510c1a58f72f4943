/** What a provider must fill in before submitting for review. Pure. */
export type ChecklistItem =
  | 'NAME'
  | 'BUSINESS_NAME'
  | 'CATEGORY'
  | 'SUB_CATEGORIES'
  | 'BASE_LOCATION'
  | 'SERVICE_AREAS'
  | 'PRICING'
  | 'WORKING_HOURS'
  | 'PROFILE_PHOTO';

export interface ChecklistInput {
  name: string | null;
  businessName: string | null;
  categoryId: string | null;
  subCategoryIds: string[];
  baseLat: number | null;
  baseLng: number | null;
  serviceAreas: { radiusKm: number; localities: string[]; pincodes: string[] } | null;
  pricing: { subCategoryId: string }[];
  workingHours: Record<string, unknown[]> | null;
  hasProfilePhoto: boolean;
}

export function onboardingChecklist(p: ChecklistInput): { complete: boolean; missing: ChecklistItem[] } {
  const missing: ChecklistItem[] = [];
  if (!p.name?.trim()) missing.push('NAME');
  if (!p.businessName?.trim()) missing.push('BUSINESS_NAME');
  if (!p.categoryId) missing.push('CATEGORY');
  if (p.subCategoryIds.length === 0) missing.push('SUB_CATEGORIES');
  if (p.baseLat == null || p.baseLng == null) missing.push('BASE_LOCATION');
  if (!p.serviceAreas || !(p.serviceAreas.radiusKm > 0)) missing.push('SERVICE_AREAS');
  const priced = new Set(p.pricing.map((x) => x.subCategoryId));
  if (p.subCategoryIds.length === 0 || p.subCategoryIds.some((s) => !priced.has(s))) missing.push('PRICING');
  if (!p.workingHours || Object.values(p.workingHours).every((d) => d.length === 0)) missing.push('WORKING_HOURS');
  if (!p.hasProfilePhoto) missing.push('PROFILE_PHOTO');
  return { complete: missing.length === 0, missing };
}
