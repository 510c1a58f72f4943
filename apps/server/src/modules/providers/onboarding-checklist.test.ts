import { describe, expect, it } from 'vitest';
import { type ChecklistInput, onboardingChecklist } from './onboarding-checklist';

const complete: ChecklistInput = {
  name: 'Ramesh Kumar',
  businessName: 'Ramesh Plumbing',
  categoryId: 'c1',
  subCategoryIds: ['s1', 's2'],
  baseLat: 26.85,
  baseLng: 80.95,
  serviceAreas: { radiusKm: 5, localities: [], pincodes: [] },
  pricing: [{ subCategoryId: 's1' }, { subCategoryId: 's2' }],
  workingHours: { '1': [{}], '0': [] },
  hasProfilePhoto: true,
};

describe('onboarding checklist', () => {
  it('a complete profile has nothing missing', () => {
    expect(onboardingChecklist(complete)).toEqual({ complete: true, missing: [] });
  });

  it('an empty profile lists every item', () => {
    const r = onboardingChecklist({
      name: null,
      businessName: null,
      categoryId: null,
      subCategoryIds: [],
      baseLat: null,
      baseLng: null,
      serviceAreas: null,
      pricing: [],
      workingHours: null,
      hasProfilePhoto: false,
    });
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual([
      'NAME',
      'BUSINESS_NAME',
      'CATEGORY',
      'SUB_CATEGORIES',
      'BASE_LOCATION',
      'SERVICE_AREAS',
      'PRICING',
      'WORKING_HOURS',
      'PROFILE_PHOTO',
    ]);
  });

  it('every offered service needs a price', () => {
    expect(onboardingChecklist({ ...complete, pricing: [{ subCategoryId: 's1' }] }).missing).toEqual(['PRICING']);
  });

  it('a week of days off is not working hours', () => {
    expect(onboardingChecklist({ ...complete, workingHours: { '0': [], '1': [] } }).missing).toEqual(['WORKING_HOURS']);
  });
});
