import { z } from 'zod';

/** Provider onboarding, public profile and admin approval: request/response schemas. */

export const providerStatusSchema = z.enum(['DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'SUSPENDED']);
export type ProviderStatus = z.infer<typeof providerStatusSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)');
const uuid = z.string().uuid();

export const latLngSchema = z.strictObject({ lat: z.number().finite(), lng: z.number().finite() });

export const serviceAreasSchema = z.strictObject({
  radiusKm: z.number().min(1).max(50),
  localities: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  pincodes: z
    .array(z.string().regex(/^[1-9]\d{5}$/, 'A pincode is 6 digits'))
    .max(100)
    .default([]),
});

export const priceItemSchema = z.strictObject({
  subCategoryId: uuid,
  kind: z.enum(['FIXED', 'HOURLY', 'INSPECTION']),
  amountPaise: z.number().int().positive().max(100_000_000),
  durationMin: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .optional(),
});

export const timeRangeSchema = z.strictObject({ start: hhmm, end: hhmm });
export const workingDaySchema = z.strictObject({ start: hhmm, end: hhmm, breaks: z.array(timeRangeSchema).max(6).optional() });
const day = z.array(workingDaySchema).max(4);
/** Keys 0 (Sunday) … 6 (Saturday), times in Asia/Kolkata; an empty list is a day off. */
export const workingHoursSchema = z.strictObject({ '0': day, '1': day, '2': day, '3': day, '4': day, '5': day, '6': day });

export const timeOffSchema = z.strictObject({
  start: z.string().datetime({ offset: true }),
  end: z.string().datetime({ offset: true }),
  reason: z.string().max(200).optional(),
});

export const updateProviderProfileBody = z.strictObject({
  name: z.string().trim().min(2).max(80).optional(),
  email: z.string().trim().email().max(200).optional(),
  dateOfBirth: z.string().date().optional(),
  businessName: z.string().trim().min(2).max(120).optional(),
  description: z.string().trim().max(2000).optional(),
  categoryId: uuid.optional(),
  subCategoryIds: z.array(uuid).min(1).max(30).optional(),
  baseLocation: latLngSchema.optional(),
  address: z.string().trim().max(300).optional(),
  city: z.string().trim().max(80).optional(),
  serviceAreas: serviceAreasSchema.optional(),
  pricing: z.array(priceItemSchema).max(60).optional(),
  workingHours: workingHoursSchema.optional(),
  timeOff: z.array(timeOffSchema).max(60).optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, 'An ISO 639-1 code such as hi or en'))
    .min(1)
    .max(10)
    .optional(),
  upiId: z.string().trim().max(100).nullable().optional(),
  gstin: z.string().trim().toUpperCase().max(15).nullable().optional(),
  autoPayout: z.boolean().optional(),
});
export type UpdateProviderProfileBody = z.infer<typeof updateProviderProfileBody>;

export const checklistItemSchema = z.enum([
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

export const documentSummarySchema = z.object({
  id: uuid,
  kind: z.enum(['PROFILE_PHOTO', 'PORTFOLIO', 'CERTIFICATE', 'REVIEW_PHOTO', 'CHAT_MEDIA']),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  url: z.string(),
  createdAt: z.string(),
});

export const myProviderProfileSchema = z.object({
  id: uuid,
  userId: uuid,
  status: providerStatusSchema,
  statusReason: z.string().nullable(),
  checklist: z.object({ complete: z.boolean(), missing: z.array(checklistItemSchema) }),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string(),
  dateOfBirth: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  businessName: z.string().nullable(),
  description: z.string().nullable(),
  categoryId: uuid.nullable(),
  subCategoryIds: z.array(uuid),
  baseLocation: latLngSchema.nullable(),
  serviceAreas: z.object({ radiusKm: z.number(), localities: z.array(z.string()), pincodes: z.array(z.string()) }),
  pricing: z.array(priceItemSchema),
  workingHours: workingHoursSchema.nullable(),
  timeOff: z.array(timeOffSchema),
  languages: z.array(z.string()),
  upiId: z.string().nullable(),
  gstin: z.string().nullable(),
  autoPayout: z.boolean(),
  bankAccount: z.object({ accountMasked: z.string(), ifsc: z.string(), holderName: z.string() }).nullable(),
  aadhaarVerified: z.boolean(),
  aadhaarMasked: z.string().nullable(),
  backgroundStatus: z.enum(['NOT_STARTED', 'FEE_PENDING', 'IN_PROGRESS', 'PASSED', 'FAILED']),
  backgroundVerified: z.boolean(),
  badges: z.array(z.string()),
  documents: z.array(documentSummarySchema),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type MyProviderProfile = z.infer<typeof myProviderProfileSchema>;

export const publicProviderProfileSchema = z.object({
  id: uuid,
  name: z.string().nullable(),
  businessName: z.string().nullable(),
  description: z.string().nullable(),
  status: providerStatusSchema,
  city: z.string().nullable(),
  category: z.object({ id: uuid, slug: z.string(), name: z.string() }).nullable(),
  services: z.array(
    z.object({
      subCategoryId: uuid,
      slug: z.string(),
      name: z.string(),
      price: priceItemSchema.nullable(),
    }),
  ),
  serviceAreas: z.object({ radiusKm: z.number(), localities: z.array(z.string()), pincodes: z.array(z.string()) }),
  workingHours: workingHoursSchema.nullable(),
  languages: z.array(z.string()),
  badges: z.array(z.string()),
  aadhaarVerified: z.boolean(),
  backgroundVerified: z.boolean(),
  acceptsUpi: z.boolean(),
  profilePhotoUrl: z.string().nullable(),
  portfolio: z.array(z.object({ id: uuid, url: z.string(), width: z.number().nullable(), height: z.number().nullable() })),
  rating: z.object({
    average: z.number(),
    count: z.number().int(),
    dimensions: z.record(z.string(), z.number()),
  }),
  averageRating: z.number(),
  reputationScore: z.number(),
  totalJobs: z.number().int(),
  completedJobs: z.number().int(),
  responseTimeSec: z.number().int().nullable(),
  memberSince: z.string(),
});
export type PublicProviderProfile = z.infer<typeof publicProviderProfileSchema>;

export const providerIdParams = z.strictObject({ id: uuid });
export const reasonBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) });

export const bankAccountBody = z.strictObject({
  accountNumber: z.string().regex(/^\d{9,18}$/, 'An account number is 9 to 18 digits'),
  ifsc: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{4}0[A-Z0-9]{6}$/, 'Not a valid IFSC'),
  holderName: z.string().trim().min(2).max(100),
  otp: z.string().regex(/^\d{6}$/),
});
export const bankAccountSchema = z.object({ accountMasked: z.string(), ifsc: z.string(), holderName: z.string() });
export const otpSentSchema = z.object({ sent: z.literal(true), expiresInSec: z.number().int() });

export const aadhaarStartBody = z.strictObject({ aadhaarNumber: z.string().trim() });
export const aadhaarStartResponse = z.object({
  referenceId: z.string(),
  aadhaarMasked: z.string(),
  expiresInSec: z.number().int(),
});
export const aadhaarVerifyBody = z.strictObject({ referenceId: z.string().min(1).max(200), otp: z.string().regex(/^\d{6}$/) });
export const aadhaarVerifyResponse = z.object({
  aadhaarVerified: z.literal(true),
  aadhaarMasked: z.string(),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  address: z.string().nullable(),
});

export const backgroundCheckSchema = z.object({
  id: uuid,
  status: z.enum(['NOT_STARTED', 'FEE_PENDING', 'IN_PROGRESS', 'PASSED', 'FAILED']),
  feePaise: z.number().int(),
  orderId: z.string().nullable(),
  checkout: z
    .object({
      gateway: z.string(),
      keyId: z.string(),
      orderId: z.string(),
      amount: z.number().int(),
      currency: z.literal('INR'),
      checkoutUrl: z.string().optional(),
    })
    .nullable(),
  resultNote: z.string().nullable(),
});
export const backgroundCheckConfirmBody = z.strictObject({
  paymentId: z.string().min(1).max(100),
  signature: z.string().min(1).max(200),
});

export const adminProviderListQuery = z.strictObject({
  status: providerStatusSchema.default('PENDING_REVIEW'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const adminProviderItemSchema = z.object({
  id: uuid,
  userId: uuid,
  name: z.string().nullable(),
  phone: z.string(),
  businessName: z.string().nullable(),
  status: providerStatusSchema,
  statusReason: z.string().nullable(),
  categoryId: uuid.nullable(),
  submittedAt: z.string().nullable(),
  checklist: z.object({ complete: z.boolean(), missing: z.array(checklistItemSchema) }),
  aadhaarVerified: z.boolean(),
  aadhaarMasked: z.string().nullable(),
  backgroundStatus: z.enum(['NOT_STARTED', 'FEE_PENDING', 'IN_PROGRESS', 'PASSED', 'FAILED']),
  documents: z.array(documentSummarySchema),
  /** What the reviewer checks before approving: the pitch, where and when they work, and their prices. */
  profile: z.object({
    description: z.string().nullable(),
    city: z.string().nullable(),
    address: z.string().nullable(),
    serviceAreas: z.object({ radiusKm: z.number(), localities: z.array(z.string()), pincodes: z.array(z.string()) }),
    pricing: z.array(
      z.object({ subCategoryId: z.string(), kind: z.string(), amountPaise: z.number(), durationMin: z.number().optional() }),
    ),
    workingHours: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))).nullable(),
    languages: z.array(z.string()),
    gstin: z.string().nullable(),
  }),
});
export const adminProviderListSchema = z.object({ items: z.array(adminProviderItemSchema), nextCursor: z.string().nullable() });
export const providerStatusChangeSchema = z.object({
  id: uuid,
  status: providerStatusSchema,
  statusReason: z.string().nullable(),
});

export const auditQuery = z.strictObject({
  actorUserId: uuid.optional(),
  action: z.string().max(100).optional(),
  objectType: z.string().max(100).optional(),
  objectId: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const auditEntrySchema = z.object({
  id: uuid,
  actorUserId: uuid.nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
});
export const auditListSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() });

export const documentKindUpload = z.enum(['PROFILE_PHOTO', 'PORTFOLIO', 'CERTIFICATE']);
export const documentIdParams = z.strictObject({ id: uuid });
