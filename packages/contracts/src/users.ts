import { z } from 'zod';
import { userLanguageSchema, userRoleSchema } from './auth';

export const meResponse = z.object({
  user: z.object({
    id: z.string().uuid(),
    role: userRoleSchema,
    phone: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    profilePhoto: z.string().nullable(),
    preferredLanguage: userLanguageSchema,
    customerId: z.string().uuid().nullable(),
    providerId: z.string().uuid().nullable(),
    createdAt: z.string(),
  }),
});

export const updateMeBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  email: z.string().trim().toLowerCase().email().max(254).nullable().optional(),
  /** A URL or an uploaded document's path; null removes it. */
  profilePhoto: z.string().trim().min(1).max(1000).nullable().optional(),
  preferredLanguage: userLanguageSchema.optional(),
});

/** India's bounding box, generously: mainland and islands. */
export const INDIA_BOUNDS = { minLat: 6.5, maxLat: 37.5, minLng: 68, maxLng: 97.5 } as const;

const addressFields = {
  label: z.string().trim().min(1).max(40),
  addressText: z.string().trim().min(5).max(500),
  landmark: z.string().trim().max(200).nullable().optional(),
  pincode: z
    .string()
    .trim()
    .regex(/^[1-9]\d{5}$/, 'A pincode has 6 digits'),
  lat: z.number().min(INDIA_BOUNDS.minLat).max(INDIA_BOUNDS.maxLat),
  lng: z.number().min(INDIA_BOUNDS.minLng).max(INDIA_BOUNDS.maxLng),
  isDefault: z.boolean().optional(),
};
export const createCustomerAddressBody = z.strictObject(addressFields);
export const updateCustomerAddressBody = z.strictObject({
  label: addressFields.label.optional(),
  addressText: addressFields.addressText.optional(),
  landmark: addressFields.landmark,
  pincode: addressFields.pincode.optional(),
  lat: addressFields.lat.optional(),
  lng: addressFields.lng.optional(),
  isDefault: z.boolean().optional(),
});
export const customerAddressSchema = z.object({
  id: z.string().uuid(),
  label: z.string(),
  addressText: z.string(),
  landmark: z.string().nullable(),
  pincode: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  isDefault: z.boolean(),
  createdAt: z.string(),
});
export const customerAddressListResponse = z.object({ items: z.array(customerAddressSchema) });
export const customerAddressIdParams = z.object({ id: z.string().uuid() });

export const userStatusSchema = z.enum(['ACTIVE', 'SUSPENDED', 'BANNED']);
export const adminUserParams = z.object({ id: z.string().uuid() });
export const adminSetRoleBody = z.strictObject({ role: userRoleSchema, reason: z.string().trim().min(3).max(500).optional() });
export const adminSetStatusBody = z.strictObject({ status: userStatusSchema, reason: z.string().trim().min(3).max(500) });
export const adminUsersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: userRoleSchema.optional(),
  status: userStatusSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const adminUserItem = z.object({
  id: z.string().uuid(),
  role: userRoleSchema,
  phone: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  status: userStatusSchema,
  statusReason: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export const adminUsersResponse = z.object({ items: z.array(adminUserItem), nextCursor: z.string().nullable() });
