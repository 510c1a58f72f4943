import type { MyProviderProfile } from '@localpro/contracts';
import type { DocumentRow } from '../documents/documents.repository';
import { documentUrl } from '../documents/documents.service';
import { onboardingChecklist } from './onboarding-checklist';
import type { ProviderRow } from './providers.repository';

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function badgesOf(p: Pick<ProviderRow, 'aadhaarVerified' | 'backgroundVerified'>): string[] {
  const badges: string[] = [];
  if (p.aadhaarVerified) badges.push('AADHAAR_VERIFIED');
  if (p.backgroundVerified) badges.push('BACKGROUND_VERIFIED');
  return badges;
}

export function checklistOf(p: ProviderRow, name: string | null, hasProfilePhoto: boolean) {
  return onboardingChecklist({
    name,
    businessName: p.businessName,
    categoryId: p.categoryId,
    subCategoryIds: p.subCategoryIds,
    baseLat: p.baseLat,
    baseLng: p.baseLng,
    serviceAreas: p.serviceAreas,
    pricing: p.pricing,
    workingHours: p.workingHours,
    hasProfilePhoto,
  });
}

export function documentView(d: DocumentRow) {
  return {
    id: d.id,
    kind: d.kind,
    mimeType: d.mimeType,
    sizeBytes: d.sizeBytes,
    width: d.width,
    height: d.height,
    url: documentUrl(d.id),
    createdAt: d.createdAt.toISOString(),
  };
}

export function myProfileView(
  row: { profile: ProviderRow; name: string | null; email: string | null; phone: string },
  docs: DocumentRow[],
): MyProviderProfile {
  const p = row.profile;
  return {
    id: p.id,
    userId: p.userId,
    status: p.status,
    statusReason: p.statusReason,
    checklist: checklistOf(
      p,
      row.name,
      docs.some((d) => d.kind === 'PROFILE_PHOTO'),
    ),
    name: row.name,
    email: row.email,
    phone: row.phone,
    dateOfBirth: p.dateOfBirth,
    address: p.address,
    city: p.city,
    businessName: p.businessName,
    description: p.description,
    categoryId: p.categoryId,
    subCategoryIds: p.subCategoryIds,
    baseLocation: p.baseLat != null && p.baseLng != null ? { lat: p.baseLat, lng: p.baseLng } : null,
    serviceAreas: p.serviceAreas,
    pricing: p.pricing,
    workingHours: p.workingHours,
    timeOff: p.timeOff,
    languages: p.languages,
    upiId: p.upiId,
    gstin: p.gstin,
    autoPayout: p.autoPayout,
    bankAccount:
      p.bankAccountMasked && p.bankIfsc && p.bankAccountHolder
        ? { accountMasked: p.bankAccountMasked, ifsc: p.bankIfsc, holderName: p.bankAccountHolder }
        : null,
    aadhaarVerified: p.aadhaarVerified,
    aadhaarMasked: p.aadhaarMasked,
    backgroundStatus: p.backgroundStatus,
    backgroundVerified: p.backgroundVerified,
    badges: badgesOf(p),
    documents: docs.map(documentView),
    submittedAt: iso(p.submittedAt),
    approvedAt: iso(p.approvedAt),
  };
}
